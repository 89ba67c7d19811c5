/// Settings of a ``Matcher``.
public struct MatchOptions: Sendable, Hashable {
    /// A fuzzy candidate needs at least this score to be accepted (0…1), when it leads the next
    /// entity by `wantedLead` or more.
    public var threshold: Double
    /// Per-type thresholds that override `threshold`.
    public var thresholdByType: [EntityType: Double]
    /// When another entity scores within this margin of the best, the match is `ambiguous`.
    public var ambiguityMargin: Double
    /// The lead over the next entity that a fuzzy candidate needs for `threshold` to be enough:
    /// the score needed rises by what the lead falls short of this, so a name equally close to
    /// two entities needs `threshold + wantedLead`. On the dev sets this keeps most right answers
    /// and drops most wrong ones, which come with a rival close behind. 0 turns it off.
    public var wantedLead: Double
    /// How many candidates (entities) a match reports.
    public var candidateCount: Int
    /// How many gazetteer names the index proposes for scoring.
    public var indexCandidateLimit: Int
    /// When set, a fuzzy match is accepted when the model's confidence that it is right reaches
    /// `minimumConfidence`, instead of by `threshold`, `thresholdByType` and `wantedLead`.
    public var confidenceModel: ConfidenceModel?
    /// The confidence (0…1) a fuzzy match needs under `confidenceModel`: 0.5 accepts what is more
    /// likely right than wrong.
    public var minimumConfidence: Double
    /// Score every name of the gazetteer instead of the index's proposals: the reference the
    /// index's recall is measured against (`canonym-operations --recall`), far too slow for use.
    package var scoresEveryName = false

    public init(threshold: Double = 0.85, thresholdByType: [EntityType: Double] = [:], ambiguityMargin: Double = 0.02,
                wantedLead: Double = 0.08, candidateCount: Int = 3, indexCandidateLimit: Int = 150,
                confidenceModel: ConfidenceModel? = nil, minimumConfidence: Double = 0.5) {
        self.threshold = threshold
        self.thresholdByType = thresholdByType
        self.ambiguityMargin = ambiguityMargin
        self.wantedLead = wantedLead
        self.candidateCount = candidateCount
        self.indexCandidateLimit = indexCandidateLimit
        self.confidenceModel = confidenceModel
        self.minimumConfidence = minimumConfidence
    }

    public func threshold(for type: EntityType) -> Double { thresholdByType[type] ?? threshold }

    /// What a fuzzy candidate's score must reach, given its lead over the next entity.
    public func requiredScore(for type: EntityType, lead: Double) -> Double {
        threshold(for: type) + shortfall(lead: lead)
    }

    /// Whether a fuzzy candidate with this score and lead is accepted.
    public func accepts(score: Double, type: EntityType, lead: Double) -> Bool {
        Self.reaches(score: score, requiredScore(for: type, lead: lead))
    }

    /// Whether a score reaches a level. Scores are reckoned in `Float`: one that equals 0.95
    /// comes out as 0.94999998, which must not be refused at 0.95 (while printed as 0.95), so the
    /// comparison allows `scoreTolerance`.
    public static func reaches(score: Double, _ level: Double) -> Bool { score >= level - scoreTolerance }
    /// Whether a confidence (reckoned in `Double`) reaches a level, with a hair for rounding.
    public static func reaches(confidence: Double, _ level: Double) -> Bool { confidence >= level - confidenceTolerance }
    public static let scoreTolerance = 1e-6, confidenceTolerance = 1e-9

    /// Whether a candidate scoring `score` is within `ambiguityMargin` of the best, `top` (with
    /// `scoreTolerance`: a rival printed 0.02 behind is 0.02 behind).
    public func isClose(_ score: Double, to top: Double) -> Bool { Self.reaches(score: score, top - ambiguityMargin) }

    /// How much more than the threshold a candidate with this lead needs.
    public func shortfall(lead: Double) -> Double { max(0, wantedLead - lead) }
}
