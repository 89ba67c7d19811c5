import Foundation

/// Precision, recall and F1 of a matcher on labelled names, at one threshold.
public struct EvaluationMetrics: Sendable, Hashable {
    public let threshold: Double
    public let count: Int
    /// Names that are in the gazetteer (they have an expected id).
    public let positives: Int
    /// Names that are not: the right answer is `unknown`.
    public let negatives: Int
    /// Names given an id (any status but unknown).
    public let answered: Int
    /// Positives given their expected id.
    public let correct: Int
    /// Negatives correctly left unknown.
    public let negativesUnknown: Int

    /// Correct answers over all answers (an absent name given an id is a wrong answer).
    public var precision: Double? { answered > 0 ? Double(correct) / Double(answered) : nil }
    /// Correct answers over positives (accuracy at rank 1).
    public var recall: Double? { positives > 0 ? Double(correct) / Double(positives) : nil }
    public var f1: Double? {
        guard let p = precision, let r = recall, p + r > 0 else { return positives > 0 ? 0 : nil }
        return 2 * p * r / (p + r)
    }
    public var absentUnknownRate: Double? { negatives > 0 ? Double(negativesUnknown) / Double(negatives) : nil }
}

/// Names of the gazetteer that only a prior can resolve (`Evaluation.Outcome.isAmongNamesakes`),
/// and what they cap F1 at.
public struct NamesakeFigures: Sendable, Hashable {
    public let count: Int
    /// Answered with the expected entity (by its weight, when the namesakes tie).
    public let right: Int
    /// Answered with another entity.
    public let wrong: Int
    /// Names in the gazetteer among the queries.
    public let positives: Int
    public var unknown: Int { count - right - wrong }

    /// The highest F1 a matcher right on every other name (and answering no absent one) could
    /// reach: abstaining on every namesake, or answering them as this run did, whichever is higher.
    public var f1Ceiling: Double? {
        guard positives > 0 else { return nil }
        // F1 = 2·correct / (answered + positives).
        let others = positives - count
        let abstaining = 2 * Double(others) / Double(others + positives)
        let answering = 2 * Double(others + right) / Double(others + right + wrong + positives)
        return max(abstaining, answering)
    }
}

/// Of the answers scored within a range, how many were right: whether a score can be trusted.
public struct ReliabilityBin: Sendable, Hashable {
    public let lower: Double
    public let upper: Double
    public let answers: Int
    public let correct: Int
    public var accuracy: Double? { answers > 0 ? Double(correct) / Double(answers) : nil }

    /// The ranges of confidence that reliability tables report.
    static let confidenceBounds = [0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]

    /// The answers, each with its score or confidence, binned between consecutive `bounds`
    /// (the last bin holds its upper bound too).
    static func bins(_ bounds: [Double], _ answers: [(value: Double, isRight: Bool)]) -> [ReliabilityBin] {
        zip(bounds, bounds.dropFirst()).map { lower, upper in
            let inBin = answers.filter { $0.value >= lower && (upper >= 1 ? $0.value <= upper : $0.value < upper) }
            return ReliabilityBin(lower: lower, upper: upper, answers: inBin.count, correct: inBin.filter(\.isRight).count)
        }
    }
}

/// The result of matching labelled names: one outcome per name, and metrics derived from them.
public struct Evaluation: Sendable {
    public struct Outcome: Sendable {
        public let query: LabelledQuery
        public let match: Match
        /// The matcher's threshold for the type of the matched entity, when it sets one.
        let typeThreshold: Double?
        /// The lowest threshold at which this name is answered, less `tolerance` (1 for exact and
        /// alias matches), nil when it is never answered: a fuzzy score less what its lead falls
        /// short of, or under a confidence model, the match's confidence.
        public let answeredFrom: Double?
        /// The nearest candidate went by a name that the expected entity holds along with another
        /// entity (*Springfield*, seven cities): spelling cannot tell which is meant, only a prior
        /// (the weight) or context can. False for names absent from the gazetteer.
        public let isAmongNamesakes: Bool

        init(query: LabelledQuery, match: Match, typeThreshold: Double?, options: MatchOptions, gazetteer: Gazetteer) {
            self.query = query
            self.match = match
            self.typeThreshold = typeThreshold
            answeredFrom = Self.lowestThreshold(answering: match, options: options)
            isAmongNamesakes = Self.isAmongNamesakes(match, expectedID: query.expectedID, gazetteer: gazetteer)
        }

        private static func isAmongNamesakes(_ match: Match, expectedID: String?, gazetteer: Gazetteer) -> Bool {
            guard let expectedID, let expected = gazetteer.entityIndex(id: expectedID),
                  let nearest = match.best ?? match.candidates.first else { return false }
            let holders = Set(gazetteer.nameIndices(forKey: nearest.nameTokens.joined(separator: " "))
                .map { Int(gazetteer.tables.nameEntity[Int($0)]) })
            return holders.count > 1 && holders.contains(expected)
        }

        private static func lowestThreshold(answering match: Match, options: MatchOptions) -> Double? {
            switch match.status {
            case .exact, .alias: return 1
            case .fuzzy, .ambiguous:
                if let confidence = match.confidence { return confidence }
                guard let score = match.score else { return nil }
                return score - options.shortfall(lead: match.lead ?? 1)
            case .unknown: return nil
            }
        }
        /// Answered at `threshold`; a type with its own threshold keeps that one at every level.
        public func isAnswered(at threshold: Double) -> Bool {
            answeredFrom.map { $0 >= (typeThreshold ?? threshold) - tolerance } ?? false
        }
        /// How far under a level `answeredFrom` may be and still reach it, as the matcher
        /// compares a score or a confidence (`MatchOptions.reaches`).
        var tolerance: Double { match.confidence != nil ? MatchOptions.confidenceTolerance : MatchOptions.scoreTolerance }
        public var isCorrectID: Bool { query.expectedID != nil && match.entity?.id == query.expectedID }
        /// The expected entity is nowhere among the match's nearest candidates
        /// (`Evaluation.nearestCount`): no threshold finds it. Another name or a translation,
        /// not a spelling. False for names absent from the gazetteer.
        public var isOutOfReach: Bool {
            guard let expectedID = query.expectedID else { return false }
            return match.entity?.id != expectedID && !match.candidates.contains { $0.entity.id == expectedID }
        }
    }

    /// How many of the nearest candidates each match reports, at least: what `Outcome.isOutOfReach` looks through.
    public static let nearestCount = 3

    public let outcomes: [Outcome]
    /// The thresholds are levels of confidence (the matcher has a `ConfidenceModel`), not of score.
    public let thresholdsAreConfidences: Bool

    /// Matches every query. Thresholds down to `lowestThreshold` can then be evaluated from one run.
    /// - Complexity: one `Matcher.match` per query, spread over `jobs` threads.
    public init(matcher: Matcher, queries: [LabelledQuery], lowestThreshold: Double = 0.5, jobs: Int = 0) {
        var options = matcher.options
        thresholdsAreConfidences = options.confidenceModel != nil
        // Per-type thresholds do not apply under a confidence model.
        let byType = thresholdsAreConfidences ? [:] : options.thresholdByType
        options.threshold = min(lowestThreshold, options.threshold)
        options.minimumConfidence = min(lowestThreshold, options.minimumConfidence)
        options.thresholdByType = [:]
        options.candidateCount = max(options.candidateCount, Self.nearestCount)
        let permissive = matcher.with(options: options)
        let decision = options
        outcomes = queries.concurrentMap(jobs: jobs) { query in
            let match = permissive.match(query.query)
            return Outcome(query: query, match: match, typeThreshold: match.entity.flatMap { byType[$0.type] }, options: decision,
                           gazetteer: matcher.gazetteer)
        }
    }

    public func metrics(threshold: Double, subset: String? = nil) -> EvaluationMetrics {
        var positives = 0, negatives = 0, answered = 0, correct = 0, negativesUnknown = 0
        for outcome in outcomes where subset == nil || outcome.query.subset == subset {
            let isAnswered = outcome.isAnswered(at: threshold)
            if outcome.query.expectedID != nil { positives += 1 } else { negatives += 1 }
            if isAnswered { answered += 1 }
            if isAnswered && outcome.isCorrectID { correct += 1 }
            if outcome.query.expectedID == nil && !isAnswered { negativesUnknown += 1 }
        }
        return EvaluationMetrics(threshold: threshold, count: positives + negatives, positives: positives, negatives: negatives,
                                 answered: answered, correct: correct, negativesUnknown: negativesUnknown)
    }

    /// The metrics at every level where the answers change, highest first: the whole
    /// precision–recall curve, of which a table of levels shows samples. Each level is an
    /// answer's `answeredFrom` rounded down to four decimals, so that it can be given back as a
    /// threshold (or minimum confidence) and answer exactly as reported; a type with a threshold
    /// of its own keeps it at every level.
    /// - Complexity: O(n log n) for n outcomes.
    public func curve() -> [EvaluationMetrics] {
        var positives = 0, negatives = 0
        var fixed = (answered: 0, correct: 0, negativesAnswered: 0)
        var joining: [(level: Double, isCorrect: Bool, isNegative: Bool)] = []
        for outcome in outcomes {
            let isNegative = outcome.query.expectedID == nil
            if isNegative { negatives += 1 } else { positives += 1 }
            if outcome.typeThreshold != nil {
                guard outcome.isAnswered(at: 0) else { continue }
                fixed.answered += 1
                if outcome.isCorrectID { fixed.correct += 1 }
                if isNegative { fixed.negativesAnswered += 1 }
            } else if let from = outcome.answeredFrom {
                // The highest level of four decimals that still answers it.
                joining.append((((from + outcome.tolerance) * 10_000).nextDown.rounded(.down) / 10_000, outcome.isCorrectID, isNegative))
            }
        }
        joining.sort { $0.level > $1.level }
        var curve: [EvaluationMetrics] = []
        var answered = fixed.answered, correct = fixed.correct, negativesAnswered = fixed.negativesAnswered
        for (k, answer) in joining.enumerated() {
            answered += 1
            if answer.isCorrect { correct += 1 }
            if answer.isNegative { negativesAnswered += 1 }
            guard k + 1 == joining.count || joining[k + 1].level != answer.level else { continue }
            curve.append(EvaluationMetrics(threshold: answer.level, count: positives + negatives, positives: positives, negatives: negatives,
                                           answered: answered, correct: correct, negativesUnknown: negatives - negativesAnswered))
        }
        return curve
    }

    /// Of the levels of `curve()`, the one with the most recall at `precision` or more (the
    /// highest such level when several tie: the fewest wrong answers); nil when none reaches it.
    public func highestRecall(atPrecision precision: Double) -> EvaluationMetrics? {
        curve().filter { ($0.precision ?? 0) >= precision - 1e-12 }.max { ($0.recall ?? 0) < ($1.recall ?? 0) }
    }

    /// The level of `curve()` with the highest F1 (the highest such level when several tie).
    public func bestF1() -> EvaluationMetrics? {
        curve().max { ($0.f1 ?? 0) < ($1.f1 ?? 0) }
    }

    /// How the names among namesakes (`Outcome.isAmongNamesakes`) fared at `threshold`.
    public func namesakes(threshold: Double) -> NamesakeFigures {
        var count = 0, right = 0, wrong = 0
        for outcome in outcomes where outcome.isAmongNamesakes {
            count += 1
            if outcome.isAnswered(at: threshold) { if outcome.isCorrectID { right += 1 } else { wrong += 1 } }
        }
        return NamesakeFigures(count: count, right: right, wrong: wrong, positives: outcomes.count { $0.query.expectedID != nil })
    }

    /// Names in the gazetteer whose expected entity is out of reach (`Outcome.isOutOfReach`).
    public var outOfReachCount: Int { outcomes.count { $0.isOutOfReach } }

    /// The subsets present, in order of first appearance.
    public var subsets: [String] {
        var seen = Set<String>()
        return outcomes.map(\.query.subset).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The ranges `reliability()` reports: of scores, or of confidences.
    public var reliabilityBounds: [Double] {
        thresholdsAreConfidences ? ReliabilityBin.confidenceBounds : [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0]
    }

    /// Accuracy of the answers in each range of score, or of confidence under a confidence model
    /// (exact and alias matches score 1).
    public func reliability(bounds: [Double]? = nil) -> [ReliabilityBin] {
        let answers = outcomes.compactMap { outcome in
            outcome.answeredFrom.map { (value: outcome.match.confidence ?? outcome.match.score ?? $0, isRight: outcome.isCorrectID) }
        }
        return ReliabilityBin.bins(bounds ?? reliabilityBounds, answers)
    }

    /// The costliest mistakes at `threshold`: wrong answers with the highest scores first, then
    /// names of the gazetteer left unknown, with their best candidate.
    public func worstErrors(threshold: Double, limit: Int) -> [Outcome] {
        let wrong = outcomes.filter { $0.isAnswered(at: threshold) && !$0.isCorrectID }
            .sorted { ($0.match.score ?? 0) > ($1.match.score ?? 0) }
        let missed = outcomes.filter { $0.query.expectedID != nil && !$0.isAnswered(at: threshold) }
            .sorted { ($0.match.candidates.first?.score ?? 0) > ($1.match.candidates.first?.score ?? 0) }
        return Array((wrong + missed).prefix(limit))
    }
}

enum System {
    static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}
