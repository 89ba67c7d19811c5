/// Why a candidate scored what it did: the folded words compared, and for each pair of words
/// the edits that turn one into the other, with their costs and reasons.
public struct Explanation: Sendable, Hashable {
    public struct WordComparison: Sendable, Hashable {
        public let queryWord: String
        public let nameWord: String
        public let similarity: Double
        public let edits: [Edit]
    }

    public let queryWords: [String]
    public let nameWords: [String]
    public let comparisons: [WordComparison]
    /// Query words the name does not account for.
    public let extraWords: [String]
    /// Those of `extraWords` read as a person's patronymic, which weigh little.
    public let extraPatronymics: [String]
    /// Those of `extraWords` read as a person's title (*President*, *Dr*), which weigh little.
    public let extraTitles: [String]
    /// Those of `extraWords` read as a place's kind (*District*, *Zhen*), which weigh little.
    public let extraPlaceKinds: [String]
    /// Those of `extraWords` that places' names carry or drop (learnt from the gazetteer), which weigh little.
    public let extraQualifiers: [String]
    /// Those of `extraWords` that repeat a word of the query the name explains, which weigh little.
    public let extraRepeats: [String]
    /// Name words the query leaves out.
    public let omittedWords: [String]
    /// Those of `omittedWords` that places' names carry or drop (learnt from the gazetteer), which weigh little.
    public let omittedQualifiers: [String]
    /// Words that disagree, query word first: a person's given names (*aaron* against *josh*),
    /// an organisation's legal forms (*ag* against *gmbh*).
    public let conflictingWords: [WordConflict]
    public struct WordConflict: Sendable, Hashable {
        public let queryWord: String
        public let nameWord: String
        /// What the words are: "given names", "legal forms".
        public let role: String
    }
    public let comparedJoined: Bool
    /// The query was read as the initials of the name's words.
    public let readAsAcronym: Bool
    /// A query word written in capitals read as the initials of these name words (they are
    /// among `queryWords`), the score scaled by `factor`; nil when none was.
    public let expandedAcronym: ExpandedAcronym?
    public struct ExpandedAcronym: Sendable, Hashable {
        public let acronym: String
        public let words: [String]
        public let factor: Double
    }
    /// The query's digits were read as the letters they look like.
    public let readDigitsAsLetters: Bool
    /// The query was read without its Lithuanian or Latvian name endings, the score scaled by
    /// this factor (nil when it was not).
    public let balticEndingsFactor: Double?
    /// The query, a Chinese, Korean or Japanese syllable-by-syllable rendering, was read as the name it renders, the
    /// score scaled by this factor (nil when it was not).
    public let transcriptionFactor: Double?
    /// Initials the query writes together in capitals were read one by one.
    public let readInitialsApart: Bool
    /// The query, Chinese in Wade–Giles, was read as pinyin writes it.
    public let readFromWadeGiles: Bool
    /// The query, written in Belarusian Cyrillic, was compared at Belarusian costs.
    public let readInBelarusian: Bool
    /// The query's legal form was read from a word misspelt or cut short, the score scaled by
    /// this factor (nil when it was not).
    public let misspeltLegalFormFactor: Double?
    public let reordered: Bool
    /// An organisation's initials were in another order, another acronym: the score was scaled
    /// by this factor (nil when they were not).
    public let reorderedInitialsFactor: Double?
    /// A person's names either side of *bin* swapped, father for son: the score was scaled by
    /// this factor (nil when they were not).
    public let reversedLineageFactor: Double?
    /// The score was held to the surname's similarity plus this leeway (nil when it was not).
    public let surnameLeeway: Double?
    /// The surnames are one family's of two genders, the score held at this (nil when they are not).
    public let otherGenderSurnameCeiling: Double?
    /// The score was held to the father's name's similarity plus this leeway (nil when it was not).
    public let fathersNameLeeway: Double?
    /// The score was held to the least similar word's similarity plus this leeway (organisations).
    public let weakestWordLeeway: Double?
    /// The place lies outside the country a locator of the query names: (the locator, its
    /// country, the place's country, the factor the score was scaled by); nil when it does not.
    public let outsideLocatorCountry: OutsideLocatorCountry?
    public struct OutsideLocatorCountry: Sendable, Hashable {
        public let locator: String
        public let country: String
        public let placeCountry: String
        public let factor: Double
    }
    /// The place lies in the country a locator of the query names, which weighed little unpaired
    /// (``NameScorer/confirmedLocatorWeight``); nil when none did.
    public let insideLocatorCountry: InsideLocatorCountry?
    public struct InsideLocatorCountry: Sendable, Hashable {
        public let locator: String
        public let country: String
    }
    /// The score was held to this share of syllable characters (Han, Hangul) in common (nil when it was not).
    public let syllableCharactersInCommon: Double?
    public let score: Double
    /// When the match went through an alias: the query's words against the canonical form's,
    /// so a reviewer sees which conventions separate the variant from the canonical spelling.
    public let canonicalComparisons: [WordComparison]

    /// One line per fact, for terminals and JSON: `"togayev ~ tokayev 0.95: g→k 0.35 (voicing k/g)"`.
    public var lines: [String] {
        var lines = ["query words: \(queryWords.joined(separator: " ")); name words: \(nameWords.joined(separator: " "))"]
        if comparedJoined { lines.append("compared run together (word breaks differ)") }
        if readInitialsApart { lines.append("initials written together read one by one") }
        if readFromWadeGiles { lines.append("read from Wade–Giles as pinyin writes it") }
        if readInBelarusian { lines.append("read as Belarusian spells names: a for an unstressed o, ў for v") }
        if readDigitsAsLetters { lines.append("digits read as the letters they look like (scored down)") }
        if let balticEndingsFactor {
            lines.append("read without its Lithuanian or Latvian name endings (scored ×\(Edit.format(balticEndingsFactor)))")
        }
        if let transcriptionFactor {
            lines.append("read as a syllable-by-syllable rendering of the name, Chinese, Korean or Japanese (scored ×\(Edit.format(transcriptionFactor)))")
        }
        if let misspeltLegalFormFactor {
            lines.append("legal form misspelt or cut short, read as its code (scored ×\(Edit.format(misspeltLegalFormFactor)))")
        }
        if readAsAcronym {
            lines.append("read as an acronym: \(queryWords.joined()) for the initials of \(nameWords.joined(separator: " "))")
        }
        if let expandedAcronym {
            lines.append("\(expandedAcronym.acronym) read as the initials of \(expandedAcronym.words.joined(separator: " ")) (scored ×\(Edit.format(expandedAcronym.factor)))")
        }
        for comparison in comparisons {
            let edits = comparison.edits.isEmpty ? "identical" : comparison.edits.map(\.description).joined(separator: ", ")
            lines.append("\(comparison.queryWord) ~ \(comparison.nameWord) \(Edit.format(comparison.similarity)): \(edits)")
        }
        for conflict in conflictingWords {
            lines.append("\(conflict.queryWord) ≠ \(conflict.nameWord): different \(conflict.role), weighed as a mismatched pair")
        }
        let otherOmitted = omittedWords.filter { !omittedQualifiers.contains($0) }
        if !otherOmitted.isEmpty { lines.append("left out of the query: \(otherOmitted.joined(separator: " "))") }
        if !omittedQualifiers.isEmpty {
            lines.append("left out of the query, a word places' names carry or drop (weighs little): \(omittedQualifiers.joined(separator: " "))")
        }
        let confirmingLocator = insideLocatorCountry?.locator
        let otherExtras = extraWords.filter {
            !extraPatronymics.contains($0) && !extraTitles.contains($0) && !extraPlaceKinds.contains($0) && !extraQualifiers.contains($0)
                && !extraRepeats.contains($0) && $0 != confirmingLocator
        }
        if !otherExtras.isEmpty { lines.append("not in the name: \(otherExtras.joined(separator: " "))") }
        if !extraPatronymics.isEmpty { lines.append("patronymic not in the name (weighs little): \(extraPatronymics.joined(separator: " "))") }
        if !extraTitles.isEmpty { lines.append("title not in the name (weighs little): \(extraTitles.joined(separator: " "))") }
        if !extraRepeats.isEmpty { lines.append("word written twice (weighs little): \(extraRepeats.joined(separator: " "))") }
        if !extraPlaceKinds.isEmpty { lines.append("kind of place not in the name (weighs little): \(extraPlaceKinds.joined(separator: " "))") }
        let otherQualifiers = extraQualifiers.filter { $0 != confirmingLocator }
        if !otherQualifiers.isEmpty {
            lines.append("not in the name, a word places' names carry or drop (weighs little): \(otherQualifiers.joined(separator: " "))")
        }
        if let insideLocatorCountry {
            lines.append("not in the name, the query's \(insideLocatorCountry.locator) places it in \(insideLocatorCountry.country), where this place is (weighs very little)")
        }
        if let reorderedInitialsFactor {
            lines.append("initials in another order: they spell another name (scored ×\(Edit.format(reorderedInitialsFactor)))")
        } else if let reversedLineageFactor {
            lines.append("names either side of bin/ben swapped: father for son (scored ×\(Edit.format(reversedLineageFactor)))")
        } else if reordered {
            lines.append("words in another order")
        }
        if let surnameLeeway {
            lines.append("held to the surname's similarity + \(Edit.format(surnameLeeway)): a person's surname must match on its own")
        }
        if let otherGenderSurnameCeiling {
            lines.append("surnames of one family in two genders, held at \(Edit.format(otherGenderSurnameCeiling)) or under: another person of the family")
        }
        if let fathersNameLeeway {
            lines.append("held to the father's name's similarity + \(Edit.format(fathersNameLeeway)): another father is another person")
        }
        if let weakestWordLeeway {
            lines.append("held to the least similar word's similarity + \(Edit.format(weakestWordLeeway)): every word of an organisation's name must match")
        }
        if let outsideLocatorCountry {
            lines.append("the query's \(outsideLocatorCountry.locator) places it in \(outsideLocatorCountry.country); this place is in \(outsideLocatorCountry.placeCountry) (scored ×\(Edit.format(outsideLocatorCountry.factor)))")
        }
        if let syllableCharactersInCommon {
            lines.append("held to the characters in common, \(Edit.format(syllableCharactersInCommon)): characters that differ name another, however alike they read")
        }
        for comparison in canonicalComparisons where !comparison.edits.isEmpty {
            let edits = comparison.edits.map(\.description).joined(separator: ", ")
            lines.append("against the canonical form: \(comparison.queryWord) ~ \(comparison.nameWord) \(Edit.format(comparison.similarity)): \(edits)")
        }
        return lines
    }
}

extension Matcher {
    /// The locator that placed `candidate` outside its country, as `explain` reports it.
    private func outsideLocatorCountry(of candidate: Candidate) -> Explanation.OutsideLocatorCountry? {
        guard candidate.alignment.outsideLocatorCountry, let placeCountry = candidate.entity.country else { return nil }
        let countries = gazetteer.tables.locatorCountries
        guard let locator = candidate.alignment.extraQueryTokens.map({ candidate.queryTokens[$0] }).first(where: { countries[$0] != nil }),
              let country = countries[locator] else { return nil }
        return .init(locator: locator, country: country, placeCountry: placeCountry, factor: Double(scorer.otherCountryFactor))
    }

    /// The locator that placed `candidate` inside its country, as `explain` reports it.
    private func insideLocatorCountry(of candidate: Candidate) -> Explanation.InsideLocatorCountry? {
        guard candidate.alignment.withinLocatorCountry, let placeCountry = candidate.entity.country else { return nil }
        let countries = gazetteer.tables.locatorCountries
        guard let locator = candidate.alignment.extraQueryTokens.map({ candidate.queryTokens[$0] }).first(where: { countries[$0] == placeCountry })
        else { return nil }
        return .init(locator: locator, country: placeCountry)
    }

    /// Explains a candidate's score edit by edit.
    public func explain(_ candidate: Candidate) -> Explanation {
        let alignment = candidate.alignment
        let reader = scorer(for: QueryReadings.Costs(scoring: alignment))  // as `rank` scored it
        func comparison(_ query: String, _ name: String, _ similarity: Double) -> Explanation.WordComparison {
            let queryLetters = Array(query.utf8), nameLetters = Array(name.utf8)
            let edits = WeightedEditDistance.alignment(queryLetters, nameLetters, model: reader.model(comparing: queryLetters, nameLetters)).edits
            return .init(queryWord: query, nameWord: name, similarity: similarity, edits: edits)
        }
        let comparisons: [Explanation.WordComparison] = alignment.comparedJoined
            ? [comparison(candidate.queryTokens.joined(), candidate.nameTokens.joined(), alignment.score)]
            : alignment.pairs.map { comparison(candidate.queryTokens[$0.queryToken], candidate.nameTokens[$0.nameToken], $0.similarity) }
        var canonicalComparisons: [Explanation.WordComparison] = []
        if !candidate.matchedNameIsCanonical {
            let canonical = folder.fold(candidate.entity.canonical).tokens
            let query = candidate.queryTokens
            let versus = reader.align(query: query.map { Array($0.utf8) }, name: canonical.map { Array($0.utf8) }, type: candidate.entity.type)
            canonicalComparisons = versus.comparedJoined
                ? [comparison(query.joined(), canonical.joined(), versus.score)]
                : versus.pairs.map { comparison(query[$0.queryToken], canonical[$0.nameToken], $0.similarity) }
        }
        let extraWords = alignment.extraQueryTokens.map { candidate.queryTokens[$0] }
        let queryWords = candidate.queryTokens.map { Array($0.utf8) }
        let isPerson = candidate.entity.type == .person, isPlace = candidate.entity.type == .place
        let nameWords = candidate.nameTokens.map { Array($0.utf8) }
        let extraPlaceKinds = isPlace ? alignment.extraQueryTokens.filter { NameScorer.isPlaceKind(queryWords, $0) } : []
        return Explanation(
            queryWords: candidate.queryTokens, nameWords: candidate.nameTokens, comparisons: comparisons,
            extraWords: extraWords,
            extraPatronymics: isPerson ? extraWords.filter { NameScorer.looksLikePatronymic(Array($0.utf8)) } : [],
            extraTitles: isPerson ? extraWords.filter { NameScorer.personTitles.contains(Array($0.utf8)) } : [],
            extraPlaceKinds: extraPlaceKinds.map { candidate.queryTokens[$0] },
            extraQualifiers: isPlace ? alignment.extraQueryTokens.filter {
                !extraPlaceKinds.contains($0) && scorer.isQualifier(queryWords, $0)
            }.map { candidate.queryTokens[$0] } : [],
            extraRepeats: alignment.extraQueryTokens.filter {
                NameScorer.repeatsAPairedWord($0, query: queryWords, pairedQuery: alignment.pairs.reduce(0) { $0 | (1 << UInt16($1.queryToken)) })
            }.map { candidate.queryTokens[$0] },
            omittedWords: alignment.omittedNameTokens.map { candidate.nameTokens[$0] },
            omittedQualifiers: isPlace ? alignment.omittedNameTokens.filter {
                !NameScorer.isPlaceKind(nameWords, $0) && scorer.isQualifier(nameWords, $0)
            }.map { candidate.nameTokens[$0] } : [],
            conflictingWords: alignment.conflictingWords.map {
                .init(queryWord: candidate.queryTokens[$0.queryToken], nameWord: candidate.nameTokens[$0.nameToken],
                      role: isPerson ? "given names" : "legal forms")
            },
            comparedJoined: alignment.comparedJoined, readAsAcronym: alignment.readAsAcronym,
            expandedAcronym: alignment.expandedAcronym.map {
                .init(acronym: $0.acronym, words: Array(candidate.queryTokens[$0.queryWords]), factor: Double(scorer.expandedAcronymFactor))
            },
            readDigitsAsLetters: alignment.readDigitsAsLetters,
            balticEndingsFactor: alignment.readWithoutBalticEndings ? Double(scorer.balticEndingsFactor) : nil,
            transcriptionFactor: alignment.readAsTranscription ? Double(scorer.transcriptionFactor) : nil,
            readInitialsApart: alignment.readInitialsApart, readFromWadeGiles: alignment.readFromWadeGiles,
            readInBelarusian: alignment.readInBelarusian,
            misspeltLegalFormFactor: alignment.readMisspeltLegalForm ? Double(scorer.misspeltLegalFormFactor) : nil, reordered: alignment.reordered,
            reorderedInitialsFactor: alignment.reorderedInitials ? Double(scorer.reorderedInitialsFactor) : nil,
            reversedLineageFactor: alignment.reversedLineage ? Double(scorer.reversedLineageFactor) : nil, surnameLeeway: alignment.heldToSurname ? Double(scorer.surnameLeeway) : nil,
            otherGenderSurnameCeiling: alignment.surnamesOfTwoGenders ? Double(scorer.otherGenderSurnameCeiling) : nil,
            fathersNameLeeway: alignment.heldToFathersName ? Double(scorer.fathersNameLeeway) : nil,
            weakestWordLeeway: alignment.heldToWeakestWord ? Double(scorer.organisationLeeway) : nil,
            outsideLocatorCountry: outsideLocatorCountry(of: candidate), insideLocatorCountry: insideLocatorCountry(of: candidate),
            syllableCharactersInCommon: alignment.heldToSyllableCharacters, score: candidate.score,
            canonicalComparisons: canonicalComparisons)
    }
}
