@testable import Canonym
import Testing

/// Lithuanian and Latvian name endings are read away, and only from names that read as those languages.
@Suite struct BalticEndingsTests {
    private func dropped(_ display: String) -> [String]? {
        BalticEndings.dropped(NameFolder.shared.fold(display).tokens, display: display)
    }

    @Test func endingsAreDroppedFromNamesThatReadAsLithuanianOrLatvian() {
        #expect(dropped("Vladimiras Putinas") == ["vladimir", "putin"])
        #expect(dropped("Sergejus Lavrovas") == ["sergej", "lavrov"])
        #expect(dropped("Vladimirs Putins") == ["vladimir", "putin"], "Latvian")
        #expect(dropped("Sidnėjus") == ["sidnej"], "one word, told by ė")
        #expect(dropped("Nesvyžius") == ["nesvyz"], "one word ending in s, with ž")
        #expect(dropped("Belogorskas") == ["belogorsk"] && dropped("Épinalis") == ["epinal"], "one long word ending in a vowel and s")
    }

    @Test func otherNamesAreLeftAlone() {
        #expect(dropped("Paris") == nil && dropped("Texas") == nil && dropped("Rimus") == nil, "one short word ending in s tells nothing")
        #expect(dropped("Brussels") == nil && dropped("Ardennes") == nil, "one long word ending in a consonant and s")
        #expect(dropped("Plzeň") == nil && dropped("Šibenik") == nil, "a caron without a final s")
        #expect(dropped("Vladimir Putin") == nil)
        #expect(dropped("Kėdainiai") == nil, "no ending to drop")
        #expect(dropped("Ras Tanura") == nil, "not every word ends in s")
    }

    @Test func aNameReadWithoutItsEndingsIsFoundAndScoredDown() throws {
        let matcher = Matcher(gazetteer: try Gazetteer(entities: [Entity(id: "p:1", canonical: "Vladimir Putin", type: .person)]))
        let match = matcher.match("Vladimiras Putinas")
        let best = try #require(match.best)
        #expect(match.status == .fuzzy && best.alignment.readWithoutBalticEndings)
        #expect(best.score == Double(Float(1) * matcher.scorer.balticEndingsFactor))
        #expect(matcher.explain(best).lines.contains("read without its Lithuanian or Latvian name endings (scored ×0.97)"))
    }
}
