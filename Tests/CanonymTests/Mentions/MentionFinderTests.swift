import Canonym
import Foundation
import Testing

/// Fixture sentences written for these tests (names are facts; the sentences are ours).
@Suite struct MentionFinderTests {
    static let finder = MentionFinder(matcher: Matcher(gazetteer: try! DefaultGazetteers.load()))

    /// Finds the mentions of a marked text and checks their spans and their entity ids
    /// (nil for a mention that must be reported as unknown).
    func expect(_ marked: String, _ ids: [String?], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fixture = MarkedText(marked)
        let mentions = Self.finder.mentions(in: fixture.text)
        #expect(mentions.map { $0.start..<$0.end } == fixture.spans, "spans of \(mentions.map(\.text))", sourceLocation: sourceLocation)
        #expect(mentions.map { $0.match.status == .unknown ? nil : $0.match.entity?.id } == ids,
                "ids of \(mentions.map(\.text))", sourceLocation: sourceLocation)
        let scalars = Array(fixture.text.unicodeScalars)
        for mention in mentions {
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text, sourceLocation: sourceLocation)
        }
    }

    /// A finder for one thread shares the gazetteer's tables, not the caches, and finds the
    /// same mentions, with its caches cold and then warm.
    @Test func aFinderWithCachesOfItsOwnFindsTheSameMentions() {
        let text = "M. Tokaïev a reçu à Astana l’envoyé Antony Blinken. Blinken a ensuite vu Jean Dupont à Tachkent."
        let own = Self.finder.withOwnCaches()
        #expect(own.matcher === Self.finder.matcher)
        for _ in 0..<2 {
            let mine = own.mentions(in: text), theirs = Self.finder.mentions(in: text)
            #expect(mine.map(\.text) == theirs.map(\.text))
            #expect(mine.map(\.start) == theirs.map(\.start))
            #expect(mine.map(\.match.status) == theirs.map(\.match.status))
            #expect(mine.map(\.match.entity?.id) == theirs.map(\.match.entity?.id))
        }
        #expect(own.mentions(in: text).map(\.text) == ["Tokaïev", "Astana", "Antony Blinken", "Blinken", "Jean Dupont", "Tachkent"])
    }

    @Test func elisionBeforeANameIsLeftOutOfTheSpan() {
        // French elided articles and conjunctions, with both apostrophes.
        expect("Il est allé de l'⟦Ouzbékistan⟧ à l’⟦Ukraine⟧, puis d'⟦Astana⟧ à ⟦Tachkent⟧.",
               ["country:uz", "country:ua", "city:astana", "city:tashkent"])
        expect("Les propos qu'⟦Antony Blinken⟧ a tenus ont surpris.", ["person:antony-blinken"])
    }

    @Test func elisionBeforeACommonWordIsNoName() {
        expect("L'invasion de l’⟦Ukraine⟧ a commencé. D'ailleurs, rien.", ["country:ua"])
    }

    @Test func englishPossessiveIsLeftOutOfTheSpan() {
        expect("⟦Tokayev⟧'s government met ⟦Blinken⟧’s team in ⟦Moscow⟧.",
               ["person:kassym-jomart-tokayev", "person:antony-blinken", "city:moscow"])
    }

    @Test func titlesAreKeptOutOfTheSpanAndReported() {
        let marked = "M. ⟦Tokaïev⟧ a reçu Mme ⟦Colonna⟧ et le président ⟦Zelensky⟧."
        let fixture = MarkedText(marked)
        expect(marked, ["person:kassym-jomart-tokayev", "person:catherine-colonna", "person:volodymyr-zelenskyy"])
        #expect(Self.finder.mentions(in: fixture.text).map(\.title) == ["M.", "Mme", "président"])
        expect("Foreign Minister ⟦Mukhtar Tleuberdi⟧ spoke to President ⟦Biden⟧ and Dr ⟦Tedros⟧.",
               ["person:mukhtar-tleuberdi", "person:joe-biden", nil])
    }

    @Test func multiWordNamesWithParticlesAndHyphens() {
        expect("""
            La ⟦Banque européenne pour la reconstruction et le développement⟧ et le ⟦Caspian Pipeline Consortium⟧ \
            ont cité ⟦Ursula von der Leyen⟧, ⟦Kassym-Jomart Tokaïev⟧ et ⟦Bachar al-Assad⟧.
            """, ["org:ebrd", "org:cpc", "person:ursula-von-der-leyen", "person:kassym-jomart-tokayev", nil])
    }

    @Test func datelinesInCapitals() {
        expect("⟦ASTANA⟧, 28 février (⟦Reuters⟧) - Le président kazakh ⟦Kassym-Jomart Tokaïev⟧ a parlé.",
               ["city:astana", "org:reuters", "person:kassym-jomart-tokayev"])
    }

    @Test func sentenceOpeningCommonWordsAreNoMentions() {
        // Common words that equal short place names, and French openers.
        expect("Nice weather today. Mobile phones are banned. Sans doute. Nous partons. Selon lui, rien.", [])
    }

    @Test func nationalityAdjectivesAndDemonymsAreNotCountries() {
        expect("La diplomatie américaine et les autorités kazakhes. Russian officials met Ukrainian soldiers. Les Russes et les Kazakhs.", [])
    }

    @Test func aRunHoldingTwoNamesIsCutWhereTheGazetteerKnowsThem() {
        expect("Le président du ⟦Kazakhstan⟧ ⟦Kassym-Jomart Tokaïev⟧ a parlé.", ["country:kz", "person:kassym-jomart-tokayev"])
    }

    @Test func laterSurnameResolvesToTheNameSeenEarlier() {
        let mentions = Self.finder.mentions(in: "Kassym-Jomart Tokaïev a reçu Antony Blinken. Ensuite Blingen et Togayev ont signé.")
        #expect(mentions.map(\.text) == ["Kassym-Jomart Tokaïev", "Antony Blinken", "Blingen", "Togayev"])
        #expect(mentions.map { $0.match.entity?.id } == ["person:kassym-jomart-tokayev", "person:antony-blinken",
                                                       "person:antony-blinken", "person:kassym-jomart-tokayev"])
        #expect(mentions[3].match.score.map { $0 < 1 } == true, "a resolved surname keeps its own score")
    }

    @Test func equallyCloseEarlierNamesResolveTheSameWayWhateverTheDictionaryOrder() {
        // *Программа* (programma) is as close to the last word of both Programmes: the smaller id
        // wins. The places before them change the size, and so the order, of the names seen.
        let places = ["Astana", "Moscou", "Tachkent", "Almaty", "Paris", "Berlin", "Londres", "Rome", "Madrid", "Kiev",
                      "Minsk", "Bakou", "Erevan", "Tbilissi", "Pékin", "Tokyo", "Ankara", "Bichkek", "Douchanbé", "Achgabat"]
        for count in 0...places.count {
            let text = places.prefix(count).joined(separator: ", ") + ".\nLe World Food Programme et le United Nations "
                + "Development Programme ont parlé.\nSelon Программа, tout va bien.\n"
            let last = Self.finder.mentions(in: text).last
            #expect(last?.text == "Программа")
            #expect(last?.match.entity?.id == "org:undp", "after \(count) places")
        }
    }

    @Test func leavingOutCandidatesOfUnknownNamesChangesNothingElse() {
        let text = "M. Kalomir Sadan a reçu à Astana Antonio Guterras et Tokaïev. Ratko est venu. Les Kazakhs saluent Zhanbergul Tovrat et Sadan."
        let full = Self.finder.mentions(in: text)
        let lean = MentionFinder(matcher: Self.finder.matcher, reportsCandidatesOfUnknownNames: false).mentions(in: text)
        let describe = { (mentions: [Mention]) in
            mentions.map { "\($0.start) \($0.end) \($0.match.status) \($0.match.entity?.id ?? "-") \($0.match.score ?? -1) \($0.title ?? "-")" }
        }
        #expect(describe(full) == describe(lean))
        var leftOut = 0
        for (kept, lean) in zip(full, lean) {
            if kept.match.status == .unknown, kept.text.contains(" ") {
                #expect(lean.match.candidates.isEmpty, "\(lean.text)")
                if !kept.match.candidates.isEmpty { leftOut += 1 }
            } else {
                #expect(kept.match.candidates.map(\.entity.id) == lean.match.candidates.map(\.entity.id), "\(lean.text)")
            }
        }
        #expect(leftOut > 0, "no unknown name of several words had candidates to leave out")
    }

    @Test func unknownNamesAreKeptNotDropped() {
        expect("Le journaliste ⟦Jean Dupont⟧ a interrogé ⟦Olzhas Auyezov⟧ à ⟦Almaty⟧.", [nil, nil, "city:almaty"])
    }

    @Test func aLoneGivenNameCutFromAnUnknownNameIsNotLinkedFuzzily() {
        // "Michael" alone would be near "Michel" (Charles Michel); as part of an unknown name it is not linked.
        expect("Texte de ⟦Michael Perry⟧ et ⟦Mark Heinrich⟧.", [nil, nil])
    }
}
