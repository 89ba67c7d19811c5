/// Tells, without running the matcher, that no name of a gazetteer can score `threshold` or
/// more against a query, so that no fuzzy match that good exists.
///
/// The bound comes from how `NameScorer.align` scores: paired words give a weighted mean of
/// their similarities (at most the best pair's), extra and left-out words only lower it, and
/// the names run together are compared whole. So a name reaches `threshold` only if one of the
/// query's words is that similar to one of the name's words, or the query run together is that
/// similar to the name run together (at a length the joined comparison accepts). Both are
/// asked of ``WordTrie``s holding every word and every joined name of the gazetteer, and the
/// answers are kept per word, since text repeats its words far more than its names.
///
/// Exact and alias matches are not its business: see ``Matcher/knowsName(foldedAs:)``. Nor are
/// the readings of initialisms (`Initialisms`) or of syllabic renderings (`SyllabicRendering`,
/// with their own costs): it bounds the words as written, so the mention finder, which asks it
/// first, never links a word of running text by its acronym (*AFP*, *CIA* must be a
/// gazetteer's alias to be linked), nor *Li Peng* as a place whose name two syllables render.
final class NearNameFilter: Sendable {
    let threshold: Double
    /// The similarity a word must reach, a hair under `threshold` so that the rounding of a
    /// score (Float means, then Double) can never make the filter stricter than the matcher.
    private let minimumSimilarity: Float
    private let words: WordTrie
    private let joinedNames: WordTrie
    /// Answers by word and by joined query, apart: a key made by prefixing one would be a new
    /// string per lookup.
    private let nearWords = BoundedCache<String, Bool>(limit: 100_000)
    private let nearJoined = BoundedCache<String, Bool>(limit: 100_000)

    /// A filter over `words`, every word of the gazetteer's names, and `joinedNames`, each name
    /// run together (`ScanTables`).
    init(words: WordTrie, joinedNames: WordTrie, threshold: Double) {
        self.threshold = threshold
        minimumSimilarity = Float(threshold) - 1e-4
        self.words = words
        self.joinedNames = joinedNames
    }

    /// A filter over `matcher`'s gazetteer, its tries read or built for its model (`Gazetteer.scanTables`)
    /// and searched with the cheapest costs its scorer uses (`NameScorer.boundingModel`).
    /// - Complexity: O(total length of the index's entries).
    convenience init(matcher: Matcher, threshold: Double) {
        let tables = matcher.gazetteer.scanTables(model: matcher.scorer.boundingModel)
        self.init(words: tables.words, joinedNames: tables.joinedNames, threshold: threshold)
    }

    /// False when no gazetteer name can align with any romanisation of `form` at `threshold`
    /// or more; true when one might.
    /// - Complexity: a cache lookup per word seen before; otherwise a bounded trie search.
    func mayReach(_ form: NameForm) -> Bool {
        form.romanizations.contains { tokens in
            // `align` pairs the first 8 words of a query.
            tokens.prefix(8).contains { isNear(word: $0) } || isNear(joined: tokens.joined())
        }
    }

    private func isNear(word: String) -> Bool {
        nearWords.value(for: word) { words.containsWord(near: Array(word.utf8), minimumSimilarity: minimumSimilarity) }
    }

    /// `align` compares the joined forms only when their lengths differ by at most
    /// max(2, longer / 5); the lengths tried are a superset of those.
    private func isNear(joined: String) -> Bool {
        let length = joined.utf8.count
        let lengths = max(1, length - max(2, length / 4))...(length + max(2, (length + 3) / 4))
        return nearJoined.value(for: joined) {
            joinedNames.containsWord(near: Array(joined.utf8), minimumSimilarity: minimumSimilarity, lengths: lengths)
        }
    }
}
