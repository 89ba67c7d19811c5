/// Reads the tables of ICU's answers embedded in the source (`LatinLetterFoldsEmbedded`,
/// `CyrillicLettersEmbedded`): lines of space-separated fields, code points and byte strings in
/// hex. Parsed byte by byte: splitting `Substring`s took 24 M instructions for a thousand lines,
/// a tenth of a process's start-up.
enum EmbeddedLines {
    /// Calls `body` with the fields of each non-empty line, as UTF-8 bytes.
    static func forEachLine(of text: String, _ body: ([ArraySlice<UInt8>]) -> Void) {
        let bytes = Array(text.utf8)
        var fields: [ArraySlice<UInt8>] = []
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for k in lineStart...lineEnd where k == lineEnd || bytes[k] == UInt8(ascii: " ") {
                fields.append(bytes[fieldStart..<k])
                fieldStart = k + 1
            }
            if lineEnd > lineStart { body(fields) }
            lineStart = lineEnd + 1
        }
    }

    /// The number a field writes in hex; nil when it holds anything else.
    static func hexValue(_ field: ArraySlice<UInt8>) -> UInt32? {
        guard !field.isEmpty, field.count <= 8 else { return nil }
        var value: UInt32 = 0
        for byte in field {
            guard let digit = hexDigit(byte) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The bytes a field writes in hex, two digits each; nil when it holds anything else.
    static func hexBytes(_ field: ArraySlice<UInt8>) -> [UInt8]? {
        guard field.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.count / 2)
        var k = field.startIndex
        while k < field.endIndex {
            guard let high = hexDigit(field[k]), let low = hexDigit(field[k + 1]) else { return nil }
            bytes.append(high << 4 | low)
            k += 2
        }
        return bytes
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
