/// The similarities of one query's words to gazetteer words, remembered while that query is
/// scored against its candidates: the same gazetteer words (*san*, *de*, *oblast*, one name
/// under several entities) recur across them, and each comparison is an edit distance.
///
/// Gives exactly what `NameScorer.similarity` gives; only for the one query it was made for.
/// The words are remembered in an open-addressing table of their own (`KeyTable.hash`, linear
/// probing, the words' letters side by side in one array): a `Dictionary` would hash each lookup with
/// SipHash, which costs more than the lookups save on short words.
struct QuerySimilarities {
    let scorer: NameScorer
    /// The query's words, then the words run together (what `align` compares joined names with).
    private let words: [[UInt8]]
    /// How each of `words` is written, read once (`NameScorer.similarity(_:writtenAs:_:)`).
    private let writings: [NameScorer.WordWriting]
    private var slots: [Slot]
    private var letters: [UInt8] = []
    private var used = 0

    private struct Slot {
        var hash: UInt64 = 0
        var start: Int32 = -1  // in `letters`; -1: empty
        var length: Int32 = 0
        var queryWord: Int32 = 0  // k
        var similarity: Float = 0
    }

    /// Which of the query's words are titles, should it be scored against people (`NameScorer.titles(in:)`).
    let titles: [Bool]

    init(scorer: NameScorer, query: [[UInt8]]) {
        self.scorer = scorer
        words = query + [Array(query.joined())]
        writings = words.map(NameScorer.WordWriting.init)
        titles = NameScorer.titles(in: query)
        slots = Array(repeating: Slot(), count: 256)
    }

    /// `scorer.similarity(word k of the query, word)`; k = the query's word count: the joined query.
    mutating func similarity(_ k: Int, _ word: [UInt8]) -> Float {
        let hash = KeyTable.hash(word) &+ UInt64(k) &* 0x9E37_79B9_7F4A_7C15  // the query word k set apart
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].start >= 0 {
            if slots[slot].hash == hash, slots[slot].queryWord == k, isWord(word, at: slot) { return slots[slot].similarity }
            slot = (slot + 1) & mask
        }
        let computed = scorer.similarity(words[k], writtenAs: writings[k], word)
        slots[slot] = Slot(hash: hash, start: Int32(letters.count), length: Int32(word.count), queryWord: Int32(k), similarity: computed)
        letters += word
        used += 1
        if used * 2 > slots.count { grow() }
        return computed
    }

    /// `scorer.similarity(the query's first word, word)`, not remembered: for a query of one word
    /// against a name of one word, whose words recur only under homonyms.
    func unrememberedSimilarity(_ word: [UInt8]) -> Float { scorer.similarity(words[0], writtenAs: writings[0], word) }

    /// Whether the letters in `slot` are `word`'s.
    private func isWord(_ word: [UInt8], at slot: Int) -> Bool {
        let start = Int(slots[slot].start), length = Int(slots[slot].length)
        guard length == word.count else { return false }
        for i in 0..<length where letters[start + i] != word[i] { return false }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry.start >= 0 {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot].start >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
