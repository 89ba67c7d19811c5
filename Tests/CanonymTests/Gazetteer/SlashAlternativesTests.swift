@testable import Canonym
import Testing

@Suite struct SlashAlternativesTests {
    @Test func partsAreTrimmedAndDistinct() {
        #expect(SlashAlternatives.parts(of: "Biel/Bienne", type: .place) == ["Biel", "Bienne"])
        #expect(SlashAlternatives.parts(of: "Derry / Londonderry", type: .place) == ["Derry", "Londonderry"])
        #expect(SlashAlternatives.parts(of: "Zürich (Kreis 11) / Seebach", type: .place) == nil)
        #expect(SlashAlternatives.parts(of: "Yabura/Yabora/Yabra", type: .place) == ["Yabura", "Yabora", "Yabra"])
        #expect(SlashAlternatives.parts(of: "wen li/wen li", type: .place) == nil)
        #expect(SlashAlternatives.parts(of: "Al-Qa'ida/Islamic Army", type: .organization) == ["Al-Qa'ida", "Islamic Army"])
    }

    @Test func slashesThatListNothingKeepTheNameWhole() {
        #expect(SlashAlternatives.parts(of: "Mendez Norge A/S", type: .organization) == nil)
        #expect(SlashAlternatives.parts(of: "Open 24/7 Ltd", type: .organization) == nil)
        #expect(SlashAlternatives.parts(of: "Kreis 5/ Gewerbeschule", type: .place) == nil)
        #expect(SlashAlternatives.parts(of: "Hotel Ost/7 Winds", type: .place) == nil)
        #expect(SlashAlternatives.parts(of: "/ˈhɑːrtlɪpuːl/", type: .place) == nil)
        #expect(SlashAlternatives.parts(of: "Tashkent", type: .place) == nil)
        #expect(SlashAlternatives.parts(of: "John/Jon Smith", type: .person) == nil)
    }

    @Test func eachPartIsAnAliasShowingTheWholeName() throws {
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", """
            id\tcanonical\ttype\taliases
            c:biel\tBiel/Bienne\tplace\tBiel-Bienne
            p:smith\tJohn/Jon Smith\tperson\t
            o:mendez\tMendez Norge A/S\torganization\t

            """)])
        #expect(gazetteer.names.map(\.text) == ["Biel/Bienne", "Biel/Bienne", "Biel/Bienne", "Biel-Bienne", "John/Jon Smith", "Mendez Norge A/S"])
        #expect(gazetteer.names.map(\.isCanonical) == [true, false, false, false, true, true])
        #expect(gazetteer.names.map(\.form.key) == ["biel bienne", "biel", "bienne", "biel bienne", "john jon smith", "mendez norge a s"])
        // The entity itself is as read: the parts are names to match by, not aliases of the record.
        #expect(gazetteer.entity(id: "c:biel")?.aliases == ["Biel-Bienne"])

        let matcher = Matcher(gazetteer: gazetteer)
        let bienne = matcher.match("Bienne")
        #expect(bienne.status == .alias)
        #expect(bienne.entity?.id == "c:biel")
        #expect(bienne.best?.matchedName == "Biel/Bienne")
        #expect(matcher.match("Biel/Bienne").status == .exact)
        #expect(matcher.match("John").status != .alias)
    }
}
