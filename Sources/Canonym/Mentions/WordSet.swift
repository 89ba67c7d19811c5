/// A fixed set of words, asked whether it holds a word many times per line of text: the mention
/// finder's lexicons and its gazetteer phrases. A word is found by an `FNV1a` hash of its UTF-8
/// bytes in an open-addressed table, then compared byte for byte: `Set<String>` hashes with
/// SipHash, whose set-up alone cost more than these short words' whole lookup, and lookups in
/// such sets were a sixth of a scan's time.
struct WordSet: Sendable {
    /// All words' bytes, one after the other.
    private let bytes: [UInt8]
    /// The table: where each slot's word starts in `bytes`, and its length (-1: empty slot), side
    /// by side, so that a probe of a large table (the gazetteer's phrases) reads one cache line.
    private let slots: [Slot]
    fileprivate struct Slot {
        var start: Int32 = 0, length: Int32 = -1
    }
    /// Per slot, seven bits of its word's hash with the top bit set (0: empty slot). A probe reads
    /// these first, an eighth of the slots' size: a word the set does not hold (most questions
    /// about the phrase prefixes) is answered without reading the large table at all.
    private let tags: [UInt8]
    private let mask: Int
    let count: Int
    /// The longest word's bytes: a longer word (or one of more scalars) is in no slot.
    private let longest: Int

    init<Words: Sequence>(_ words: Words) where Words.Element == String {
        var builder = Builder()
        for word in words {
            var word = word
            word.withUTF8 { builder.insert($0) }
        }
        self.init(builder)
    }

    init(_ builder: consuming Builder) {
        bytes = builder.bytes
        slots = builder.slots
        tags = builder.tags
        mask = builder.slots.count - 1
        count = builder.count
        longest = builder.longest
    }

    /// Writes the set for `init(reading:)`.
    func write(to writer: inout BinaryWriter) {
        writer.write(bytes)
        writer.write(slots.map(\.start))
        writer.write(slots.map(\.length))
        writer.write(tags)
        writer.write(Int64(count))
    }

    /// A set `write(to:)` wrote, checked so that no lookup reads out of bounds or probes forever:
    /// a power of two of slots, at least one empty, each word within the bytes.
    init(reading reader: inout BinaryReader) throws(TruncatedData) {
        bytes = try reader.readArray()
        let starts: [Int32] = try reader.readArray(), lengths: [Int32] = try reader.readArray()
        let tags: [UInt8] = try reader.readArray()
        let count = try reader.read(Int64.self)
        let size = tags.count
        guard size >= 8, size & (size - 1) == 0, starts.count == size, lengths.count == size else { throw TruncatedData() }
        var held = 0, longest = 0, bad = false
        for k in 0..<size where tags[k] != 0 {
            let start = Int(starts[k]), length = Int(lengths[k])
            bad = bad || start < 0 || length < 0 || start > bytes.count - length
            held += 1
            longest = Swift.max(longest, length)
        }
        guard !bad, held < size, Int64(held) == count else { throw TruncatedData() }
        slots = (0..<size).map { tags[$0] == 0 ? Slot() : Slot(start: starts[$0], length: lengths[$0]) }
        self.tags = tags
        mask = size - 1
        self.count = held
        self.longest = longest
    }

    /// Makes a set word by word from UTF-8 bytes, a word given twice kept once: a gazetteer's
    /// phrases and their prefixes, a million names' worth, are inserted as bytes, with no
    /// string or `Set` made per word (that was a quarter of a scan's start-up).
    struct Builder {
        fileprivate var bytes: [UInt8] = []
        fileprivate var slots = [Slot](repeating: Slot(), count: 8)
        fileprivate var tags = [UInt8](repeating: 0, count: 8)
        fileprivate var count = 0
        fileprivate var longest = 0

        /// Adds `word` unless the set holds it already.
        mutating func insert(_ word: UnsafeBufferPointer<UInt8>) {
            let hash = WordSet.hash(word), tag = WordSet.tag(hash)
            var slot = hash & (slots.count - 1)
            while tags[slot] != 0 {
                if tags[slot] == tag, Int(slots[slot].length) == word.count,
                   bytes.withUnsafeBufferPointer({ WordSet.equal(word, $0.baseAddress! + Int(slots[slot].start)) }) { return }
                slot = (slot + 1) & (slots.count - 1)
            }
            slots[slot] = Slot(start: Int32(bytes.count), length: Int32(word.count))
            tags[slot] = tag
            bytes.append(contentsOf: word)
            count += 1
            longest = Swift.max(longest, word.count)
            if count * 2 > slots.count { grow() }  // at most half full: short probe runs
        }

        /// Twice the slots, every word placed anew.
        private mutating func grow() {
            let size = slots.count * 2
            var grown = [Slot](repeating: Slot(), count: size), grownTags = [UInt8](repeating: 0, count: size)
            bytes.withUnsafeBufferPointer { bytes in
                for (old, tag) in zip(slots, tags) where tag != 0 {
                    let word = UnsafeBufferPointer(rebasing: bytes[Int(old.start)..<Int(old.start + old.length)])
                    var slot = WordSet.hash(word) & (size - 1)
                    while grownTags[slot] != 0 { slot = (slot + 1) & (size - 1) }
                    grown[slot] = old
                    grownTags[slot] = tag
                }
            }
            slots = grown
            tags = grownTags
        }
    }

    /// This set with `more` words.
    func union<Words: Sequence>(_ more: Words) -> WordSet where Words.Element == String {
        WordSet(Array(self) + Array(more))
    }

    func contains(_ word: String) -> Bool {
        if let found = word.utf8.withContiguousStorageIfAvailable({ contains(utf8: $0) }) { return found }
        return contains(utf8: Array(word.utf8))
    }

    /// Whether the set holds the word `scalars` spell, lowered first when `lowercasing` (as
    /// `String.lowercased()` lowers it). A word of Latin-1 scalars, nearly every word of French
    /// and English news, is encoded on the stack, without a string made and lowered.
    func contains(_ scalars: ArraySlice<Unicode.Scalar>, lowercasing: Bool) -> Bool {
        // A scalar is a byte or more, and lowering never takes one away.
        guard scalars.count <= longest else { return false }
        let latin1: Bool? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * longest) { buffer in
            var count = 0
            for scalar in scalars {
                var value = scalar.value
                guard value < 0x100 else { return nil }
                // Latin-1's capitals are A–Z and À–Þ but ×, each 0x20 below its small letter.
                if lowercasing, (value >= 0x41 && value <= 0x5A) || (value >= 0xC0 && value <= 0xDE && value != 0xD7) { value += 0x20 }
                if value < 0x80 {
                    buffer[count] = UInt8(truncatingIfNeeded: value)
                    count += 1
                } else {
                    buffer[count] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
                    buffer[count + 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    count += 2
                }
            }
            return contains(utf8: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
        if let latin1 { return latin1 }
        let word = String(String.UnicodeScalarView(scalars))
        return contains(lowercasing ? word.lowercased() : word)
    }

    func contains(utf8 word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= longest else { return false }
        let hash = Self.hash(word), tag = Self.tag(hash)
        var slot = hash & mask
        return tags.withUnsafeBufferPointer { tags in
            while true {
                let found = tags[slot]
                if found == 0 { return false }
                if found == tag, Int(slots[slot].length) == word.count,
                   bytes.withUnsafeBufferPointer({ Self.equal(word, $0.baseAddress! + Int(slots[slot].start)) }) { return true }
                slot = (slot + 1) & mask
            }
        }
    }

    /// `contains(utf8:)` of a word held as an array (the scorer's words).
    func contains(utf8 word: [UInt8]) -> Bool { word.withUnsafeBufferPointer(contains(utf8:)) }

    fileprivate static func equal(_ word: UnsafeBufferPointer<UInt8>, _ stored: UnsafePointer<UInt8>) -> Bool {
        for index in 0..<word.count where word[index] != stored[index] { return false }
        return true
    }

    /// The tag of a slot holding a word of this hash: bits the table's index does not use.
    fileprivate static func tag(_ hash: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: UInt(bitPattern: hash) >> 57) | 0x80
    }

    fileprivate static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int { Int(truncatingIfNeeded: FNV1a.hash(bytes)) }
}

extension WordSet: Sequence {
    /// The words, in no particular order.
    func makeIterator() -> some IteratorProtocol<String> {
        slots.lazy.filter { $0.length >= 0 }.map { slot in
            String(decoding: bytes[Int(slot.start)..<Int(slot.start + slot.length)], as: UTF8.self)
        }.makeIterator()
    }
}

extension WordSet: ExpressibleByArrayLiteral {
    init(arrayLiteral words: String...) { self.init(words) }
}
