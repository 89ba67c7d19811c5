/// How a name relates to the gazetteer.
public enum MatchStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The name folds to the entity's canonical form.
    case exact
    /// The name folds to one of the entity's aliases.
    case alias
    /// The name is close enough to one entity's name, and clearly closer than to any other entity.
    case fuzzy
    /// Several entities are too close to call; the match names the most likely one.
    case ambiguous
    /// No entity is close enough.
    case unknown
}

/// An entity considered for a name, with its score and the name of the entity that scored it.
public struct Candidate: Sendable {
    /// Behind one reference (`SharedValue`): a candidate is copied many times on its way from
    /// the matcher through caches, mentions and their resolution.
    private struct Fields {
        let entity: Entity
        let score: Double
        let matchedName: String
        let matchedNameIsCanonical: Bool
        let alignment: TokenAlignment
        let queryTokens: [String]
        let nameTokens: [String]
        let otherNameScore: Double
    }
    private let shared: SharedValue<Fields>
    private var fields: Fields { _read { yield shared.value } }

    init(entity: Entity, score: Double, matchedName: String, matchedNameIsCanonical: Bool, alignment: TokenAlignment,
         queryTokens: [String], nameTokens: [String], otherNameScore: Double = 0) {
        shared = SharedValue(Fields(entity: entity, score: score, matchedName: matchedName, matchedNameIsCanonical: matchedNameIsCanonical,
                                    alignment: alignment, queryTokens: queryTokens, nameTokens: nameTokens, otherNameScore: otherNameScore))
    }
    /// How close the entity's other names came (a feature of ``ConfidenceModel``): the best
    /// score of a name of other words than `matchedName`'s; this candidate's own score when the
    /// entity has no alias, so a name of its own does not count against it; 0 when the index
    /// proposed none of its other names.
    public var otherNameScore: Double { fields.otherNameScore }

    public var entity: Entity { _read { yield fields.entity } }
    public var score: Double { fields.score }
    /// The gazetteer name (canonical or alias, as written there) that came closest.
    public var matchedName: String { _read { yield fields.matchedName } }
    public var matchedNameIsCanonical: Bool { fields.matchedNameIsCanonical }
    /// How the query's words lined up with `matchedName`'s words.
    public var alignment: TokenAlignment { _read { yield fields.alignment } }
    /// The query's and the name's romanised words that were compared.
    public var queryTokens: [String] { _read { yield fields.queryTokens } }
    public var nameTokens: [String] { _read { yield fields.nameTokens } }

    /// Among candidates scoring the same: a match on an entity's own (canonical) name comes
    /// before a match on an alias, which is often another place's old or borrowed name
    /// (*Islamabad*, once a name of Chattogram); then the heavier entity (the prior).
    static func isLessLikely(_ a: Candidate, _ b: Candidate) -> Bool {
        a.matchedNameIsCanonical != b.matchedNameIsCanonical ? b.matchedNameIsCanonical : a.entity.weight < b.entity.weight
    }
}

/// The answer for one name.
public struct Match: Sendable {
    /// Behind one reference, as a ``Candidate``'s fields are: a match is copied through caches and mentions.
    private struct Fields {
        let input: String
        let status: MatchStatus
        let best: Candidate?
        let candidates: [Candidate]
        let lead: Double?
        let confidence: Double?
    }
    private let shared: SharedValue<Fields>
    private var fields: Fields { _read { yield shared.value } }

    public var input: String { _read { yield fields.input } }
    public var status: MatchStatus { fields.status }
    /// The best candidate, unless `status` is `.unknown`.
    public var best: Candidate? { _read { yield fields.best } }
    /// The best candidates, best first, one per entity (at most `MatchOptions.candidateCount`),
    /// including ones below the threshold, so a reviewer sees what was near.
    public var candidates: [Candidate] { _read { yield fields.candidates } }
    /// How far the best-scoring candidate is ahead of the next entity (its whole score when no
    /// other entity came near); nil when nothing was scored.
    public var lead: Double? { fields.lead }
    /// How likely the best-scoring candidate is the right entity, by `MatchOptions.confidenceModel`
    /// (also when it was not accepted); nil without a model and for exact and alias matches.
    public var confidence: Double? { fields.confidence }

    init(input: String, status: MatchStatus, best: Candidate?, candidates: [Candidate], lead: Double? = nil, confidence: Double? = nil) {
        shared = SharedValue(Fields(input: input, status: status, best: best, candidates: candidates, lead: lead, confidence: confidence))
    }

    public var entity: Entity? { best?.entity }
    public var score: Double? { best?.score }
}
