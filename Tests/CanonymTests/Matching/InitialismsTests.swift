@testable import Canonym
import CanonymTestSupport
import Testing

@Suite struct InitialismsTests {
    @Test(arguments: [
        ("JC Juncker", ["jc"]),                  // capitals beside lower case
        ("PLA", ["pla"]),                        // a name of one word
        ("KGB HEADQUARTERS", ["kgb"]),           // all in capitals: only a word with no vowel
        ("KIM KYONG MIN", []),                   // all in capitals, each word with a vowel
        ("Les Echos", []),                       // capitalised is not in capitals
        ("KKR Asian Fund III L.P.", ["kkr"]),    // no Roman numeral
        ("Acme LLC", []),                        // no legal form
        ("DR Jones", []),                        // no title
        ("J. Smith", []),                        // one letter is already an initial
        ("ABCDEFG Holdings", []),                // seven letters is a word
        ("ÉDF Énergie", []),                     // letters outside A–Z
    ])
    func capitalisedWordsAreToldFromWords(input: String, expected: [String]) {
        #expect(Initialisms.capitalisedWords(in: input) == Set(expected))
    }

    @Test func initialismsAreSpeltOutAndOthersKept() {
        #expect(Initialisms.spelledOut(["jc", "juncker"], initialisms: ["jc"]) == ["j", "c", "juncker"])
        #expect(Initialisms.spelledOut(["jean", "juncker"], initialisms: ["jc"]) == nil)
    }

    @Test func aQueryIsAnAcronymOnlyWhenItIsOneCapitalisedWord() {
        #expect(Initialisms.acronym(["pla"], initialisms: ["pla"]) == "pla")
        #expect(Initialisms.acronym(["pla"], initialisms: []) == nil)
        #expect(Initialisms.acronym(["pla", "china"], initialisms: ["pla"]) == nil)
    }

    @Test func aNamesAcronymsAreItsInitialsWithAndWithoutParticles() {
        let words = ["organisation", "du", "traite", "de", "atlantique", "nord"].map { Array($0.utf8) }
        #expect(Initialisms.acronyms(of: words) == ["odtdan", "otan"])
        #expect(Initialisms.acronyms(of: ["peoples", "liberation", "army"].map { Array($0.utf8) }) == ["pla"])
        #expect(Initialisms.acronyms(of: [Array("tashkent".utf8)]).isEmpty, "one word has no acronym")
        #expect(Initialisms.acronyms(of: ["3", "percenters"].map { Array($0.utf8) }).isEmpty, "a word without a letter to start")
    }

    @Test func theAcronymTableListsTheEntriesOfEveryAcronymAsTheNamesSpellIt() throws {
        // Random names of a few words, some of them particles, for every kind of entity: the
        // table (packed keys, sorted) against every entry's acronyms read one by one.
        var random = SeededGenerator(seed: 7)
        let particles = ["de", "la", "of", "the", "e", "dos"]
        let types: [EntityType] = [.organization, .place, .person, .other]
        let entities = (0..<400).map { k in
            let words = (0..<Int.random(in: 1...9, using: &random)).map { _ in
                Bool.random(using: &random) && Bool.random(using: &random) ? particles.randomElement(using: &random)!
                    : random.word(from: Array("abcde"), length: 1...4)
            }
            return Entity(id: "e\(k)", canonical: words.joined(separator: " "), type: types[k % types.count])
        }
        let gazetteer = try Gazetteer(entities: entities)
        let index = gazetteer.index
        var expected: [String: [Int32]] = [:]
        for entry in 0..<index.entryCount {
            let type = gazetteer.tables.type(ofEntity: Int(gazetteer.tables.nameEntity[index.name(ofEntry: entry)]))
            guard type == .organization || type == .place else { continue }
            for acronym in Initialisms.acronyms(of: index.words(ofEntry: entry)) { expected[acronym, default: []].append(Int32(entry)) }
        }
        #expect(expected.count > 20, "the names spell many acronyms")
        for (acronym, entries) in expected { #expect(gazetteer.acronyms.entries(goingBy: acronym) == entries, "\(acronym)") }
        for absent in ["zz", "abcdeabcdeabcde", "a1", ""] { #expect(gazetteer.acronyms.entries(goingBy: absent).isEmpty, "\(absent)") }
    }

    @Test func anInitialismIsSpeltOutAsTheNameWordsWithItsInitials() throws {
        let bytes = { (words: [String]) in words.map { Array($0.utf8) } }
        let name = bytes(["united", "nations", "security", "council"])
        let expanded = try #require(Initialisms.expanded(bytes(["un", "security", "council"]), at: 0, in: name))
        #expect(expanded.words == name)
        #expect(expanded.expansion == 0..<2)
        let otan = try #require(Initialisms.expanded(bytes(["otan", "bruxelles"]), at: 0,
                                                     in: bytes(["organisation", "du", "traite", "de", "atlantique", "nord"])))
        #expect(otan.words == bytes(["organisation", "du", "traite", "de", "atlantique", "nord", "bruxelles"]), "particles inside the run")
        #expect(otan.expansion == 0..<6)
        let late = try #require(Initialisms.expanded(bytes(["chinese", "pla"]), at: 1, in: bytes(["peoples", "liberation", "army"])))
        #expect(late.expansion == 1..<4)
    }

    @Test func anInitialismIsNotSpeltOutWhereItsWordsAreMissingOrCountedTwice() {
        let bytes = { (words: [String]) in words.map { Array($0.utf8) } }
        #expect(Initialisms.expanded(bytes(["un", "council"]), at: 0, in: bytes(["european", "council"])) == nil)
        #expect(Initialisms.expanded(bytes(["us", "steel"]), at: 0, in: bytes(["united", "steel"])) == nil, "steel would count twice")
        #expect(Initialisms.expanded(bytes(["un", "council"]), at: 0, in: bytes(["united", "council", "of", "nations"])) == nil,
                "initials in a row, not scattered")
    }
}

@Suite struct AcronymMatchingTests {
    static let tsv = """
        id\tcanonical\ttype
        o:pla\tPeople's Liberation Army\torganization
        o:otan\tNorth Atlantic Treaty Organization\torganization
        o:commission\tEuropean Commission\torganization
        o:council\tEuropean Council\torganization
        o:bird\tThe Bird Foundation\torganization
        o:unsc\tUnited Nations Security Council\torganization
        c:usvi\tUnited States Virgin Islands\tplace
        p:smith\tUyen Nguyen Smith\tperson
        p:juncker\tJean-Claude Juncker\tperson
        p:kennedy\tJohn Fitzgerald Kennedy\tperson

        """
    static let matcher = Matcher(gazetteer: try! Gazetteer.load([.text(name: "acronyms.tsv", tsv)]))

    @Test func aQueryInCapitalsIsReadAsTheAcronymOfAnOrganisation() throws {
        let match = Self.matcher.match("PLA")
        #expect(match.status == .fuzzy && match.entity?.id == "o:pla")
        let best = try #require(match.best)
        #expect(best.alignment.readAsAcronym)
        #expect(best.score == Double(Self.matcher.scorer.acronymScore) && best.score < 1, "an acronym is never exact")
        #expect(Self.matcher.explain(best).lines.contains("read as an acronym: pla for the initials of peoples liberation army"))
        #expect(Self.matcher.match("NATO").entity?.id == "o:otan")
    }

    @Test func theSameLettersInLowerCaseAreAWord() {
        #expect(Self.matcher.match("Pla").status == .unknown)
        #expect(Self.matcher.match("pla").status == .unknown)
    }

    @Test func twoEntitiesGoingByTheSameLettersNeedAHumanDecision() {
        let match = Self.matcher.match("EC")
        #expect(match.status == .unknown)
        #expect(Set(match.candidates.prefix(2).map(\.entity.id)) == ["o:commission", "o:council"])
        #expect(match.candidates.prefix(2).allSatisfy { $0.alignment.readAsAcronym })
    }

    @Test func peopleAreNotMatchedByAcronym() {
        #expect(Self.matcher.match("JFK").entity == nil)
    }

    @Test func capitalisedInitialsPairWithAPersonsGivenNames() throws {
        let match = Self.matcher.match("JC Juncker")
        #expect(match.entity?.id == "p:juncker" && match.status == .fuzzy)
        let best = try #require(match.best)
        #expect(best.queryTokens == ["j", "c", "juncker"])
        #expect(best.alignment.pairs.count == 3)
        #expect(best.alignment.readInitialsApart)
        #expect(Self.matcher.explain(best).lines.contains("initials written together read one by one"))
        #expect(Self.matcher.match("Jean-Claude Juncker").best?.alignment.readInitialsApart == false)
    }

    @Test func anInitialismAmongWordsStandsForTheWordsItSpells() throws {
        let match = Self.matcher.match("UN Security Council")
        #expect(match.status == .fuzzy && match.entity?.id == "o:unsc")
        let best = try #require(match.best)
        #expect(best.score == Double(Self.matcher.scorer.expandedAcronymFactor), "every word agrees; a reading is never exact")
        #expect(best.queryTokens == ["united", "nations", "security", "council"])
        #expect(best.alignment.expandedAcronym?.acronym == "un")
        #expect(Self.matcher.explain(best).lines.contains("un read as the initials of united nations (scored ×0.97)"))
        #expect(Self.matcher.match("US Virgin Islands").entity?.id == "c:usvi")
        // Lower case is a word, not initials.
        #expect(Self.matcher.match("Un Security Council").best?.alignment.expandedAcronym == nil)
    }

    @Test func aNameTheInitialismSpellsWholeIsFoundBesideAnotherWord() throws {
        // PLA and China share no letters with People's Liberation Army: the acronyms find it.
        let match = Self.matcher.match("PLA China")
        #expect(match.entity?.id == "o:pla")
        let best = try #require(match.best)
        #expect(best.alignment.expandedAcronym != nil)
        #expect(best.alignment.extraQueryTokens == [3], "china is a word the name lacks")
        #expect(best.score < Self.matcher.match("UN Security Council").score!)
    }

    @Test func aPersonsInitialsAreNotReadAsAnotherName() {
        #expect(Self.matcher.match("UN Smith").best?.alignment.expandedAcronym == nil)
    }

    @Test func capitalsInAnOrganisationsNameAreAWordNotInitials() {
        // Spelt out, B would pair with Bird and S, F would only be extra letters.
        #expect(Self.matcher.match("The BSF Foundation").entity == nil)
    }
}
