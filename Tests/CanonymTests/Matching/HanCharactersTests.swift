@testable import Canonym
import Testing

/// Names written in Han characters are held to the characters they have in common.
@Suite struct HanCharactersTests {
    private func matcher() throws -> Matcher {
        Matcher(gazetteer: try Gazetteer(entities: [
            Entity(id: "p:takaichi", canonical: "高市早苗", type: .person, aliases: ["Sanae Takaichi"]),
            Entity(id: "p:xi", canonical: "Xi Jinping", type: .person, aliases: ["习近平"]),
            Entity(id: "p:obama", canonical: "Barack Obama", type: .person),
        ]))
    }

    @Test func charactersAreReadSimplifiedAndCompared() {
        #expect(HanCharacters.of("習近平") == HanCharacters.of("习近平"))
        #expect(HanCharacters.of("Xi Jinping").isEmpty && HanCharacters.of("Тулуза").isEmpty)
        #expect(HanCharacters.of("習近平 (Xi)").count == 3)
        #expect(HanCharacters.similarity(HanCharacters.of("高石早苗"), HanCharacters.of("高市早苗")) == 0.75)
        #expect(abs(HanCharacters.similarity(HanCharacters.of("习近平"), HanCharacters.of("近平")) - 2.0 / 3) < 1e-9)
        #expect(HanCharacters.similarity([], []) == 1)
    }

    @Test func aCharacterThatReadsAlikeStillNamesAnother() throws {
        let matcher = try matcher()
        // 石 and 市 both fold to *shi*: the letters agree, the characters do not.
        let homophone = matcher.match("高石早苗")
        #expect(homophone.status == .unknown)
        let best = try #require(homophone.candidates.first)
        #expect(best.entity.id == "p:takaichi" && best.score == 0.75 && best.alignment.heldToHanCharacters == 0.75)
        #expect(matcher.explain(best).lines.contains {
            $0.hasPrefix("held to the Han characters in common, 0.75")
        })
        // Held through the entity's Han name even where its Latin alias matched the letters best.
        #expect(matcher.match("习近朋").status == .unknown)
    }

    @Test func theSameCharactersAndOtherScriptsAreLeftAlone() throws {
        let matcher = try matcher()
        #expect(matcher.match("高市早苗").status == .exact)
        #expect(matcher.match("習近平").entity?.id == "p:xi", "traditional characters are the same name")
        #expect(matcher.match("Xi Jinpeng").entity?.id == "p:xi", "a query in letters is not held")
        #expect(matcher.match("贝拉克·奥巴马").best?.alignment.heldToHanCharacters == nil, "an entity without Han names is not held")
    }
}
