/// The similarities of one query's words to gazetteer words, remembered while that query is
/// scored against its candidates: the same gazetteer words (*san*, *de*, *oblast*, one name
/// under several entities) recur across them, and each comparison is an edit distance.
///
/// Gives exactly what `NameScorer.similarity` gives; only for the one query it was made for.
struct QuerySimilarities {
    let scorer: NameScorer
    /// The query's words, then the words run together (what `align` compares joined names with).
    private let words: [[UInt8]]
    private var known: [[Word: Float]]

    init(scorer: NameScorer, query: [[UInt8]]) {
        self.scorer = scorer
        words = query + [Array(query.joined())]
        known = Array(repeating: [:], count: words.count)
    }

    /// `scorer.similarity(word k of the query, word)`; k = the query's word count: the joined query.
    mutating func similarity(_ k: Int, _ word: [UInt8]) -> Float {
        if let remembered = known[k][Word(letters: word)] { return remembered }
        let computed = scorer.similarity(words[k], word)
        known[k][Word(letters: word)] = computed
        return computed
    }

    /// A word as a key hashed in one call over its bytes (an array's hash takes them one by one).
    private struct Word: Hashable {
        let letters: [UInt8]
        func hash(into hasher: inout Hasher) { letters.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }
}
