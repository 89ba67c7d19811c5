/// What a query is checked against whole entities rather than the one name scored: the
/// characters of its Han or Hangul writing against the entity's names written so
/// (`SyllableCharacters`), and the country its locators name against the entity's (`Locator`).
/// Each entity's record is read once per query, and only for a query that has something to check.
/// A class: the scoring loop's closure holds it by reference, where a struct was boxed and copied.
final class EntityChecks {
    private let gazetteer: Gazetteer
    private let querySyllables: [Unicode.Scalar]
    private let locator: Locator
    private let otherCountryFactor: Float
    private var syllableSimilarities: [Int: Double?] = [:]
    private var countries: [Int: String?] = [:]

    /// True when the query has nothing to check: most have not.
    let isEmpty: Bool

    init(query form: NameForm, readings: [[String]], gazetteer: Gazetteer, otherCountryFactor: Float) {
        self.gazetteer = gazetteer
        querySyllables = SyllableCharacters.of(form.display)
        locator = Locator(readings, countries: gazetteer.tables.locatorCountries)
        self.otherCountryFactor = otherCountryFactor
        isEmpty = querySyllables.isEmpty && locator.country == nil
    }

    /// `alignment`, of reading `reading` against a name of `entity`, held or scored down by the checks.
    func checked(_ alignment: consuming TokenAlignment, entity: Int, type: EntityType, reading: Int) -> TokenAlignment {
        if !querySyllables.isEmpty, let similarity = syllableSimilarity(of: entity) {
            alignment = alignment.holding(toSyllableCharacters: similarity)
        }
        if type == .place, locator.isLeftUnexplained(by: alignment, reading: reading), isElsewhere(entity) {
            alignment = alignment.placedElsewhere(factor: otherCountryFactor)
        }
        return alignment
    }

    /// The share of characters the query has in common with the closest of the entity's names
    /// written a syllable to a character; nil when it has none, or one the same.
    private func syllableSimilarity(of entity: Int) -> Double? {
        if let known = syllableSimilarities[entity] { return known }
        let record = gazetteer.entities[entity]
        let written = ([record.canonical] + record.aliases).map(SyllableCharacters.of).filter { !$0.isEmpty }
        let inCommon = written.map { SyllableCharacters.similarity(querySyllables, $0) }.max().flatMap { $0 < 1 ? $0 : nil }
        syllableSimilarities[entity] = inCommon
        return inCommon
    }

    /// The words of reading `reading` that are locators naming the country `entity` lies in (bit
    /// i: word i), which then weigh little unpaired (`NameScorer.confirmedLocatorWeight`).
    func confirmedLocators(of entity: Int, type: EntityType, reading: Int) -> UInt16 {
        guard type == .place, let country = locator.country else { return 0 }
        let words = locator.words(ofReading: reading)
        return words != 0 && self.country(of: entity) == country ? words : 0
    }

    private func country(of entity: Int) -> String? {
        if countries[entity] == nil { countries[entity] = .some(gazetteer.entities[entity].country) }
        return countries[entity]!
    }

    /// Whether the entity lies in a country other than the one the query's locators name (an
    /// entity of no country does not).
    private func isElsewhere(_ entity: Int) -> Bool {
        country(of: entity).map { $0 != locator.country } ?? false
    }
}
