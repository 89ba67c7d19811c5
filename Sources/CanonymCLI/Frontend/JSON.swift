/// Minimal JSON encoding for the streaming writers: key order is fixed and no intermediate
/// objects are built. Hot paths write a record's bytes with ``JSONObject``; the functions here
/// encode single values as strings for the rest.
enum JSON {
    static func string(_ value: String) -> String {
        // Most values (names, ids, keys) need no escape: quoted as they are, without a copy byte by byte.
        if !value.utf8.contains(where: needsEscape) { return "\"" + value + "\"" }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 8)
        appendString(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `value` quoted and escaped, appended to `out`.
    static func appendString(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendString(utf8: $0, to: &out) }
    }

    /// UTF-8 text quoted and escaped, appended to `out`: runs that need no escape are copied whole.
    static func appendString(utf8 text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in text.indices where needsEscape(text[index]) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            appendEscape(of: text[index], to: &out)
            runStart = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        out.append(UInt8(ascii: "\""))
    }

    /// In UTF-8 every byte below 0x80 is an ASCII scalar, and only those are escaped.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendEscape(of byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
        case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        default: out += Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
        }
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
        var object = JSONObject()
        for (key, value) in fields { object.encoded(key, value) }
        return String(decoding: object.closed(), as: UTF8.self)
    }
}

/// A JSON object written field by field straight into bytes, in the order the fields are added:
/// a record costs one buffer, not a string per field and another per join.
struct JSONObject {
    private var bytes: [UInt8]
    private var isEmpty = true

    init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func string(_ key: String, _ value: String) {
        self.key(key)
        JSON.appendString(value, to: &bytes)
    }

    /// A string field from UTF-8 bytes.
    mutating func string(_ key: String, utf8 value: [UInt8]) {
        self.key(key)
        value.withUnsafeBufferPointer { JSON.appendString(utf8: $0, to: &bytes) }
    }

    /// A string field, or null.
    mutating func optional(_ key: String, _ value: String?) {
        if let value { string(key, value) } else { encoded(key, "null") }
    }

    mutating func integer(_ key: String, _ value: Int) { encoded(key, String(value)) }

    /// A score (see `JSON.number`), or null.
    mutating func number(_ key: String, _ value: Double?) { encoded(key, JSON.number(value)) }

    /// A value already encoded as JSON.
    mutating func encoded(_ key: String, _ json: String) {
        self.key(key)
        bytes.append(contentsOf: json.utf8)
    }

    private mutating func key(_ key: String) {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
        JSON.appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// The object's bytes with its closing brace, and a line break after it when `line`.
    consuming func closed(line: Bool = false) -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        if line { bytes.append(UInt8(ascii: "\n")) }
        return bytes
    }
}
