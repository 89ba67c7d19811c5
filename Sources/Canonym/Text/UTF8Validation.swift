/// Whether bytes are UTF-8, judged as `String(validating:as:)` judges them, without a string made:
/// a scan checks every chunk it reads, and its threads decode the scalars from the bytes. Eight
/// ASCII bytes are passed together (most of news); a longer character is checked against
/// Unicode's table of well-formed byte sequences (table 3-7): no overlong forms, no surrogates,
/// nothing past U+10FFFF, no stray or missing continuation bytes.
package enum UTF8Validation {
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstInvalidOffset(in: bytes) == bytes.count
    }

    /// Offset of the first byte that does not begin a well-formed character; `bytes.count`
    /// when every one does.
    package static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        var index = 0
        /// Whether the byte `ahead` of the lead is a continuation byte within `range`.
        func continues(_ ahead: Int, in range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + ahead < count && range.contains(base[index + ahead])
        }
        while index < count {
            if index + 8 <= count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = base[index]
            switch lead {
            case 0x00...0x7F:
                index += 1
            case 0xC2...0xDF:
                guard continues(1) else { return index }
                index += 2
            case 0xE0...0xEF:
                let second: ClosedRange<UInt8> = lead == 0xE0 ? 0xA0...0xBF : lead == 0xED ? 0x80...0x9F : 0x80...0xBF
                guard continues(1, in: second), continues(2) else { return index }
                index += 3
            case 0xF0...0xF4:
                let second: ClosedRange<UInt8> = lead == 0xF0 ? 0x90...0xBF : lead == 0xF4 ? 0x80...0x8F : 0x80...0xBF
                guard continues(1, in: second), continues(2), continues(3) else { return index }
                index += 4
            default:
                return index
            }
        }
        return count
    }
}
