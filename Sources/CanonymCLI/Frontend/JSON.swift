/// Minimal JSON encoding for the streaming writers: key order is fixed and no intermediate
/// objects are built. Hot paths write a record's bytes with ``JSONObject``; the functions here
/// encode single values as strings for the rest.
enum JSON {
    static func string(_ value: String) -> String {
        // Most values (names, ids, keys) need no escape: quoted as they are, without a copy byte by byte.
        if !value.utf8.contains(where: needsEscape) { return "\"" + value + "\"" }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 8)
        var value = value
        value.withUTF8 { quote($0, copying: { out.append(contentsOf: $0) }, writing: { out.append($0) }) }
        return String(decoding: out, as: UTF8.self)
    }

    /// UTF-8 text quoted and escaped, handed out in pieces: the quotation marks and escapes byte
    /// by byte to `write`, the runs between escapes whole to `copy`.
    static func quote(_ text: UnsafeBufferPointer<UInt8>, copying copy: (UnsafeBufferPointer<UInt8>) -> Void,
                      writing write: (UInt8) -> Void) {
        write(UInt8(ascii: "\""))
        var runStart = 0
        var index = nextEscape(in: text, from: 0)
        while index < text.count {
            copy(UnsafeBufferPointer(rebasing: text[runStart..<index]))
            escape(of: text[index], write)
            runStart = index + 1
            index = nextEscape(in: text, from: runStart)
        }
        copy(UnsafeBufferPointer(rebasing: text[runStart...]))
        write(UInt8(ascii: "\""))
    }

    /// The first byte from `start` on that needs an escape, or the end. Eight bytes are looked at
    /// together: most text needs none, and a test byte by byte was a tenth of a scan's output.
    static func nextEscape(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = text.baseAddress {
            while index + 8 <= text.count, !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { index += 8 }
        }
        while index < text.count, !needsEscape(text[index]) { index += 1 }
        return index
    }

    /// Whether one of the eight bytes of `word` needs an escape: a byte below 0x20, a quotation
    /// mark or a backslash (the subtraction borrows into a byte's top bit only below the bound
    /// or at zero, and top bits set in `word` itself are masked out).
    fileprivate static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C)
        let found = ((word &- ones &* 0x20) & ~word) | ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
        return found & (ones &* 0x80) != 0
    }

    /// In UTF-8 every byte below 0x80 is an ASCII scalar, and only those are escaped.
    fileprivate static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The escape of a byte that `needsEscape`, byte by byte to `write`.
    fileprivate static func escape(of byte: UInt8, _ write: (UInt8) -> Void) {
        write(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): write(byte)
        case UInt8(ascii: "\n"): write(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): write(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): write(UInt8(ascii: "t"))
        default:
            for digit in [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]] { write(digit) }
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
        for (key, value) in fields { object.encoded(runtimeKey: key, value) }
        return String(decoding: object.closed(), as: UTF8.self)
    }
}

/// A JSON object written field by field straight into bytes, in the order the fields are added:
/// a record costs one buffer, not a string per field and another per join. The buffer is raw
/// memory, grown by doubling and sized before each field: appending to an array byte by byte,
/// with its checks, cost most of a scan's output.
struct JSONObject: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var isEmpty = true

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        append(UInt8(ascii: "{"))
    }

    deinit { base.deallocate() }

    /// Bytes written so far, the opening brace included.
    var byteCount: Int { count }

    mutating func string(_ key: StaticString, _ value: String) {
        self.key(key)
        Self.withUTF8(of: value) { appendQuoted($0) }
    }

    /// A string field from scalars, each line break written as a space (a record's context),
    /// encoded and escaped in one pass with no string or array of the text made. Nothing is
    /// written, and false returned, when a line break stands beside a scalar that is not
    /// `plain` (one the caller's replacement would treat otherwise); the slice's edges count as spaces.
    mutating func stringWithLineBreaksAsSpaces(_ key: StaticString, scalars: ArraySlice<Unicode.Scalar>,
                                               besidePlain plain: (Unicode.Scalar) -> Bool) -> Bool {
        let countBefore = count, wasEmpty = isEmpty
        self.key(key)
        reserve(scalars.count * 6 + 2)  // an escape is at most six bytes, a scalar at most four
        append(UInt8(ascii: "\""))
        // Written through a pointer local to the loop: the buffer's fields, or a variable the
        // closure captured, would be loaded and stored again per byte.
        let start = base + count
        let written: UnsafeMutablePointer<UInt8>? = scalars.withUnsafeBufferPointer { scalars in
            var end = start, index = 0
            while index < scalars.count {
                #if _endian(little)  // a scalar's low byte comes first in memory
                // Eight at a time while they are ASCII that needs no escape (most of a context):
                // their bytes packed into a word and tested as `JSON.quote` tests eight bytes.
                if index + 8 <= scalars.count, let first = scalars.baseAddress.map(UnsafeRawPointer.init) {
                    func pair(_ at: Int) -> UInt64 { first.loadUnaligned(fromByteOffset: 4 * index + 8 * at, as: UInt64.self) }
                    func bytes(_ pair: UInt64) -> UInt64 { (pair & 0xFF) | (pair >> 24 & 0xFF00) }
                    let pairs = (pair(0), pair(1), pair(2), pair(3))
                    let packed = bytes(pairs.0) | bytes(pairs.1) << 16 | bytes(pairs.2) << 32 | bytes(pairs.3) << 48
                    if (pairs.0 | pairs.1 | pairs.2 | pairs.3) & 0xFFFF_FF80_FFFF_FF80 == 0, !JSON.mayNeedEscape(packed) {
                        UnsafeMutableRawPointer(end).storeBytes(of: packed.littleEndian, as: UInt64.self)
                        end += 8
                        index += 8
                        continue
                    }
                }
                #endif
                // Else the next eight one by one.
                for index in index..<min(index + 8, scalars.count) {
                    let scalar = scalars[index]
                    guard scalar.isASCII else {
                        UTF8.encode(scalar) { end.pointee = $0; end += 1 }
                        continue
                    }
                    let byte = UInt8(truncatingIfNeeded: scalar.value)
                    if byte == UInt8(ascii: "\n") {
                        guard plain(index > 0 ? scalars[index - 1] : " "), plain(index + 1 < scalars.count ? scalars[index + 1] : " ") else { return nil }
                        end.pointee = UInt8(ascii: " ")
                        end += 1
                    } else if JSON.needsEscape(byte) {
                        JSON.escape(of: byte) { end.pointee = $0; end += 1 }
                    } else {
                        end.pointee = byte
                        end += 1
                    }
                }
                index = min(index + 8, scalars.count)
            }
            return end
        }
        guard let end = written else {
            count = countBefore
            isEmpty = wasEmpty
            return false
        }
        count = end - base
        append(UInt8(ascii: "\""))
        return true
    }

    /// A string field, or null.
    mutating func optional(_ key: StaticString, _ value: String?) {
        if let value { string(key, value) } else { encoded(key, "null") }
    }

    mutating func integer(_ key: StaticString, _ value: Int) {
        self.key(key)
        reserve(20)
        if value < 0 { append(UInt8(ascii: "-")) }
        var width = 1, rest = value.magnitude
        while rest >= 10 { rest /= 10; width += 1 }
        appendDigits(of: value.magnitude, width: width)
    }

    /// A score (see `JSON.number`), or null. One strictly between 0 and 1 at four decimals, as
    /// nearly every score is, is written digit by digit: the number made into a string first
    /// was a sixth of a scan's record. (Four decimals are the shortest form that reads back as
    /// the same rounded number, which is what `JSON.number` prints.)
    mutating func number(_ key: StaticString, _ value: Double?) {
        guard let value, value > 0, value < 1 else { return encoded(key, JSON.number(value)) }
        var digits = Int((value * 10_000).rounded())
        guard digits > 0, digits < 10_000 else { return encoded(key, JSON.number(value)) }
        var places = 4
        while digits % 10 == 0 { digits /= 10; places -= 1 }
        self.key(key)
        reserve(6)
        append(UInt8(ascii: "0"))
        append(UInt8(ascii: "."))
        appendDigits(of: UInt(digits), width: places)
    }

    /// The last `width` decimal digits of `value`, into room reserved before.
    @inline(__always) private mutating func appendDigits(of value: UInt, width: Int) {
        var rest = value
        for position in stride(from: count + width - 1, through: count, by: -1) {
            base[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += width
    }

    /// A string field whose value needs no escape (an enumeration's raw value), copied as it is.
    mutating func plainString(_ key: StaticString, _ value: String) {
        self.key(key)
        Self.withUTF8(of: value) { text in
            reserve(text.count + 2)
            append(UInt8(ascii: "\""))
            copy(text)
            append(UInt8(ascii: "\""))
        }
    }

    /// A value already encoded as JSON.
    mutating func encoded(_ key: StaticString, _ json: String) {
        self.key(key)
        appendRaw(json)
    }

    /// A value already encoded as JSON, under a key known only at run time (escaped as needed).
    mutating func encoded(runtimeKey key: String, _ json: String) {
        separate()
        Self.withUTF8(of: key) { appendQuoted($0) }
        append(UInt8(ascii: ":"))
        appendRaw(json)
    }

    /// The object's bytes with its closing brace, and a line break after it when `line`.
    consuming func closed(line: Bool = false) -> [UInt8] {
        withClosedBytes(line: line) { Array($0) }
    }

    /// `closed(line:)`'s bytes lent to `body`, without a copy into an array of their own; the
    /// object is then empty again, for the next record in the same buffer.
    mutating func withClosedBytes<Result>(line: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        reserve(2)
        append(UInt8(ascii: "}"))
        if line { append(UInt8(ascii: "\n")) }
        defer {
            count = 0
            isEmpty = true
            append(UInt8(ascii: "{"))
        }
        return body(UnsafeBufferPointer(start: base, count: count))
    }

    /// A key written in the source: copied as it is, as none needs an escape.
    @inline(__always) private mutating func key(_ key: StaticString) {
        separate()
        key.withUTF8Buffer { text in
            reserve(text.count + 3)
            append(UInt8(ascii: "\""))
            copy(text)
            append(UInt8(ascii: "\""))
            append(UInt8(ascii: ":"))
        }
    }

    @inline(__always) private mutating func separate() {
        reserve(1)
        if !isEmpty { append(UInt8(ascii: ",")) }
        isEmpty = false
    }

    /// UTF-8 text quoted and escaped (`JSON.quote`).
    private mutating func appendQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        reserve(text.count * 6 + 2)  // an escape is at most six bytes
        JSON.quote(text, copying: { copy($0) }, writing: { append($0) })
    }

    /// Bytes into room reserved before.
    @inline(__always) private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let address = bytes.baseAddress else { return }
        (base + count).update(from: address, count: bytes.count)
        count += bytes.count
    }

    private mutating func appendRaw(_ json: String) {
        Self.withUTF8(of: json) { text in
            reserve(text.count)
            copy(text)
        }
    }

    /// The bytes of `text`, read in place when it is stored contiguously (as native strings
    /// are): `withUTF8` would need a mutable copy, and a retain of it.
    private static func withUTF8(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if text.utf8.withContiguousStorageIfAvailable({ body($0) }) == nil {
            var text = text
            text.withUTF8 { body($0) }
        }
    }

    /// Room for `extra` more bytes. Inlined, with the growing apart: it runs several times per field.
    @inline(__always) private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toHold: extra) }
    }

    @inline(never) private mutating func grow(toHold extra: Int) {
        let grown = max(capacity * 2, count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = grown
    }

    /// One byte, into room reserved before.
    @inline(__always) private mutating func append(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }
}
