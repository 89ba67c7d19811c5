/// Groups the unknown names of a run (across its documents) that spell the same name: *Olzhas
/// Auyezov*, *Auyezov* and *Olzhas Auezov* end up under one cluster key, ready for a variant
/// report or a new gazetteer entry.
///
/// Clustering is online: each name joins the first cluster one of whose spellings it matches
/// (in either direction, as a query against a name) at `threshold` or more, or starts its own.
/// A cluster's key is made from its first spelling and never changes, so keys can be written as
/// mentions stream out. Memory grows with the number of distinct unknown spellings only.
///
/// ```swift
/// var clusters = UnknownNameClusters()
/// clusters.key(for: "Olzhas Auyezov")   // "unknown:olzhas-auyezov"
/// clusters.key(for: "Auyezov")          // "unknown:olzhas-auyezov"
/// clusters.key(for: "Simon Lewis")      // "unknown:simon-lewis"
/// ```
public struct UnknownNameClusters: Sendable {
    struct Cluster: Sendable {
        let key: String
        var spellings: [[[UInt8]]]  // distinct folded spellings, words as bytes; at most a few kept
    }

    public let threshold: Double
    private let folder: NameFolder
    private let scorer: NameScorer
    private var clusters: [Cluster] = []
    /// Skeleton of a word → clusters holding a spelling with that word: only those are compared.
    private var byWordSkeleton: [[UInt8]: [Int]] = [:]
    private var keyBySpelling: [String: String] = [:]

    public init(threshold: Double = 0.85, folder: NameFolder = .shared, scorer: NameScorer = NameScorer()) {
        self.threshold = threshold
        self.folder = folder
        self.scorer = scorer
    }

    /// The cluster key of an unknown name, clustering it on first sight.
    /// - Complexity: compares with the spellings of clusters sharing a word skeleton only.
    public mutating func key(for name: String) -> String {
        key(forFoldedWords: folder.fold(name).tokens)
    }

    /// `key(for:)` of a name whose folded words are at hand: a mention's, folded on the thread
    /// that found it (folding is the same whatever the folder's cache), not again by the writer.
    package mutating func key(forFoldedWords words: [String]) -> String {
        let spelling = words.joined(separator: " ")
        if let known = keyBySpelling[spelling] { return known }
        let bytes = words.map { Array($0.utf8) }
        let skeletons = Set(words.map { Skeleton.of($0) }.filter { $0.count >= 2 })
        var candidates = Set<Int>()
        for skeleton in skeletons { candidates.formUnion(byWordSkeleton[skeleton] ?? []) }
        // The name's words recur across the clusters' spellings: their similarities are remembered.
        var similarities = QuerySimilarities(scorer: scorer, query: bytes)
        let joined = candidates.sorted().first { index in
            clusters[index].spellings.contains { other in
                MatchOptions.reaches(score: scorer.align(query: bytes, name: other, type: .person, similarities: &similarities).score, threshold)
                    || MatchOptions.reaches(score: scorer.align(query: other, name: bytes, type: .person).score, threshold)
            }
        }
        let index: Int
        if let joined {
            index = joined
            if clusters[index].spellings.count < 8 { clusters[index].spellings.append(bytes) }
        } else {
            index = clusters.count
            clusters.append(Cluster(key: "unknown:" + (words.isEmpty ? "-" : words.joined(separator: "-")), spellings: [bytes]))
        }
        for skeleton in skeletons where !(byWordSkeleton[skeleton]?.contains(index) ?? false) {
            byWordSkeleton[skeleton, default: []].append(index)
        }
        keyBySpelling[spelling] = clusters[index].key
        return clusters[index].key
    }

    /// How many clusters there are so far.
    public var count: Int { clusters.count }
}
