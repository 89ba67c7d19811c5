/// Settings of a ``Matcher``.
public struct MatchOptions: Sendable, Hashable {
    /// A fuzzy candidate needs at least this score to be accepted (0…1).
    public var threshold: Double
    /// Per-type thresholds that override `threshold`.
    public var thresholdByType: [EntityType: Double]
    /// When another entity scores within this margin of the best, the match is `ambiguous`.
    public var ambiguityMargin: Double
    /// How many candidates (entities) a match reports.
    public var candidateCount: Int
    /// How many gazetteer names the index proposes for scoring.
    public var indexCandidateLimit: Int
    /// Score every name of the gazetteer instead of the index's proposals: the reference the
    /// index's recall is measured against (`canonym-operations --recall`), far too slow for use.
    package var scoresEveryName = false

    public init(threshold: Double = 0.86, thresholdByType: [EntityType: Double] = [:], ambiguityMargin: Double = 0.02,
                candidateCount: Int = 3, indexCandidateLimit: Int = 300) {
        self.threshold = threshold
        self.thresholdByType = thresholdByType
        self.ambiguityMargin = ambiguityMargin
        self.candidateCount = candidateCount
        self.indexCandidateLimit = indexCandidateLimit
    }

    func threshold(for type: EntityType) -> Double { thresholdByType[type] ?? threshold }
}
