/// Minimal JSON encoding for the streaming writers: key order is fixed and no intermediate
/// objects are built, so a line costs one string append.
enum JSON {
    static func string(_ value: String) -> String {
        // Most values (names, ids, keys) need no escape: quoted as they are, without a copy byte by byte.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + value + "\""
        }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        // Byte by byte: in UTF-8 every byte below 0x80 is an ASCII scalar, and only those are escaped.
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func optional(_ value: String?) -> String { value.map(string) ?? "null" }

    /// Scores are printed with 4 decimals, enough to rank and stable across platforms.
    static func number(_ value: Double?) -> String {
        guard let value else { return "null" }
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    /// An object from already-encoded values, in the given key order.
    static func object(_ fields: [(String, String)]) -> String {
        var out = "{"
        out.reserveCapacity(fields.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 })
        for (index, (key, value)) in fields.enumerated() {
            if index > 0 { out += "," }
            out += string(key)
            out += ":"
            out += value
        }
        return out + "}"
    }
}
