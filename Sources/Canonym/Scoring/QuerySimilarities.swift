/// The similarities of one query's words to gazetteer words, remembered while that query is
/// scored against its candidates: the same gazetteer words (*san*, *de*, *oblast*, one name
/// under several entities) recur across them, and each comparison is an edit distance.
///
/// Gives exactly what `NameScorer.similarity` gives; only for the one query it was made for.
struct QuerySimilarities {
    let scorer: NameScorer
    /// The query's words, then the words run together (what `align` compares joined names with).
    private let words: [[UInt8]]
    private var known: [[ByteKey: Float]]

    init(scorer: NameScorer, query: [[UInt8]]) {
        self.scorer = scorer
        words = query + [Array(query.joined())]
        known = Array(repeating: [:], count: words.count)
    }

    /// `scorer.similarity(word k of the query, word)`; k = the query's word count: the joined query.
    mutating func similarity(_ k: Int, _ word: [UInt8]) -> Float {
        let key = ByteKey(bytes: word)
        if let remembered = known[k][key] { return remembered }
        let computed = scorer.similarity(words[k], word)
        known[k][key] = computed
        return computed
    }
}
