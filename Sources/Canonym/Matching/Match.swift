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
    public let entity: Entity
    public let score: Double
    /// The gazetteer name (canonical or alias, as written there) that came closest.
    public let matchedName: String
    public let matchedNameIsCanonical: Bool
    /// How the query's words lined up with `matchedName`'s words.
    public let alignment: TokenAlignment
    /// The query's and the name's romanised words that were compared.
    public let queryTokens: [String]
    public let nameTokens: [String]

    /// Among candidates scoring the same: a match on an entity's own (canonical) name comes
    /// before a match on an alias, which is often another place's old or borrowed name
    /// (*Islamabad*, once a name of Chattogram); then the heavier entity (the prior).
    static func isLessLikely(_ a: Candidate, _ b: Candidate) -> Bool {
        a.matchedNameIsCanonical != b.matchedNameIsCanonical ? b.matchedNameIsCanonical : a.entity.weight < b.entity.weight
    }
}

/// The answer for one name.
public struct Match: Sendable {
    public let input: String
    public let status: MatchStatus
    /// The best candidate, unless `status` is `.unknown`.
    public let best: Candidate?
    /// The best candidates, best first, one per entity (at most `MatchOptions.candidateCount`),
    /// including ones below the threshold, so a reviewer sees what was near.
    public let candidates: [Candidate]
    /// How far the best-scoring candidate is ahead of the next entity (its whole score when no
    /// other entity came near); nil when nothing was scored.
    public let lead: Double?

    init(input: String, status: MatchStatus, best: Candidate?, candidates: [Candidate], lead: Double? = nil) {
        self.input = input
        self.status = status
        self.best = best
        self.candidates = candidates
        self.lead = lead
    }

    public var entity: Entity? { best?.entity }
    public var score: Double? { best?.score }
}
