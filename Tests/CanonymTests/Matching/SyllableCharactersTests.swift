@testable import Canonym
import Testing

/// Names written a syllable to a character (Han, Korean names in Hangul) are held to the
/// characters they have in common.
@Suite struct SyllableCharactersTests {
    private func matcher() throws -> Matcher {
        Matcher(gazetteer: try Gazetteer(entities: [
            Entity(id: "p:takaichi", canonical: "高市早苗", type: .person, aliases: ["Sanae Takaichi"]),
            Entity(id: "p:xi", canonical: "Xi Jinping", type: .person, aliases: ["习近平"]),
            Entity(id: "p:obama", canonical: "Barack Obama", type: .person),
            Entity(id: "p:kim", canonical: "Kim Jong Un", type: .person, aliases: ["김정은"]),
            Entity(id: "p:trump", canonical: "Donald Trump", type: .person, aliases: ["도널드 트럼프"]),
        ]))
    }

    @Test func charactersAreReadSimplifiedAndCompared() {
        #expect(SyllableCharacters.of("習近平") == SyllableCharacters.of("习近平"))
        #expect(SyllableCharacters.of("Xi Jinping").isEmpty && SyllableCharacters.of("Тулуза").isEmpty)
        #expect(SyllableCharacters.of("習近平 (Xi)").count == 3)
        #expect(SyllableCharacters.similarity(SyllableCharacters.of("高石早苗"), SyllableCharacters.of("高市早苗")) == 0.75)
        #expect(abs(SyllableCharacters.similarity(SyllableCharacters.of("习近平"), SyllableCharacters.of("近平")) - 2.0 / 3) < 1e-9)
        #expect(SyllableCharacters.similarity([], []) == 1)
        // Hangul: a Korean person's name of two to four syllables, nothing else.
        #expect(SyllableCharacters.of("김정은").count == 3 && SyllableCharacters.of("김 정은").count == 3)
        #expect(SyllableCharacters.of("도널드 트럼프").isEmpty && SyllableCharacters.of("김").isEmpty)
        #expect(SyllableCharacters.of("김정은 위원장").isEmpty, "a title beside it: not a name alone")
    }

    @Test func aCharacterThatReadsAlikeStillNamesAnother() throws {
        let matcher = try matcher()
        // 石 and 市 both fold to *shi*: the letters agree, the characters do not.
        let homophone = matcher.match("高石早苗")
        #expect(homophone.status == .unknown)
        let best = try #require(homophone.candidates.first)
        #expect(best.entity.id == "p:takaichi" && best.score == 0.75 && best.alignment.heldToSyllableCharacters == 0.75)
        #expect(matcher.explain(best).lines.contains {
            $0.hasPrefix("held to the characters in common, 0.75")
        })
        // Held through the entity's Han name even where its Latin alias matched the letters best.
        #expect(matcher.match("习近朋").status == .unknown)
        // 종 and 정 differ by a vowel romanised, by a syllable written: another Kim.
        let korean = matcher.match("김종은")
        #expect(korean.status == .unknown && korean.candidates.first?.alignment.heldToSyllableCharacters != nil)
    }

    @Test func theSameCharactersAndOtherScriptsAreLeftAlone() throws {
        let matcher = try matcher()
        #expect(matcher.match("高市早苗").status == .exact)
        #expect(matcher.match("習近平").entity?.id == "p:xi", "traditional characters are the same name")
        #expect(matcher.match("Xi Jinpeng").entity?.id == "p:xi", "a query in letters is not held")
        #expect(matcher.match("김정은").status == .alias)
        #expect(matcher.match("도날드 트럼프").entity?.id == "p:trump", "a foreign name in Hangul is not held")
        #expect(matcher.match("贝拉克·奥巴马").best?.alignment.heldToSyllableCharacters == nil, "an entity without Han names is not held")
    }
}
