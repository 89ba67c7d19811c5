/// Matches names against a gazetteer: exact and alias lookups by folded key, then fuzzy
/// scoring of the candidates the index proposes, then a decision.
///
/// ```swift
/// let matcher = Matcher(gazetteer: try Gazetteer.load(paths: ["places.tsv"]))
/// let match = matcher.match("Tachkent")
/// match.status            // .alias, or .fuzzy with a score, when "Tachkent" is not listed
/// match.entity?.canonical // "Tashkent"
/// ```
///
/// Safe to share between threads: all state is immutable after `init`.
public final class Matcher: Sendable {
    public let gazetteer: Gazetteer
    public let options: MatchOptions
    public let scorer: NameScorer
    /// `scorer` with `CostModel.readingRendering()`: what scores a query's syllabic rendering
    /// read back (`QueryReadings.transcribed`) and explains those scores.
    let renderingScorer: NameScorer
    /// `scorer` with `CostModel.readingBelarusian()`: what scores a query written in Belarusian.
    let belarusianScorer: NameScorer
    let folder: NameFolder
    let index: CandidateIndex

    /// - Complexity: O(1): the gazetteer holds its index.
    public init(gazetteer: Gazetteer, options: MatchOptions = MatchOptions(), scorer: NameScorer = NameScorer(),
                folder: NameFolder = .shared) {
        self.gazetteer = gazetteer
        self.options = options
        var scorer = scorer
        if scorer.qualifierWords == nil { scorer.qualifierWords = gazetteer.tables.qualifierWords }
        self.scorer = scorer
        var rendering = scorer, belarusian = scorer
        rendering.model = scorer.model.readingRendering()
        belarusian.model = scorer.model.readingBelarusian()
        renderingScorer = rendering
        belarusianScorer = belarusian
        self.folder = folder
        self.index = gazetteer.index
    }

    private init(sharing other: Matcher, options: MatchOptions) {
        gazetteer = other.gazetteer
        self.options = options
        scorer = other.scorer
        renderingScorer = other.renderingScorer
        belarusianScorer = other.belarusianScorer
        folder = other.folder
        index = other.index
    }

    /// The same matcher with other decision settings, sharing the gazetteer and index (no rebuild).
    public func with(options: MatchOptions) -> Matcher {
        Matcher(sharing: self, options: options)
    }

    /// Matches one name.
    /// - Complexity: a hash lookup for names the gazetteer knows; otherwise proportional to the
    ///   postings of the query's skeleton bigrams plus `indexCandidateLimit` name comparisons.
    public func match(_ input: String) -> Match {
        let form = folder.fold(input)
        guard !form.isEmpty else { return Match(input: input, status: .unknown, best: nil, candidates: []) }
        // The runner-up is always ranked: the decision reads the lead over it (a confidence model, more rivals).
        let decisionCandidates = options.confidenceModel == nil ? 2 : ConfidenceModel.consideredCandidates
        let ranked = rank(form, initialisms: Initialisms.capitalisedWords(in: input), keeping: max(decisionCandidates, options.candidateCount))
        guard let top = ranked.first else { return Match(input: input, status: .unknown, best: nil, candidates: []) }
        let shown = Array(ranked.prefix(options.candidateCount))
        let lead = top.score - (ranked.dropFirst().first?.score ?? 0)

        if top.score >= 1, top.alignment.pairs.allSatisfy({ $0.similarity >= 1 }), isKeyMatch(form, top) {
            let tied = ranked.filter { $0.score >= 1 && isKeyMatch(form, $0) }
            if tied.count > 1 {
                let chosen = tied.max(by: Candidate.isLessLikely)!
                return Match(input: input, status: .ambiguous, best: chosen, candidates: [chosen] + shown.filter { $0.entity.id != chosen.entity.id }, lead: lead)
            }
            return Match(input: input, status: top.matchedNameIsCanonical ? .exact : .alias, best: top, candidates: shown, lead: lead)
        }
        let confidence = options.confidenceModel?.confidence(query: form, candidates: ranked)
        let accepted = confidence.map { MatchOptions.reaches(confidence: $0, options.minimumConfidence) }
            ?? options.accepts(score: top.score, type: top.entity.type, lead: lead)
        guard accepted else {
            return Match(input: input, status: .unknown, best: nil, candidates: shown, lead: lead, confidence: confidence)
        }
        let close = ranked.filter { options.isClose($0.score, to: top.score) }
        if close.count > 1 {
            // The prior (weight) decides only among candidates scoring the same.
            let chosen = close.filter { top.score - $0.score < 1e-3 }.max(by: Candidate.isLessLikely) ?? top
            return Match(input: input, status: .ambiguous, best: chosen, candidates: [chosen] + shown.filter { $0.entity.id != chosen.entity.id },
                         lead: lead, confidence: confidence)
        }
        return Match(input: input, status: .fuzzy, best: top, candidates: shown, lead: lead, confidence: confidence)
    }

    /// Whether some name of the gazetteer folds as `form` does (in some romanisation of each):
    /// a match can be exact or an alias only then.
    /// - Complexity: one hash lookup per romanisation.
    package func knowsName(foldedAs form: NameForm) -> Bool {
        form.romanizations.contains { !gazetteer.nameIndices(forKey: $0.joined(separator: " ")).isEmpty }
    }

    /// The query folds to exactly this candidate's name (some romanisation of each).
    private func isKeyMatch(_ form: NameForm, _ candidate: Candidate) -> Bool {
        candidate.queryTokens == candidate.nameTokens && !candidate.alignment.comparedJoined
            && candidate.alignment.extraQueryTokens.isEmpty && candidate.alignment.omittedNameTokens.isEmpty
    }

    /// The index's proposals for a folded name (no exact lookup, no scoring): for benchmarks.
    package func indexCandidates(for form: NameForm) -> [Int32] {
        indexCandidates(for: form.romanizations)
    }

    private func indexCandidates(for readings: [[String]]) -> [Int32] {
        // Without its titles too: *President Erdoğan* must find *Recep Tayyip Erdoğan*.
        index.candidates(for: readings + readings.compactMap(NameScorer.droppingTitles), limit: options.indexCandidateLimit)
    }

    /// The scorer that compares a reading at `costs` (a copy: for a query, not for each name).
    func scorer(for costs: QueryReadings.Costs) -> NameScorer {
        switch costs {
        case .standard: scorer
        case .rendering: renderingScorer
        case .belarusian: belarusianScorer
        }
    }

    /// `scorer(for: costs).align`, each scorer called where it is stored: one picked into a local
    /// is a copy, and retaining its models' tables for every name cost 13% of a match.
    private func align(_ query: [[UInt8]], _ name: [[UInt8]], type: EntityType, at costs: QueryReadings.Costs,
                       similarities: inout QuerySimilarities, confirmedLocators: UInt16) -> TokenAlignment {
        switch costs {
        case .standard: scorer.align(query: query, name: name, type: type, similarities: &similarities, confirmedLocators: confirmedLocators)
        case .rendering: renderingScorer.align(query: query, name: name, type: type, similarities: &similarities, confirmedLocators: confirmedLocators)
        case .belarusian: belarusianScorer.align(query: query, name: name, type: type, similarities: &similarities, confirmedLocators: confirmedLocators)
        }
    }

    /// Every entity worth considering, best first, each with its best-scoring name; only the
    /// first `keeping` and those within the ambiguity margin of the best are returned.
    /// When the query folds to a known name, only the entities holding that name are scored: no
    /// other entity can reach 1, so none could change an exact or alias decision. The query is
    /// also read in the ways `QueryReadings` gives, and when it is one of `initialisms` alone,
    /// as the acronym of an organisation or a place.
    func rank(_ form: NameForm, initialisms: Set<String>, keeping: Int) -> [Candidate] {
        let readings = QueryReadings(form, initialisms: initialisms)
        var entries: [Int32] = []
        for romanization in readings.all[readings.keyed] {
            for nameIndex in gazetteer.nameIndices(forKey: romanization.joined(separator: " ")) {
                entries += index.entries(ofName: Int(nameIndex))
            }
        }
        // Initialisms among other words (*UN Security Council*), each read as the initials of
        // some of a name's words where they spell them.
        var initialismWords: [(reading: Int, position: Int)] = []
        for k in readings.keyed where !initialisms.isEmpty && readings.all[k].count > 1 {
            for (position, word) in readings.all[k].enumerated() where initialisms.contains(word) { initialismWords.append((k, position)) }
        }
        var acronymEntries: [Int32] = []
        if entries.isEmpty {
            entries = options.scoresEveryName ? Array(0..<Int32(index.entryCount))
                : indexCandidates(for: readings.indexed)
            if let acronym = Initialisms.acronym(form.tokens, initialisms: initialisms) {
                acronymEntries = gazetteer.acronyms.entries(goingBy: acronym)
            }
            // The names an initialism spells whole, which share no letters with it (*PLA China*).
            for word in Set(initialismWords.map { readings.all[$0.reading][$0.position] }) { entries += gazetteer.acronyms.entries(goingBy: word) }
        }
        // Ascending entry order makes ties between equal scores fall the same way on every run.
        entries.sort()
        let queries = readings.all.map { $0.map { Array($0.utf8) } }
        // Checks against the entity, not the name: its Han or Hangul names, its country (`EntityChecks`).
        let entityChecks = EntityChecks(query: form, readings: readings.all, gazetteer: gazetteer, otherCountryFactor: scorer.otherCountryFactor)
        let checksEntities = !entityChecks.isEmpty  // a constant: the scoring loop reads it for every name
        var similarities = queries.indices.map { QuerySimilarities(scorer: scorer(for: readings.costs(of: $0)), query: queries[$0]) }

        struct Scored {
            let entity: Int
            let entry: Int32
            let query: Int
            /// The query's words with an initialism spelt out as the name's words, when that scored.
            var expandedQuery: [[UInt8]]? = nil
            let alignment: TokenAlignment
            let isCanonical: Bool
        }
        let tables = gazetteer.tables
        var bestByEntity: [Int: Scored] = [:]
        bestByEntity.reserveCapacity(entries.count)  // grown from empty, it was rehashed several times per query
        var buffers = CandidateIndex.WordBuffers()
        var previous: Int32 = -1
        var scoredEntries: [(entity: Int, entry: Int32, score: Double)] = []  // every name scored, for `otherNameScore`
        scoredEntries.reserveCapacity(entries.count)
        for entryIndex in entries where entryIndex != previous {
            previous = entryIndex
            let nameIndex = index.name(ofEntry: Int(entryIndex))
            let entity = Int(tables.nameEntity[nameIndex]), isCanonical = tables.nameIsCanonical[nameIndex] != 0
            let type = tables.type(ofEntity: entity)
            let nameWords = buffers.words(ofEntry: Int(entryIndex), in: index)
            func consider(_ alignment: consuming TokenAlignment, reading: Int, expandedQuery: [[UInt8]]? = nil) {
                if checksEntities { alignment = entityChecks.checked(alignment, entity: entity, type: type, reading: reading) }
                scoredEntries.append((entity, entryIndex, alignment.score))
                let better = bestByEntity[entity].map {
                    alignment.score > $0.alignment.score || (alignment.score == $0.alignment.score && isCanonical && !$0.isCanonical)
                } ?? true
                if better {
                    bestByEntity[entity] = Scored(entity: entity, entry: entryIndex, query: reading, expandedQuery: expandedQuery,
                                                  alignment: alignment, isCanonical: isCanonical)
                }
            }
            for (queryIndex, query) in queries.enumerated() where readings.isScored(queryIndex, against: type) {
                let confirmed = checksEntities ? entityChecks.confirmedLocators(of: entity, type: type, reading: queryIndex) : 0
                let alignment = align(query, nameWords, type: type, at: readings.costs(of: queryIndex), similarities: &similarities[queryIndex],
                                      confirmedLocators: confirmed)
                consider(readings.marked(alignment, reading: queryIndex, scorer: scorer), reading: queryIndex)
            }
            // A person's initials pair with given names one by one (`QueryReadings.spelledOut`).
            guard type == .organization || type == .place else { continue }
            for (reading, position) in initialismWords {
                guard let (words, expansion) = Initialisms.expanded(queries[reading], at: position, in: nameWords) else { continue }
                let alignment = scorer.align(query: words, name: nameWords, type: type)
                    .expandingAcronym(readings.all[reading][position], into: expansion, factor: scorer.expandedAcronymFactor)
                consider(readings.marked(alignment, reading: reading, scorer: scorer), reading: reading, expandedQuery: words)
            }
        }
        for entryIndex in acronymEntries {
            let nameIndex = index.name(ofEntry: Int(entryIndex))
            let entity = Int(tables.nameEntity[nameIndex])
            guard (bestByEntity[entity]?.alignment.score ?? -1) < Double(scorer.acronymScore) else { continue }
            bestByEntity[entity] = Scored(entity: entity, entry: entryIndex, query: 0, alignment: .acronym(score: scorer.acronymScore),
                                          isCanonical: tables.nameIsCanonical[nameIndex] != 0)
        }
        // What the order reads, sorted apart from the alignments: sorting the scored values
        // themselves copied every alignment's arrays.
        let ranked = bestByEntity.values.map { (score: $0.alignment.score, isCanonical: $0.isCanonical, entity: $0.entity) }.sorted {
            let (a, b) = ($0.entity, $1.entity)
            return $0.score != $1.score ? $0.score > $1.score
                : $0.isCanonical != $1.isCanonical ? $0.isCanonical
                : tables.entityWeights[a] != tables.entityWeights[b] ? tables.entityWeights[a] > tables.entityWeights[b]
                : tables.ids.key(a).lexicographicallyPrecedes(tables.ids.key(b))
        }
        // Only what a decision or a report reads becomes a `Candidate` (which copies strings).
        let top = ranked.first?.score ?? 0
        let kept = ranked.enumerated().prefix { $0.offset < keeping || options.isClose($0.element.score, to: top) }
        return kept.map { _, key in
            let scored = bestByEntity[key.entity]!
            let entity = gazetteer.entities[scored.entity]  // decoded from the tables: once
            var other = entity.aliases.isEmpty ? scored.alignment.score : 0
            for name in scoredEntries where name.entity == scored.entity && name.score > other
                && !index.haveSameWords(Int(name.entry), Int(scored.entry)) {
                other = name.score
            }
            return Candidate(entity: entity, score: scored.alignment.score,
                             matchedName: tables.text(ofName: index.name(ofEntry: Int(scored.entry))),
                             matchedNameIsCanonical: scored.isCanonical, alignment: scored.alignment,
                             queryTokens: scored.expandedQuery?.map { String(decoding: $0, as: UTF8.self) } ?? readings.all[scored.query],
                             nameTokens: index.strings(ofEntry: Int(scored.entry)), otherNameScore: other)
        }
    }
}
