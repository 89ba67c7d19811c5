/// Counts over UTF-8 text that a scan makes of every chunk: its scalars (the offsets of the
/// next chunk) and its line breaks (where a later problem in the file is reported). Eight bytes
/// are counted together, as bits of a word: a byte at a time was a twentieth of a scan.
package enum UTF8Counts {
    /// How many scalars `utf8` holds: its bytes that are not continuation bytes (`10xxxxxx`).
    package static func scalars(in utf8: UnsafeBufferPointer<UInt8>) -> Int {
        // A continuation byte has its top bit set and the next one clear.
        utf8.count - count(in: utf8, marking: { $0 & ~($0 << 1) }, { $0 & 0xC0 == 0x80 })
    }

    /// How many line feeds `bytes` holds.
    package static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        count(in: bytes, marking: { word in
            // A byte of `word ^ 0x0A…` is zero where a line feed was: adding 0x7F to its low
            // seven bits carries into the top bit of every other byte (and none carries further).
            let found = word ^ (ones &* 0x0A), low = ones &* 0x7F
            return ~(((found & low) &+ low) | found)
        }, { $0 == 0x0A })
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The bytes of `bytes` that `matches`, counted eight at a time through `mark`, which sets
    /// the top bit of each byte of a word whose byte matches (its other bits are ignored).
    private static func count(in bytes: UnsafeBufferPointer<UInt8>, marking mark: (UInt64) -> UInt64, _ matches: (UInt8) -> Bool) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var total = 0, index = 0
        while index + 8 <= bytes.count {
            // Each byte of `lanes` counts its column's marks, for up to 31 words (the eight
            // columns then sum to at most 248, which the multiplication adds into the top byte).
            var lanes: UInt64 = 0
            let blockEnd = min(bytes.count, index + 8 * 31)
            while index + 8 <= blockEnd {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                lanes &+= (mark(word) >> 7) & ones
                index += 8
            }
            total += Int(truncatingIfNeeded: (lanes &* ones) >> 56)
        }
        while index < bytes.count {
            if matches(bytes[index]) { total += 1 }
            index += 1
        }
        return total
    }
}
