import Canonym
import Testing

/// A small world of entities, with canonical English spellings only (plus one native spelling),
/// so that every variant below must be found by scoring, not by lookup.
private let worldTSV = """
    # test gazetteer: canonical forms, no variant spellings
    id\tcanonical\ttype\taliases\tcountry\tweight
    person:tokayev\tKassym-Jomart Tokayev\tperson\t\tKZ\t10
    person:tleuberdi\tMukhtar Tleuberdi\tperson\tМұхтар Тілеуберді\tKZ\t5
    person:blinken\tAntony Blinken\tperson\t\tUS\t8
    person:putin\tVladimir Putin\tperson\t\tRU\t10
    person:lukashenko\tAlexander Lukashenko\tperson\t\tBY\t6
    person:lavrov\tSergey Lavrov\tperson\t\tRU\t7
    person:zelenskyy\tVolodymyr Zelenskyy\tperson\t\tUA\t9
    place:tashkent\tTashkent\tplace\t\tUZ\t2500000
    place:kyrgyzstan\tKyrgyzstan\tplace\t\tKG\t7000000
    place:kazakhstan\tKazakhstan\tplace\t\tKZ\t19000000
    place:moscow\tMoscow\tplace\tMoskva\tRU\t13000000
    place:astana\tAstana\tplace\tNur-Sultan\tKZ\t1300000

    """

private func makeMatcher(_ tsv: String = worldTSV, options: MatchOptions = MatchOptions()) throws(GazetteerError) -> Matcher {
    Matcher(gazetteer: try Gazetteer.load([.text(name: "world.tsv", tsv)]), options: options)
}

private let world = Result { () throws(GazetteerError) in try makeMatcher() }

@Suite struct MatcherTests {
    // MARK: Statuses

    @Test(arguments: [
        ("Tashkent", "place:tashkent"),            // the canonical form as written
        ("TASHKENT", "place:tashkent"),            // folds to the canonical form
        ("Kassym-Jomart Tokayev", "person:tokayev"), // a multi-word canonical form
        ("Kassym Jomart Tokayev", "person:tokayev"), // hyphen or space: the same words
    ])
    func canonicalFormIsExact(input: String, id: String) throws {
        let match = try world.get().match(input)
        #expect(match.status == .exact)
        #expect(match.entity?.id == id)
        #expect(match.score == 1)
        #expect(match.best?.matchedNameIsCanonical == true)
    }

    @Test(arguments: [
        ("Moskva", "place:moscow"),              // an alias as written
        ("nur sultan", "place:astana"),          // an alias after folding
        ("Мұхтар Тілеуберді", "person:tleuberdi"), // the native spelling
    ])
    func listedAliasIsAlias(input: String, id: String) throws {
        let match = try world.get().match(input)
        #expect(match.status == .alias)
        #expect(match.entity?.id == id)
        #expect(match.score == 1)
        #expect(match.best?.matchedNameIsCanonical == false)
    }

    @Test(arguments: [
        ("Togayev", "person:tokayev"),            // voicing k/g
        ("Tokaïev", "person:tokayev"),            // French diaeresis for y
        ("Токаев", "person:tokayev"),             // the Russian spelling
        ("Tleuberdi", "person:tleuberdi"),        // surname alone
        ("Tileuberdi", "person:tleuberdi"),       // vowel inserted (Kazakh і)
        ("Diluberdi", "person:tleuberdi"),        // voicing and vowels, through the native spelling
        ("Blingen", "person:blinken"),            // voicing k/g, surname alone
        ("Anthony Blinken", "person:blinken"),    // English th for t
        ("Poutine", "person:putin"),              // French ou and mute e
        ("Loukachenko", "person:lukashenko"),     // French ou and ch
        ("Tachkent", "place:tashkent"),           // French ch for sh
        ("Kirghizistan", "place:kyrgyzstan"),     // French spelling of Kyrgyzstan
        ("Zelensky", "person:zelenskyy"),         // one y fewer
        ("V. Putin", "person:putin"),             // initial for the given name
        ("Président Tokaïev", "person:tokayev"),  // a title before the surname
    ])
    func variantSpellingIsFuzzyMatchToItsEntity(input: String, id: String) throws {
        let match = try world.get().match(input)
        #expect(match.status == .fuzzy, "\(input): \(match.status) \(match.score ?? -1)")
        #expect(match.entity?.id == id, "\(input) → \(match.entity?.id ?? "nothing")")
        let score = try #require(match.score)
        #expect(score >= MatchOptions().threshold && score < 1)
    }

    @Test(arguments: [
        "Tokarev",     // one letter from Tokayev, but an r for a y is a different name
        "Kazantsev",   // a Russian surname that shares letters with Kazakhstan
        "Jean Dupont", // nobody
        "Leonid Putin", // the right surname with the wrong given name
        "Vladimir",    // a given name alone
    ])
    func unknownNameIsNotForcedOntoANeighbour(input: String) throws {
        let match = try world.get().match(input)
        #expect(match.status == .unknown, "\(input) → \(match.entity?.id ?? "nothing") \(match.score ?? -1)")
        #expect(match.best == nil && match.entity == nil && match.score == nil)
    }

    @Test func unknownMatchStillShowsWhatWasNear() throws {
        let match = try world.get().match("Tokarev")
        #expect(match.status == .unknown)
        #expect(match.candidates.first?.entity.id == "person:tokayev")
        #expect((match.candidates.first?.score ?? 1) < MatchOptions().threshold)
    }

    @Test(arguments: ["", "   ", "...", "—"])
    func nameWithoutWordsIsUnknown(input: String) throws {
        let match = try world.get().match(input)
        #expect(match.status == .unknown)
        #expect(match.candidates.isEmpty)
        #expect(match.input == input)
    }

    @Test func nameSharedAsCanonicalAndAliasIsAmbiguousAndItsOwnerIsNamed() throws {
        let matcher = try makeMatcher("""
            id\tcanonical\ttype\taliases\tweight
            country:ge\tGeorgia\tplace\tSakartvelo\t3700000
            us:ga\tGeorgia (U.S. state)\tplace\tGeorgia\t10900000

            """)
        let match = matcher.match("Georgia")
        #expect(match.status == .ambiguous)
        #expect(match.entity?.id == "country:ge", "the entity whose own name it is comes before a heavier one holding it as an alias")
        #expect(Set(match.candidates.map(\.entity.id)) == ["country:ge", "us:ga"])
        #expect(match.candidates.first?.entity.id == match.entity?.id)
        #expect(matcher.match("Sakartvelo").status == .alias)
    }

    @Test func sameCanonicalNameIsAmbiguousAndTheHeavierEntityIsNamed() throws {
        let matcher = try makeMatcher("""
            id\tcanonical\ttype\tweight
            us:portland-or\tPortland\tplace\t650000
            us:portland-me\tPortland\tplace\t68000

            """)
        for input in ["Portland", "Portlannd"] {
            let match = matcher.match(input)
            #expect(match.status == .ambiguous, "\(input)")
            #expect(match.entity?.id == "us:portland-or", "the prior (weight) names the best of a tie: \(input)")
        }
    }

    @Test func aTitledSurnameFindsThePersonAndATitleInAPlaceNameStays() throws {
        let matcher = try makeMatcher("""
            id\tcanonical\ttype
            p:erdogan\tRecep Tayyip Erdoğan\tperson
            p:erdem\tPresident Erdem\tperson
            ph:gensan\tGeneral Santos\tplace

            """)
        let titled = matcher.match("President Erdoğan")
        #expect(titled.entity?.id == "p:erdogan", "\(titled.status) \(String(describing: titled.entity?.id))")
        #expect(titled.status == .fuzzy)
        #expect(matcher.match("General Santos").status == .exact)
        #expect(matcher.match("Generał Santos").entity?.id == "ph:gensan")
    }

    @Test func misspeltNameGoesToTheEntityWhoseOwnNameItIs() throws {
        // Chattogram was once called Islamabad; a misspelt Islamabad means the capital, although
        // the heavier entity scores the same through its alias.
        let matcher = try makeMatcher("""
            id\tcanonical\ttype\taliases\tweight
            bd:chattogram\tChattogram\tplace\tIslamabad\t2500000
            pk:islamabad\tIslamabad\tplace\t\t1000000

            """)
        let match = matcher.match("Iselamabad")
        #expect(match.entity?.id == "pk:islamabad")
        #expect(match.candidates.first?.matchedNameIsCanonical == true)
        #expect(match.candidates.dropFirst().first?.entity.id == "bd:chattogram")
    }

    @Test func surnameSharedByTwoPeopleIsAmbiguous() throws {
        let matcher = try makeMatcher("""
            id\tcanonical\ttype
            p:1\tSergei Ivanov\tperson
            p:2\tIgor Ivanov\tperson
            p:3\tVladimir Putin\tperson

            """)
        let match = matcher.match("Ivanov")
        #expect(match.status == .ambiguous)
        #expect(Set(match.candidates.prefix(2).map(\.entity.id)) == ["p:1", "p:2"])
        #expect(matcher.match("Sergei Ivanov").status == .exact)
        #expect(matcher.match("S. Ivanov").entity?.id == "p:1")
    }

    // MARK: Scores and candidates

    @Test func scoresStayWithinZeroAndOne() throws {
        let matcher = try world.get()
        for input in ["Tashkent", "Moskva", "Togayev", "Tokarev", "Ivanov", "Georgia", "x", "Vladimir Vladimirovich Putin"] {
            let match = matcher.match(input)
            if let score = match.score { #expect((0...1).contains(score), "\(input): \(score)") }
            for candidate in match.candidates { #expect((0...1).contains(candidate.score), "\(input): \(candidate.score)") }
            #expect((match.status == .unknown) == (match.score == nil))
        }
    }

    @Test func candidatesAreOnePerEntityBestFirst() throws {
        var options = MatchOptions()
        options.candidateCount = 5
        let matcher = try makeMatcher(options: options)
        for input in ["Putin", "Kazakstan", "Tokarev", "Lavrov", "Astana"] {
            let candidates = matcher.match(input).candidates
            #expect(!candidates.isEmpty)
            #expect(candidates.count <= 5)
            #expect(Set(candidates.map(\.entity.id)).count == candidates.count, "\(input): one candidate per entity")
            #expect(zip(candidates, candidates.dropFirst()).allSatisfy { $0.score >= $1.score }, "\(input): best first")
        }
    }

    @Test func candidateCountLimitsTheCandidates() throws {
        var options = MatchOptions()
        options.candidateCount = 1
        #expect(try makeMatcher(options: options).match("Kazakstan").candidates.count == 1)
    }

    @Test func matchKeepsTheInputAsGiven() throws {
        let match = try world.get().match("  Poutine ")
        #expect(match.input == "  Poutine ")
        #expect(match.entity?.canonical == "Vladimir Putin")
    }

    // MARK: Options

    @Test func thresholdChangesTheDecision() throws {
        var strict = MatchOptions()
        strict.threshold = 0.99
        var lenient = MatchOptions()
        lenient.threshold = 0.7
        #expect(try world.get().match("Togayev").status == .fuzzy)
        #expect(try makeMatcher(options: strict).match("Togayev").status == .unknown)
        // Exact and alias matches do not depend on the threshold.
        #expect(try makeMatcher(options: strict).match("Moskva").status == .alias)
        let loose = try makeMatcher(options: lenient).match("Tokarev")
        #expect(loose.status == .fuzzy)
        #expect(loose.entity?.id == "person:tokayev")
    }

    /// Scores are reckoned in Float: *Tambof* scores 0.95 against *Tambov* as 0.94999998. At a
    /// threshold of 0.95 it is accepted, in the matcher, in evaluation and in running text.
    @Test func aScoreEqualToTheThresholdReachesIt() throws {
        let matcher = try makeMatcher("id\tcanonical\ttype\nplace:tambov\tTambov\tplace\n")
        let score = try #require(matcher.with(options: MatchOptions(threshold: 0)).match("Tambof").score)
        let printed = (score * 10_000).rounded() / 10_000
        try #require(score < printed, "the score \(score) is no longer under its printed \(printed): pick another pair")
        let atPrinted = matcher.with(options: MatchOptions(threshold: printed, wantedLead: 0))
        #expect(atPrinted.match("Tambof").status == .fuzzy)
        #expect(matcher.with(options: MatchOptions(threshold: printed + 1e-4, wantedLead: 0)).match("Tambof").status == .unknown)
        let (labelled, _) = LabelledQueryReader.read(Array("query\texpected_id\nTambof\tplace:tambov\n".utf8), file: "q.tsv")
        #expect(Evaluation(matcher: atPrinted, queries: labelled, jobs: 1).metrics(threshold: printed).correct == 1)
        let text = MentionFinder(matcher: matcher, fuzzyThreshold: printed).mentions(in: "Le maire de Tambof a parlé.")
        #expect(text.first { $0.text == "Tambof" }?.match.entity?.id == "place:tambov")
    }

    /// A rival 0.02 behind in Float (0.97000003 and 0.94999999, 0.02000004 apart) is within the
    /// 0.02 margin; one 0.0201 behind is not.
    @Test func aRivalTheMarginBehindIsClose() {
        let options = MatchOptions()
        #expect(Double(Float(0.97)) - Double(Float(0.95)) > options.ambiguityMargin, "the pair no longer shows the rounding")
        #expect(options.isClose(Double(Float(0.95)), to: Double(Float(0.97))))
        #expect(!options.isClose(0.9499, to: 0.97))
    }

    @Test func thresholdByTypeOverridesTheThreshold() throws {
        var options = MatchOptions()
        options.thresholdByType = [.person: 0.99]
        let matcher = try makeMatcher(options: options)
        #expect(matcher.match("Togayev").status == .unknown)
        #expect(matcher.match("Tachkent").status == .fuzzy, "places keep the general threshold")
    }

    @Test func widerMarginMakesCloseCallsAmbiguous() throws {
        var options = MatchOptions()
        options.ambiguityMargin = 1
        options.threshold = 0.5
        let match = try makeMatcher(options: options).match("Kazakstan")
        #expect(match.status == .ambiguous)
    }

    /// *Dulle* is one letter from *Tulle* and from *Dhule*: a score above the threshold is not
    /// enough when the runner-up is that close.
    static let twoNearPlaces = "id\tcanonical\ttype\nplace:tulle\tTulle\tplace\nplace:dhule\tDhule\tplace\n"

    @Test func aCloseRunnerUpRaisesTheScoreNeeded() throws {
        let matcher = try makeMatcher(Self.twoNearPlaces)
        let match = matcher.match("Dulle")
        let top = try #require(match.candidates.first), lead = try #require(match.lead)
        try #require(top.score >= matcher.options.threshold && lead < matcher.options.wantedLead, "score \(top.score), lead \(lead)")
        #expect(match.status == .unknown, "needs \(matcher.options.requiredScore(for: .place, lead: lead))")
        #expect(abs(lead - (top.score - match.candidates[1].score)) < 1e-12, "the lead is over the next entity")

        var withoutLead = matcher.options
        withoutLead.wantedLead = 0
        #expect(matcher.with(options: withoutLead).match("Dulle").entity != nil, "the plain threshold alone accepts it")
        let clear = matcher.match("Tule")
        #expect(clear.status == .fuzzy && clear.entity?.id == "place:tulle", "a clear lead needs only the threshold")
    }

    @Test func theLeadIsMeasuredEvenWhenOneCandidateIsShown() throws {
        var one = MatchOptions()
        one.candidateCount = 1
        let shown = try makeMatcher(Self.twoNearPlaces, options: one).match("Dulle")
        let full = try makeMatcher(Self.twoNearPlaces).match("Dulle")
        #expect(shown.candidates.count == 1)
        #expect(shown.lead == full.lead && shown.status == full.status)
    }

    // MARK: Explanations

    @Test func explanationOfTogayevNamesTheVoicingEdit() throws {
        let matcher = try world.get()
        let match = matcher.match("Togayev")
        let best = try #require(match.best)
        let explanation = matcher.explain(best)
        #expect(explanation.queryWords == ["togayev"])
        #expect(explanation.nameWords == ["kassym", "jomart", "tokayev"])
        #expect(explanation.omittedWords == ["kassym", "jomart"])
        let comparison = try #require(explanation.comparisons.first { $0.nameWord == "tokayev" })
        #expect(comparison.queryWord == "togayev")
        #expect(comparison.edits.map(\.reason) == ["voicing k/g"])
        #expect(comparison.edits.map { [$0.from, $0.to] } == [["g", "k"]])
        #expect(explanation.score == best.score)
        #expect(explanation.lines.contains { $0.contains("g→k") && $0.contains("voicing k/g") })
        #expect(explanation.lines.contains { $0.contains("left out of the query: kassym jomart") })
    }

    @Test func explanationOfAJoinedComparisonSaysSo() throws {
        let matcher = try makeMatcher("id\tcanonical\ttype\nplace:sala\tSala Consilina\tplace\n")
        let best = try #require(matcher.match("Salaconsilina").best)
        let explanation = matcher.explain(best)
        #expect(explanation.comparedJoined)
        #expect(explanation.lines.contains { $0.contains("run together") })
    }

    @Test func explanationOfReorderedWordsSaysSo() throws {
        let matcher = try world.get()
        let best = try #require(matcher.match("Putin Vladimir").best)
        #expect(best.entity.id == "person:putin")
        #expect(matcher.explain(best).reordered)
        #expect(matcher.explain(best).lines.contains("words in another order"))
    }

    @Test func explanationOfASwappedLineageSaysSo() throws {
        let matcher = try makeMatcher("id\tcanonical\ttype\np:mbs\tMohammed bin Salman\tperson\n")
        let match = matcher.match("Salman bin Mohammed")
        #expect(match.status == .unknown)
        let best = try #require(match.candidates.first)
        #expect(matcher.explain(best).lines.contains("names either side of bin/ben swapped: father for son (scored ×0.8)"))
        #expect(!matcher.explain(best).lines.contains("words in another order"))
    }

    @Test func explanationOfAnotherFathersNameSaysSo() throws {
        let matcher = try makeMatcher("id\tcanonical\ttype\np:r\tRustam Magomedovich Aselderov\tperson\n")
        let best = try #require(matcher.match("Rustam Ibrahimovich Aselderov").candidates.first)
        #expect(matcher.explain(best).lines.contains("held to the father's name's similarity + 0.1: another father is another person"))
    }

    @Test func explanationOfAWordWrittenTwiceSaysSo() throws {
        let matcher = try makeMatcher("id\tcanonical\ttype\np:s\tSergey Shoigu\tperson\n")
        let best = try #require(matcher.match("Sergey Sergey Shoigu").best)
        let lines = matcher.explain(best).lines
        #expect(lines.contains("word written twice (weighs little): sergey"))
        #expect(!lines.contains { $0.hasPrefix("not in the name") })
    }

    @Test func explanationNamesTheTitleAndTheOrganisationRule() throws {
        let matcher = try makeMatcher("""
            id\tcanonical\ttype
            p:erdogan\tRecep Tayyip Erdoğan\tperson
            o:cigna\tThe Cigna Group\torganization

            """)
        let titled = try #require(matcher.match("President Erdoğan").best)
        #expect(matcher.explain(titled).lines.contains("title not in the name (weighs little): president"))
        let company = try #require(matcher.match("The Sigma Group").candidates.first)
        let lines = matcher.explain(company).lines
        #expect(lines.contains { $0.hasPrefix("held to the least similar word's similarity + 0.1") }, "\(lines)")
        #expect(!lines.contains { $0.contains("surname") })
    }

    @Test func explanationNamesAPlacesKind() throws {
        let matcher = try makeMatcher()
        let best = try #require(matcher.match("Tashkent District").best)
        #expect(best.entity.id == "place:tashkent")
        #expect(matcher.explain(best).lines.contains("kind of place not in the name (weighs little): district"))
    }

    @Test func aConflictingGivenNameIsExplainedAndRefused() throws {
        let matcher = try makeMatcher("""
            id\tcanonical\ttype
            p:nazarbayev\tNursultan Nazarbayev\tperson

            """)
        let match = matcher.match("A. Nazarbayev")
        #expect(match.status == .unknown)
        let candidate = try #require(match.candidates.first)
        #expect(matcher.explain(candidate).lines.contains("a ≠ nursultan: different given names, weighed as a mismatched pair"))
        #expect(matcher.match("N. Nazarbayev").entity?.id == "p:nazarbayev", "the right initial still matches")
    }

    // MARK: Known limitations

    @Test func diluberdiMatchesTheEnglishSpellingAlone() throws {
        // Without the native spelling (Тілеуберді → tileuberdi), Diluberdi scores 0.85 against
        // "Mukhtar Tleuberdi": d/t at the first letter, an i dropped and an e inserted.
        let matcher = try makeMatcher("id\tcanonical\ttype\nperson:tleuberdi\tMukhtar Tleuberdi\tperson\n")
        let match = matcher.match("Diluberdi")
        withKnownIssue("Diluberdi falls just under the default threshold without the Kazakh spelling in the gazetteer") {
            #expect(match.entity?.id == "person:tleuberdi", "score \(match.candidates.first?.score ?? -1)")
        }
    }

    // MARK: Concurrency

    @Test func matcherIsUsableConcurrently() async throws {
        let matcher = try makeMatcher()
        let inputs = ["Togayev", "Tokaïev", "Токаев", "Tleuberdi", "Diluberdi", "Blingen", "Poutine", "Loukachenko",
                      "Tachkent", "Kirghizistan", "Tokarev", "Jean Dupont", "Moskva", "Tashkent", "Қасым-Жомарт Тоқаев"]
        let serial = inputs.map { input in
            let match = matcher.match(input)
            return "\(input) \(match.status) \(match.entity?.id ?? "-") \(match.score ?? -1)"
        }
        let concurrent = await withTaskGroup(of: [String].self) { group in
            for task in 0..<8 {
                group.addTask {
                    inputs.indices.map { index in
                        let input = inputs[(index + task) % inputs.count]
                        let match = matcher.match(input)
                        return "\(input) \(match.status) \(match.entity?.id ?? "-") \(match.score ?? -1)"
                    }
                }
            }
            var all: [[String]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(concurrent.count == 8)
        for results in concurrent { #expect(Set(results) == Set(serial)) }
    }
}
