/// Learns a ``ConfidenceModel`` from a gazetteer alone. Some entities' aliases are held out
/// and some entities left out altogether; the rest is matched against those names as a user's
/// queries would be, and a logistic regression learns, from what the decision sees, which
/// answers were right: an alias held out should find its entity, a left-out entity's name
/// nothing. Names found by lookup (a held-out alias another entity also carries) are decided
/// without the model and are not learnt from.
public enum Calibration {
    public struct Result: Sendable {
        public let model: ConfidenceModel
        /// Of the held-out names, the best-scoring answer and whether it was right, by the
        /// model's confidence (in-sample: the names the model learnt from).
        public let reliability: [ReliabilityBin]
        /// Held-out names that scored (not decided by lookup): what the model learnt from.
        public let learntFrom: Int
    }

    /// The share of entities left out, and the share of those with two aliases or more that
    /// lend some to the held-out names; each capped to keep a large gazetteer's run short.
    static let absentShare = 0.06, lendingShare = 0.25
    static let maximumAbsent = 2_000, maximumLending = 4_000

    /// The kept entities, and the held-out names, each with the id of the entity it should find, or nil.
    struct HeldOut {
        var kept: [Entity] = []
        var queries: [(name: String, expected: String?)] = []
    }

    /// Splits the gazetteer's entities into kept ones (some without a third of their aliases)
    /// and held-out names, reproducibly for a seed.
    static func holdOut(_ entities: [Entity], seed: UInt64) -> HeldOut {
        var random = SeededGenerator(seed: seed)
        let lending = entities.filter { $0.aliases.count >= 2 }.count
        let absentRate = min(absentShare, Double(maximumAbsent) / Double(max(entities.count, 1)))
        let lendingRate = min(lendingShare, Double(maximumLending) / Double(max(lending, 1)))
        var split = HeldOut()
        for entity in entities {
            if random.nextUnit() < absentRate {
                let names = [entity.canonical] + entity.aliases
                split.queries.append((names[random.next(below: names.count)], nil))
                continue
            }
            guard entity.aliases.count >= 2, random.nextUnit() < lendingRate else {
                split.kept.append(entity)
                continue
            }
            var aliases = entity.aliases
            for k in stride(from: aliases.count - 1, to: 0, by: -1) { aliases.swapAt(k, random.next(below: k + 1)) }
            let lent = max(1, aliases.count / 3)
            split.queries.append((aliases[random.next(below: lent)], entity.id))
            split.kept.append(Entity(id: entity.id, canonical: entity.canonical, type: entity.type, aliases: Array(aliases[lent...]),
                                     country: entity.country, weight: entity.weight, attributes: entity.attributes, location: entity.location))
        }
        return split
    }

    /// Learns a model for `gazetteer`. Throws when too few names can be held out to learn from
    /// (a gazetteer without aliases).
    /// - Complexity: building the gazetteer once more without the held-out names, then one match
    ///   per held-out name (a few thousand), on `jobs` threads.
    public static func calibrate(_ gazetteer: Gazetteer, options: MatchOptions = MatchOptions(), scorer: NameScorer = NameScorer(),
                                 seed: UInt64 = 1, jobs: Int = 0) throws(CalibrationError) -> Result {
        let split = holdOut(Array(gazetteer.entities), seed: seed)
        let positives = split.queries.filter { $0.expected != nil }.count
        guard positives >= CalibrationError.minimumHeldOut else {
            throw CalibrationError(reason: "only \(positives) aliases could be held out (entities with two aliases or more lend them): "
                                   + "a model needs \(CalibrationError.minimumHeldOut)")
        }
        let reduced: Gazetteer
        do { reduced = try Gazetteer(entities: split.kept) } catch {
            throw CalibrationError(reason: "the gazetteer without its held-out names could not be built: \(error)")
        }
        var decision = options
        decision.confidenceModel = nil
        decision.candidateCount = ConfidenceModel.consideredCandidates
        let matcher = Matcher(gazetteer: reduced, options: decision, scorer: scorer)

        // Each held-out name's features and whether its best answer was right; nil when decided by lookup.
        let learnt = split.queries.concurrentMap(jobs: jobs) { query -> (features: [Double], right: Bool)? in
            let match = matcher.match(query.name)
            guard match.status != .exact, match.status != .alias, !match.candidates.isEmpty else { return nil }
            let top = match.candidates.max { $0.score < $1.score }!
            let features = ConfidenceModel.features(query: matcher.folder.fold(query.name), candidates: match.candidates)
            return (features, top.entity.id == query.expected)
        }.compactMap { $0 }
        guard learnt.contains(where: \.right), learnt.contains(where: { !$0.right }) else {
            throw CalibrationError(reason: "the held-out names were all answered \(learnt.first?.right == true ? "right" : "wrong"): nothing to learn from")
        }
        let regression = LogisticRegression(rows: learnt.map(\.features), labels: learnt.map(\.right))
        let model = ConfidenceModel(regression: regression, provenance: .init(
            entities: gazetteer.entities.count, names: gazetteer.names.count, heldOutAliases: positives,
            absentNames: split.queries.count - positives, seed: seed))
        let reliability = ReliabilityBin.bins(ReliabilityBin.confidenceBounds,
                                              learnt.map { (model.confidence(features: $0.features), $0.right) })
        return Result(model: model, reliability: reliability, learntFrom: learnt.count)
    }
}

/// Why a gazetteer could not teach a confidence model.
public struct CalibrationError: Error, Sendable, CustomStringConvertible {
    static let minimumHeldOut = 50
    public let reason: String
    public var description: String { reason }
}
