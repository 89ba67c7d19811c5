import Dispatch
import Synchronization

/// Proposes the gazetteer names worth scoring for a query, so that a query touches a few
/// hundred names rather than the whole gazetteer.
///
/// Every romanisation of every name is an *entry*. Entries are admitted by trigrams and ranked
/// by bigrams, both of their words' skeletons and letters (see `grams(of:)`, `keys(of:)`). A
/// query collects, for each entry, how many of its rarer trigrams it shares (count filtering),
/// and the best of those have their share of bigrams (Dice coefficient) counted; the entries
/// with the highest share are proposed.
///
/// Trigrams admit because there are tens of thousands of them: a bigram's postings grow with the
/// gazetteer until the rarest half of a query's bigrams lists a quarter of a million entries at
/// 1M names, a trigram's are about fourteen times shorter. Only the query's rarer trigrams admit:
/// the commonest ones (*^sa*, *an$*) would make every query touch much of any gazetteer.
final class CandidateIndex: @unchecked Sendable {  // unchecked: read-only views into `store`
    /// One romanisation of a name, its words as bytes (made when asked for: the tables hold letters).
    struct Entry: Sendable {
        let name: Int32
        let tokens: [[UInt8]]
    }

    /// Every entry, in name order.
    struct Entries: RandomAccessCollection, @unchecked Sendable {
        fileprivate let index: CandidateIndex
        var startIndex: Int { 0 }
        var endIndex: Int { index.entryName.count }
        subscript(entry: Int) -> Entry { Entry(name: index.entryName[entry], tokens: index.words(ofEntry: entry)) }
    }

    /// Keeps the tables' memory (a mapped compiled file, or the copy a gazetteer built) alive.
    private let store: ByteStore
    /// Name of each entry, and where its words start: `wordStart[entryFirstWord[e]..<entryFirstWord[e + 1]]`.
    private let entryName: UnsafeBufferPointer<Int32>
    private let entryFirstWord: UnsafeBufferPointer<Int32>
    /// Word w is `letters[wordStart[w]..<wordStart[w + 1]]`.
    private let wordStart: UnsafeBufferPointer<Int32>
    private let letters: UnsafeBufferPointer<UInt8>
    /// Distinct bigrams of entry e, ascending: `entryGrams[entryGramStart[e]..<entryGramStart[e + 1]]`.
    private let entryGramStart: UnsafeBufferPointer<Int32>
    private let entryGrams: UnsafeBufferPointer<UInt16>
    /// Entries of name k are `firstEntry[k]..<firstEntry[k + 1]`.
    private let firstEntry: UnsafeBufferPointer<Int32>
    /// Trigram code t → entries holding it, ascending: `postings[postingStart[t]..<postingStart[t + 1]]`.
    private let postingStart: UnsafeBufferPointer<Int32>
    private let postings: UnsafeBufferPointer<Int32>
    /// Beside each posting, its entry's trigram count, at most 255: the admission pass reads it
    /// in order with the posting, where a count kept per entry would be a random read per
    /// touched entry (a third of a query's time on a million names).
    private let postingKeyCounts: UnsafeBufferPointer<UInt8>
    /// Share of a query's trigrams, rarest first, that admit entries at least.
    static let admittingShare = 0.7
    /// Postings a query may read through further trigrams, rarest first, beyond that share: on a
    /// gazetteer whose postings are short, a query reads them all (a surname alone, *Čubajs*,
    /// shares few trigrams with *Anatoly Chubais*), and on a large one only the rarest count.
    static let admissionBudget = 10_000
    /// How many entries per wanted candidate have their full bigram overlap counted.
    static let shortlistFactor = 6
    /// Least share of the query's bigrams an entry must hold to be proposed, in tenths (0.3):
    /// a coverage of the query, not a Dice, so a surname alone still finds the full name.
    static let minimumCoverage = 3, coverageScale = 10
    private static let symbols = 40  // a-z, 0-9, start, end, spare
    private static let start: UInt8 = 36, end: UInt8 = 37
    static let codeCount = 2 * symbols * symbols
    static let keyCodeCount = 2 * symbols * symbols * symbols

    var entries: Entries { Entries(index: self) }
    var entryCount: Int { entryName.count }

    private func word(_ word: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: letters[Int(wordStart[word])..<Int(wordStart[word + 1])])
    }

    /// The numbers of entry `e`'s words.
    private func wordRange(ofEntry entry: Int) -> Range<Int> { Int(entryFirstWord[entry])..<Int(entryFirstWord[entry + 1]) }

    /// The words of entry `e`, as bytes.
    func words(ofEntry entry: Int) -> [[UInt8]] { wordRange(ofEntry: entry).map { Array(word($0)) } }

    /// The letters of entry `entry`'s words, read in place.
    func wordLetters(ofEntry entry: Int) -> LazyMapCollection<Range<Int>, UnsafeBufferPointer<UInt8>> {
        wordRange(ofEntry: entry).lazy.map { self.word($0) }
    }

    /// How many words entry `entry` has.
    func wordCount(ofEntry entry: Int) -> Int { wordRange(ofEntry: entry).count }

    /// `words(ofEntry:)` written over `words`, which holds as many arrays as the entry has words:
    /// a ranking reads hundreds of entries per query, and their arrays are then made once.
    func words(ofEntry entry: Int, into words: inout [[UInt8]]) {
        let range = wordRange(ofEntry: entry)
        precondition(words.count == range.count, "one array per word")
        for (k, w) in zip(words.indices, range) {
            words[k].removeAll(keepingCapacity: true)
            words[k].append(contentsOf: word(w))
        }
    }

    /// Arrays that entries' words are read into, one set per word count, made once and written
    /// over for each entry: a ranking reads hundreds of entries per query.
    struct WordBuffers {
        private var byCount: [[[UInt8]]] = []

        /// Entry `entry`'s words. Let go of them before the next call, which writes over them.
        mutating func words(ofEntry entry: Int, in index: CandidateIndex) -> [[UInt8]] {
            let count = index.wordCount(ofEntry: entry)
            while byCount.count <= count { byCount.append(Array(repeating: [], count: byCount.count)) }
            index.words(ofEntry: entry, into: &byCount[count])
            return byCount[count]
        }
    }

    /// Whether entries `a` and `b` have the same words (two names of an entity, or two readings
    /// of one, can fold alike), compared in place.
    func haveSameWords(_ a: Int, _ b: Int) -> Bool {
        let first = wordRange(ofEntry: a), second = wordRange(ofEntry: b)
        return first.count == second.count && zip(first, second).allSatisfy { word($0).elementsEqual(word($1)) }
    }

    /// The words of entry `e`, as strings.
    func strings(ofEntry entry: Int) -> [String] { wordRange(ofEntry: entry).map { String(decoding: word($0), as: UTF8.self) } }

    func name(ofEntry entry: Int) -> Int { Int(entryName[entry]) }

    /// An index of `names` alone (tests and tools; a gazetteer builds its index with its other tables).
    convenience init(names: [GazetteerName]) {
        var list = SectionList()
        Self.appendTables(of: names, to: &list)
        let writer = SectionWriter()
        writer.append(list)
        let store = writer.finish()
        try! self.init(store: store, sections: Sections(store.bytes), nameCount: names.count)
    }

    /// Appends the index's tables for `names`: entries, their bigrams and trigrams, made on all
    /// cores in chunks of names and joined in order, then each trigram's postings.
    /// - Complexity: O(total length of all names).
    static func appendTables(of names: [GazetteerName], to list: inout SectionList) {
        let ranges = entryChunkRanges(nameCount: names.count)
        let chunks = Mutex([EntryChunk](repeating: EntryChunk(), count: ranges.count))
        DispatchQueue.concurrentPerform(iterations: ranges.count) { chunk in
            let built = entryChunk(of: names, in: ranges[chunk])
            chunks.withLock { $0[chunk] = built }
        }
        appendTables(of: names, chunks: chunks.withLock { $0 }, to: &list)
    }

    /// The entries, bigrams and trigrams of a run of names: the part of the index built in chunks, on all cores.
    struct EntryChunk: Sendable {
        var entryName: [Int32] = [], wordCounts: [Int32] = [], wordStarts: [Int32] = [], letters: [UInt8] = []
        var grams: [UInt16] = [], gramCounts: [Int32] = []
        var keys: [UInt32] = [], keyCounts: [Int32] = []
    }

    /// The runs of names the entries are built in, in order.
    static func entryChunkRanges(nameCount: Int) -> [Range<Int>] {
        let chunkCount = max(1, min(64, nameCount / 2048))
        return (0..<chunkCount).map { (nameCount * $0 / chunkCount)..<(nameCount * ($0 + 1) / chunkCount) }
    }

    static func entryChunk(of names: [GazetteerName], in range: Range<Int>) -> EntryChunk {
        var built = EntryChunk(), scratch = GramScratch(), bits = CodeBits()
        for nameIndex in range {
            for romanization in names[nameIndex].form.romanizations {
                built.entryName.append(Int32(nameIndex))
                built.wordCounts.append(Int32(romanization.count))
                for word in romanization {
                    built.wordStarts.append(Int32(built.letters.count))
                    appendUTF8(of: word, to: &built.letters)
                }
                let counts = appendCodes(of: romanization, grams: &built.grams, keys: &built.keys, scratch: &scratch, bits: &bits)
                built.gramCounts.append(Int32(counts.grams))
                built.keyCounts.append(Int32(counts.keys))
            }
        }
        return built
    }

    /// Appends the index's tables from the entry chunks of all `names`, in order.
    static func appendTables(of names: [GazetteerName], chunks built: [EntryChunk], to list: inout SectionList) {
        // The entries' tables and the postings are made from the chunks on two cores.
        let made = Mutex([SectionList(), SectionList()])
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            let tables = part == 0 ? entryTables(of: names, chunks: built) : postingTables(of: built)
            made.withLock { $0[part] = tables }
        }
        for tables in made.withLock({ $0 }) { list.append(tables) }
    }

    /// Each entry's name, words and bigrams, and each name's first entry.
    private static func entryTables(of names: [GazetteerName], chunks built: [EntryChunk]) -> SectionList {
        var entryName: [Int32] = [], entryFirstWord: [Int32] = [0], wordStart: [Int32] = [], letters: [UInt8] = []
        var entryGramStart: [Int32] = [0], entryGrams: [UInt16] = []
        // Each table at its full size at once: growing them by doubling held two copies at a time
        // while the postings were being made beside them.
        let entries = built.reduce(0) { $0 + $1.entryName.count }
        entryName.reserveCapacity(entries)
        entryFirstWord.reserveCapacity(entries + 1)
        entryGramStart.reserveCapacity(entries + 1)
        wordStart.reserveCapacity(built.reduce(1) { $0 + $1.wordStarts.count })
        letters.reserveCapacity(built.reduce(0) { $0 + $1.letters.count })
        entryGrams.reserveCapacity(built.reduce(0) { $0 + $1.grams.count })
        for chunk in built {
            entryName += chunk.entryName
            for words in chunk.wordCounts { entryFirstWord.append(entryFirstWord[entryFirstWord.count - 1] + words) }
            let base = Int32(letters.count)
            wordStart += chunk.wordStarts.map { $0 + base }
            letters += chunk.letters
            entryGrams += chunk.grams
            for count in chunk.gramCounts { entryGramStart.append(entryGramStart[entryGramStart.count - 1] + count) }
        }
        wordStart.append(Int32(letters.count))
        var firstEntry: [Int32] = [0]
        firstEntry.reserveCapacity(names.count + 1)
        for k in names.indices { firstEntry.append(firstEntry[firstEntry.count - 1] + Int32(names[k].form.romanizations.count)) }
        var list = SectionList()
        list.append(.entryName, entryName)
        list.append(.entryFirstWord, entryFirstWord)
        list.append(.wordStart, wordStart)
        list.append(.letters, letters)
        list.append(.nameFirstEntry, firstEntry)
        list.append(.entryGramStart, entryGramStart)
        list.append(.entryGrams, entryGrams)
        return list
    }

    /// Each trigram's entries, with their trigram counts.
    private static func postingTables(of built: [EntryChunk]) -> SectionList {
        // Postings in one array (counting sort by trigram): no per-trigram allocation, entries
        // ascending. The chunks' trigram lists are read in place, never joined.
        var postingStart = [Int32](repeating: 0, count: keyCodeCount + 1)
        for chunk in built { for key in chunk.keys { postingStart[Int(key) + 1] += 1 } }
        for code in 0..<keyCodeCount { postingStart[code + 1] += postingStart[code] }
        var postings = [Int32](repeating: 0, count: Int(postingStart[keyCodeCount]))
        var postingKeyCounts = [UInt8](repeating: 0, count: postings.count)
        var fill = postingStart, entry: Int32 = 0
        // Through buffers: a slice of a chunk's keys per entry retained and released its array,
        // a tenth of the build's time.
        postings.withUnsafeMutableBufferPointer { postings in
            postingKeyCounts.withUnsafeMutableBufferPointer { postingKeyCounts in
                fill.withUnsafeMutableBufferPointer { fill in
                    for chunk in built {
                        chunk.keys.withUnsafeBufferPointer { keys in
                            var next = 0
                            for keyCount in chunk.keyCounts {
                                let count = UInt8(min(255, keyCount))
                                for key in keys[next..<(next + Int(keyCount))] {
                                    postings[Int(fill[Int(key)])] = entry
                                    postingKeyCounts[Int(fill[Int(key)])] = count
                                    fill[Int(key)] += 1
                                }
                                next += Int(keyCount)
                                entry += 1
                            }
                        }
                    }
                }
            }
        }
        var list = SectionList()
        list.append(.postingStart, postingStart)
        list.append(.postings, postings)
        list.append(.postingKeyCounts, postingKeyCounts)
        return list
    }

    /// The index stored in `sections`, read in place. Every stored number is checked against
    /// the others, so a damaged file is refused rather than trusted.
    init(store: ByteStore, sections: Sections, nameCount: Int) throws(TruncatedData) {
        self.store = store
        entryName = try sections.table(.entryName)
        let entryCount = entryName.count
        entryFirstWord = try sections.table(.entryFirstWord, count: entryCount + 1)
        wordStart = try sections.table(.wordStart)
        letters = try sections.table(.letters)
        firstEntry = try sections.table(.nameFirstEntry, count: nameCount + 1)
        entryGramStart = try sections.table(.entryGramStart, count: entryCount + 1)
        entryGrams = try sections.table(.entryGrams)
        postingStart = try sections.table(.postingStart, count: Self.keyCodeCount + 1)
        postings = try sections.table(.postings)
        // Not checked against the entries (a random read per posting): a count only weighs an
        // entry's rank, any value is safe to read, and the checksum vouches for it.
        postingKeyCounts = try sections.table(.postingKeyCounts, count: postings.count)
        // Names' entries are consecutive and each name has one: entry names never go down, and
        // each name's first entry is its own.
        guard TableCheck.isMonotone(entryFirstWord, from: 0, to: Int32(wordStart.count - 1), strictly: true),
              TableCheck.isMonotone(wordStart, from: 0, to: Int32(letters.count), strictly: true),
              TableCheck.isMonotone(firstEntry, from: 0, to: Int32(entryCount), strictly: true),
              entryCount == 0 || TableCheck.isMonotone(entryName, from: entryName[0], to: entryName[entryCount - 1]),
              TableCheck.allBelow(entryName, nameCount), (0..<nameCount).allSatisfy({ entryName[Int(firstEntry[$0])] == Int32($0) }),
              TableCheck.isMonotone(entryGramStart, from: 0, to: Int32(entryGrams.count)),
              TableCheck.isMonotone(postingStart, from: 0, to: Int32(postings.count)),
              TableCheck.allBelow(entryGrams, Self.codeCount) else { throw TruncatedData() }
        // Each trigram's entries strictly ascending, from 0 up to below the entry count: an entry
        // listed twice could be counted past its one-byte counter, and the counters bound the
        // per-query scratch arrays.
        // One flat pass over all postings (most trigrams list few entries, and a loop per trigram
        // would not vectorise): every descent, less those where one trigram's list meets the next.
        guard TableCheck.allBelow(postings, entryCount) else { throw TruncatedData() }
        // Entries are below 2^31, so a step that does not go up has the sign bit set once less one.
        var descents = 0
        for k in postings.indices.dropFirst() { descents &+= Int(UInt32(bitPattern: (postings[k] &- postings[k &- 1]) &- 1) >> 31) }
        for key in 0..<Self.keyCodeCount {
            let start = Int(postingStart[key])
            if start > 0 && start < Int(postingStart[key + 1]) { descents &-= postings[start - 1] >= postings[start] ? 1 : 0 }
        }
        guard descents == 0 else { throw TruncatedData() }
    }

    func entries(ofName name: Int) -> Range<Int32> { firstEntry[name]..<firstEntry[name + 1] }

    /// Distinct bigram codes of a tokenised name, ascending: of each word, and of the words run
    /// together, so that *na pa* finds *Napa* and *Salaconsilina* finds *Sala Consilina*. A name
    /// written syllable by syllable (*fu luo li ya nuo bo li si*, a Chinese rendering of
    /// *Florianópolis*) counts as its syllables run together only: the syllables' own bigrams
    /// are shared by much of any gazetteer and would drown those of the name.
    static func grams(of tokens: [String]) -> [UInt16] {
        var grams: [UInt16] = [], scratch = GramScratch()
        appendGrams(of: tokens, to: &grams, scratch: &scratch)
        return grams
    }

    /// Buffers `appendGrams` reuses from one name to the next.
    struct GramScratch {
        var letters: [UInt8] = [], skeleton: [UInt8] = []
    }

    /// One bit per bigram and per trigram code, all clear between names: how the index build
    /// drops a name's repeated codes.
    struct CodeBits {
        var grams = [UInt64](repeating: 0, count: (codeCount + 63) / 64)
        var keys = [UInt64](repeating: 0, count: (keyCodeCount + 63) / 64)
    }

    /// Appends `grams(of: tokens)` to `grams` and returns how many: the index build fills one
    /// array per chunk of names instead of making a few arrays per entry.
    @discardableResult
    static func appendGrams(of tokens: [String], to grams: inout [UInt16], scratch: inout GramScratch) -> Int {
        let first = grams.count
        forEachSpelling(of: tokens, scratch: &scratch) { sequence, base, _ in appendBigrams(of: sequence, base: base, to: &grams) }
        return sortedDistinct(&grams, from: first)
    }

    /// `appendGrams` and `appendKeys` in one pass over the spellings (each skeleton made once),
    /// for the index build; returns how many of each.
    static func appendCodes(of tokens: [String], grams: inout [UInt16], keys: inout [UInt32], scratch: inout GramScratch,
                            bits: inout CodeBits) -> (grams: Int, keys: Int) {
        let (firstGram, firstKey) = (grams.count, keys.count)
        forEachSpelling(of: tokens, scratch: &scratch) { sequence, base, _ in
            appendBigrams(of: sequence, base: base, to: &grams)
            appendTrigrams(of: sequence, base: base, to: &keys)
        }
        return (sortedDistinct(&grams, from: firstGram, bits: &bits.grams), distinct(&keys, from: firstKey, bits: &bits.keys))
    }

    /// `sortedDistinct` through a bit per code: a name's few dozen bigrams are set and read back
    /// in order, where sorting them cost a third of the index build.
    private static func sortedDistinct(_ codes: inout [UInt16], from first: Int, bits: inout [UInt64]) -> Int {
        guard first < codes.count else { return 0 }
        var lowest = Int.max, highest = 0
        for code in codes[first...] {
            let word = Int(code) >> 6
            bits[word] |= 1 << UInt64(code & 63)
            lowest = min(lowest, word)
            highest = max(highest, word)
        }
        codes.removeSubrange(first...)
        for word in lowest...highest {
            var set = bits[word]
            bits[word] = 0
            while set != 0 {
                codes.append(UInt16(word << 6 | set.trailingZeroBitCount))
                set &= set &- 1
            }
        }
        return codes.count - first
    }

    /// `codes[first...]` without its repeats, in first-seen order; returns how many are left.
    /// The postings list each entry once per trigram, whatever the order of its trigrams.
    private static func distinct(_ codes: inout [UInt32], from first: Int, bits: inout [UInt64]) -> Int {
        var kept = first
        for index in first..<codes.count {
            let code = codes[index], word = Int(code >> 6), bit: UInt64 = 1 << UInt64(code & 63)
            if bits[word] & bit == 0 {
                bits[word] |= bit
                codes[kept] = code
                kept += 1
            }
        }
        for code in codes[first..<kept] { bits[Int(code >> 6)] = 0 }
        codes.removeSubrange(kept...)
        return kept - first
    }

    /// Distinct trigram codes of a tokenised name, ascending, of the same spellings as its
    /// bigrams (`grams(of:)`): the keys that admit entries.
    static func keys(of tokens: [String]) -> [UInt32] {
        var keys: [UInt32] = [], scratch = GramScratch()
        appendKeys(of: tokens, to: &keys, scratch: &scratch, deletions: false)
        return keys
    }

    /// `keys(of:)` of a query: also the trigrams of each word of four letters or more with one
    /// letter left out, so that an inserted letter (*Saszina* for *Sasina*) still meets the
    /// name's own trigrams. Only queries have them: the index stays one posting per trigram.
    static func queryKeys(of tokens: [String]) -> [UInt32] {
        var keys: [UInt32] = [], scratch = GramScratch()
        appendKeys(of: tokens, to: &keys, scratch: &scratch, deletions: true)
        return keys
    }

    private static func appendKeys(of tokens: [String], to keys: inout [UInt32], scratch: inout GramScratch, deletions: Bool) {
        let first = keys.count
        var gapped: [UInt8] = []  // the spelling less one letter, written over for each gap
        forEachSpelling(of: tokens, scratch: &scratch) { sequence, base, isJoined in
            appendTrigrams(of: sequence, base: base, to: &keys)
            if deletions && !isJoined && sequence.count >= 4 {
                for gap in sequence.indices {
                    gapped.removeAll(keepingCapacity: true)
                    gapped += sequence[..<gap]
                    gapped += sequence[(gap + 1)...]
                    appendTrigrams(of: gapped, base: base, to: &keys)
                }
            }
        }
        _ = sortedDistinct(&keys, from: first)
    }

    /// The bigram codes of one spelling, between a start and an end symbol.
    private static func appendBigrams(of sequence: [UInt8], base: Int, to grams: inout [UInt16]) {
        // Written into a buffer on the stack and appended in one copy: an append per code
        // checked the array each time.
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: sequence.count + 1) { codes in
            var previous = Int(start), next = 0
            for letter in sequence {
                let code = Int(symbol(letter))
                codes[next] = UInt16((base * symbols + previous) * symbols + code)
                previous = code
                next += 1
            }
            codes[next] = UInt16((base * symbols + previous) * symbols + Int(end))
            grams.append(contentsOf: UnsafeBufferPointer(codes))
        }
    }

    /// The trigram codes of one spelling: one per letter, the last one with the end symbol (the
    /// first would be two starts and a letter, one letter's worth of key). Written on the stack
    /// and appended in one copy (see `appendBigrams`).
    private static func appendTrigrams(of sequence: [UInt8], base: Int, to keys: inout [UInt32]) {
        guard let first = sequence.first else { return }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: sequence.count) { codes in
            var twoBack = Int(start), previous = Int(symbol(first)), next = 0
            for letter in sequence.dropFirst() {
                let code = Int(symbol(letter))
                codes[next] = UInt32(((base * symbols + twoBack) * symbols + previous) * symbols + code)
                (twoBack, previous) = (previous, code)
                next += 1
            }
            codes[next] = UInt32(((base * symbols + twoBack) * symbols + previous) * symbols + Int(end))
            keys.append(contentsOf: UnsafeBufferPointer(codes))
        }
    }

    /// Calls `body` with each spelling a name is indexed by, its code range (0: skeleton,
    /// 1: letters), and whether it is the words run together (else one word).
    private static func forEachSpelling(of tokens: [String], scratch: inout GramScratch, _ body: ([UInt8], Int, Bool) -> Void) {
        let isSyllabic = tokens.count >= 3 && tokens.allSatisfy { $0.utf8.count <= 3 }
        // Skeleton grams find transliteration variants; letter grams (a second code range)
        // find typing errors that change the skeleton itself (a voicing or vowel change).
        func spell(_ scratch: inout GramScratch, isJoined: Bool) {
            scratch.skeleton.removeAll(keepingCapacity: true)
            Skeleton.append(of: scratch.letters, to: &scratch.skeleton)
            body(scratch.skeleton, 0, isJoined)
            body(scratch.letters, 1, isJoined)
        }
        if !isSyllabic {
            for token in tokens {
                scratch.letters.removeAll(keepingCapacity: true)
                appendUTF8(of: token, to: &scratch.letters)
                spell(&scratch, isJoined: false)
            }
        }
        if tokens.count > 1 {
            scratch.letters.removeAll(keepingCapacity: true)
            for token in tokens { appendUTF8(of: token, to: &scratch.letters) }
            spell(&scratch, isJoined: true)
        }
    }

    @inline(__always)
    private static func symbol(_ letter: UInt8) -> UInt8 { min(UInt8(CostModel.code(letter)), 38) }

    /// A word's UTF-8 appended in one copy (appending its view went byte by byte).
    private static func appendUTF8(of word: String, to bytes: inout [UInt8]) {
        var word = word
        word.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Sorts `codes[first...]`, drops its repeats, and returns how many are left.
    private static func sortedDistinct<Code: FixedWidthInteger>(_ codes: inout [Code], from first: Int) -> Int {
        let kept = codes.withUnsafeMutableBufferPointer { all -> Int in
            var codes = UnsafeMutableBufferPointer(rebasing: all[first...])
            // A name has a few dozen codes: insertion sort beats the library's sort on so few.
            if codes.count <= 64 {
                for k in codes.indices.dropFirst() {
                    let code = codes[k]
                    var j = k
                    while j > 0 && codes[j - 1] > code { codes[j] = codes[j - 1]; j -= 1 }
                    codes[j] = code
                }
            } else {
                codes.sort()
            }
            var kept = 0
            for index in codes.indices where kept == 0 || codes[kept - 1] != codes[index] {
                codes[kept] = codes[index]
                kept += 1
            }
            return kept
        }
        codes.removeSubrange((first + kept)...)
        return kept
    }

    /// Per-query counters, one byte per entry, all zero between queries: a query clears only
    /// the entries it set, which costs far less than zeroing (or faulting in) a fresh array.
    private struct Scratch {
        var counts: [UInt8]
        var share: [UInt8]  // best Dice so far, quantised to 1…255; 0 = not proposed
        /// Room for every entry a query touches (one more: see the postings loop), and their
        /// trigram counts, then levels.
        var touched: [Int32]
        var touchedLevels: [UInt8]

        init(entries: Int) {
            counts = Array(repeating: 0, count: entries)
            share = Array(repeating: 0, count: entries)
            touched = Array(repeating: 0, count: entries + 1)
            touchedLevels = Array(repeating: 0, count: entries + 1)
        }
    }
    /// Scratches not in use, one per thread that has queried at once; taken out while a query
    /// runs, so the query's loops work on local arrays (no exclusivity checks, no locking).
    private let idleScratches = Mutex<[Scratch]>([])

    /// Up to `limit` entries sharing the most bigrams with any of the query's romanisations.
    ///
    /// Entries come in through the query's rarer trigrams and are ranked on those first; only the
    /// best few (`shortlistFactor` × `limit`) then have their bigram overlap counted, on their own
    /// bigram lists, so the long postings of common trigrams are never read.
    /// - Complexity: O(postings of the query's rarer trigrams + shortlist × bigrams per entry).
    func candidates(for romanizations: [[String]], limit: Int) -> [Int32] {
        var scratch = idleScratches.withLock { $0.popLast() } ?? Scratch(entries: entryCount)
        defer { idleScratches.withLock { $0.append(scratch) } }
        return scratch.counts.withUnsafeMutableBufferPointer { counts in
        scratch.share.withUnsafeMutableBufferPointer { share in
        scratch.touched.withUnsafeMutableBufferPointer { touched in
        scratch.touchedLevels.withUnsafeMutableBufferPointer { touchedLevels in
            candidates(for: romanizations, limit: limit, counts: counts, share: share, touched: touched, touchedLevels: touchedLevels)
        } } } }
    }

    /// `candidates(for:limit:)` on zeroed counters, which it leaves zeroed.
    private func candidates(for romanizations: [[String]], limit: Int,
                            counts: UnsafeMutableBufferPointer<UInt8>, share: UnsafeMutableBufferPointer<UInt8>,
                            touched: UnsafeMutableBufferPointer<Int32>, touchedLevels: UnsafeMutableBufferPointer<UInt8>) -> [Int32] {
        let (postingStart, postings, postingKeyCounts, entryGramStart, entryGrams) = (self.postingStart, self.postings, self.postingKeyCounts, self.entryGramStart, self.entryGrams)
        var everTouched: [Int32] = []
        var queryGrams = [UInt64](repeating: 0, count: (Self.codeCount + 63) / 64)
        var shortlistStarts: [Int32] = []
        for tokens in romanizations {
            let grams = Self.grams(of: tokens).prefix(255), keys = Self.queryKeys(of: tokens)
            let rarestFirst = keys.sorted { postingLength($0) < postingLength($1) }
            let admitting = admittingCount(rarestFirst)
            var touchedCount = 0
            for key in rarestFirst.prefix(admitting) {
                for posting in Int(postingStart[Int(key)])..<Int(postingStart[Int(key) + 1]) {
                    // Without a branch (whether an entry is new is a coin toss): the entry is always
                    // written at the end of `touched` (its trigram count beside it, where its level
                    // goes next), and the end moves on only for a new one.
                    let entry = postings[posting]
                    touched[touchedCount] = entry
                    touchedLevels[touchedCount] = postingKeyCounts[posting]
                    touchedCount &+= counts[Int(entry)] == 0 ? 1 : 0
                    counts[Int(entry)] &+= 1
                }
            }
            // Shortlist by the Dice share of the rarer trigrams alone. The Dice level depends only on
            // the count and the entry's trigram count, so each pair is computed once per query.
            var levels = DiceLevels(queryKeys: keys.count, admitting: admitting)
            for k in 0..<touchedCount {
                let entry = touched[k]
                touchedLevels[k] = levels.level(common: Int(counts[Int(entry)]), entryKeys: Int(touchedLevels[k]))
                counts[Int(entry)] = 0
            }
            let shortlist = Self.top(UnsafeBufferPointer(rebasing: touched[..<touchedCount]),
                                     levels: UnsafeBufferPointer(rebasing: touchedLevels[..<touchedCount]),
                                     keeping: limit * Self.shortlistFactor)

            // Each shortlisted entry's bigram list is somewhere in a large array: first read where
            // each begins, then touch each, in loops simple enough for the memory reads to overlap.
            shortlistStarts.removeAll(keepingCapacity: true)
            for entry in shortlist { shortlistStarts.append(entryGramStart[Int(entry)]) }
            var touchedGrams: UInt16 = 0
            for start in shortlistStarts where Int(start) < entryGrams.count { touchedGrams &+= entryGrams[Int(start)] }
            Self.keep(touchedGrams)
            for gram in grams { queryGrams[Int(gram) >> 6] |= 1 << (UInt64(gram) & 63) }
            queryGrams.withUnsafeBufferPointer { queryGrams in
                for (entry, start) in zip(shortlist, shortlistStarts) {
                    var common = 0
                    let end = Int(entryGramStart[Int(entry) + 1])
                    for k in Int(start)..<end {
                        let gram = entryGrams[k]
                        common &+= Int(truncatingIfNeeded: queryGrams[Int(gram) >> 6] >> (UInt64(gram) & 63)) & 1
                    }
                    // An entry holding under `minimumCoverage` of the query's bigrams is never the answer
                    // on the dev sets, and skipping it saves most of the scoring of unknown names.
                    guard common * Self.coverageScale >= grams.count * Self.minimumCoverage else { continue }
                    let full = Self.diceLevel(common: common, queryGrams: grams.count, entryGrams: end - Int(start))
                    if share[Int(entry)] == 0 { everTouched.append(entry) }
                    share[Int(entry)] = max(share[Int(entry)], full)
                }
            }
            for gram in grams { queryGrams[Int(gram) >> 6] = 0 }
        }
        let proposedLevels = everTouched.map { entry in defer { share[Int(entry)] = 0 }; return share[Int(entry)] }
        return everTouched.withUnsafeBufferPointer { everTouched in
            proposedLevels.withUnsafeBufferPointer { Self.top(everTouched, levels: $0, keeping: limit) }
        }
    }

    /// Keeps the reads that produced `value` from being optimised away.
    @inline(never) @_optimize(none)
    private static func keep(_ value: UInt16) {}

    /// The items whose level (1…255, side by side with them) is among the `keeping` highest, in
    /// their given order: every item above the cut-off level, and at that level the first ones
    /// there is room for. Top-k without sorting, from a histogram of the levels.
    private static func top(_ items: UnsafeBufferPointer<Int32>, levels: UnsafeBufferPointer<UInt8>, keeping: Int) -> [Int32] {
        guard items.count > keeping else { return Array(items) }
        // Four histograms summed: runs of one level would otherwise wait on the same counter.
        var histograms = [Int](repeating: 0, count: 4 * 256)
        histograms.withUnsafeMutableBufferPointer { histograms in
            var k = 0
            while k + 4 <= levels.count {
                histograms[Int(levels[k])] &+= 1
                histograms[256 + Int(levels[k + 1])] &+= 1
                histograms[512 + Int(levels[k + 2])] &+= 1
                histograms[768 + Int(levels[k + 3])] &+= 1
                k += 4
            }
            while k < levels.count { histograms[Int(levels[k])] &+= 1; k += 1 }
            for level in 0..<256 { histograms[level] &+= histograms[256 + level] &+ histograms[512 + level] &+ histograms[768 + level] }
        }
        var cutoff = 255, taken = 0
        while cutoff > 0 && taken + histograms[cutoff] <= keeping { taken += histograms[cutoff]; cutoff -= 1 }
        let room = keeping - taken
        // Every item is written at the end of the kept ones; the end moves on only for a kept one.
        return Array(unsafeUninitializedCapacity: keeping + 1) { kept, count in
            var keptCount = 0, atCutoff = 0
            for k in 0..<items.count {
                let level = Int(levels[k])
                let isAtCutoff = level == cutoff && atCutoff < room
                kept[keptCount] = items[k]
                keptCount &+= level > cutoff || isAtCutoff ? 1 : 0
                atCutoff &+= isAtCutoff ? 1 : 0
            }
            count = keptCount
        }
    }

    /// Dice coefficient of the query's and an entry's bigrams, quantised to 1…255.
    @inline(__always)
    private static func diceLevel(common: Int, queryGrams: Int, entryGrams: Int) -> UInt8 {
        let dice = 2 * Float(common) / Float(queryGrams + entryGrams)
        return UInt8(min(255, max(1, (dice * 255).rounded())))
    }

    /// `diceLevel` for one query's key count, remembered per (count, entry's key count):
    /// tens of thousands of entries share a few hundred pairs, and rounding is a library call.
    private struct DiceLevels {
        let queryKeys: Int
        let admitting: Int
        static let widest = 256
        var table: [UInt8]  // (common, entry keys < widest) → level; 0 = not yet computed

        init(queryKeys: Int, admitting: Int) {
            self.queryKeys = queryKeys
            self.admitting = admitting
            table = [UInt8](repeating: 0, count: (admitting + 1) * Self.widest)
        }

        @inline(__always)
        mutating func level(common: Int, entryKeys: Int) -> UInt8 {
            guard common <= admitting && entryKeys < Self.widest else {
                return diceLevel(common: common, queryGrams: queryKeys, entryGrams: entryKeys)
            }
            let cell = common &* Self.widest &+ entryKeys
            if table[cell] == 0 { table[cell] = diceLevel(common: common, queryGrams: queryKeys, entryGrams: entryKeys) }
            return table[cell]
        }
    }


    /// How many of a query's trigrams, rarest first, admit entries: `admittingShare` of them, and
    /// more while their postings fit in `admissionBudget`; at most 255, so that no entry's
    /// one-byte counter overflows.
    private func admittingCount(_ rarestFirst: [UInt32]) -> Int {
        let most = min(255, rarestFirst.count)
        var admitting = min(most, max(1, Int((Double(rarestFirst.count) * Self.admittingShare).rounded(.up))))
        var read = rarestFirst.prefix(admitting).reduce(0) { $0 + Int(postingLength($1)) }
        while admitting < most && read + Int(postingLength(rarestFirst[admitting])) <= Self.admissionBudget {
            read += Int(postingLength(rarestFirst[admitting]))
            admitting += 1
        }
        return admitting
    }

    private func postingLength(_ key: UInt32) -> Int32 {
        postingStart[Int(key) + 1] - postingStart[Int(key)]
    }
}
