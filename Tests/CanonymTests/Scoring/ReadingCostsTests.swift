@testable import Canonym
import Testing

/// Words romanised from Arabic or Persian script are compared with the abjad's costs, words of
/// Japanese syllables with other words with Japanese costs.
@Suite struct ReadingCostsTests {
    @Test func tellsWordsRomanisedFromAnAbjad() {
        for word in ["kylbwrn", "byryz", "krasnwznamnsk", "sbrynghbwrw", "mskw"] {
            #expect(NameScorer.looksRomanisedFromAbjad(Array(word.utf8)), "\(word)")
        }
        // Vowels written, a fifth of the letters or more, or no w or y among few vowels.
        for word in ["kilburn", "zelenskyy", "schmidt", "tashkent", "byr", "awblast"] {
            #expect(!NameScorer.looksRomanisedFromAbjad(Array(word.utf8)), "\(word)")
        }
    }

    @Test func theReadingsCostsAreNeverDearerAndTheBoundIsTheCheapest() {
        let scorer = NameScorer(), standard = scorer.model, abjad = scorer.abjadModel, japanese = scorer.japaneseModel
        let korean = scorer.koreanModel, bound = scorer.boundingModel
        for model in [abjad, japanese, korean] {
            for a in standard.substitution.indices { #expect(model.substitution[a] <= standard.substitution[a]) }
            for a in standard.indel.indices { #expect(model.indel[a] <= standard.indel[a]) }
            #expect(model.ruleFingerprint == standard.ruleFingerprint, "the stored tries serve every model")
        }
        for a in standard.substitution.indices { #expect(bound.substitution[a] == min(abjad.substitution[a], japanese.substitution[a], korean.substitution[a])) }
        for a in standard.indel.indices { #expect(bound.indel[a] == min(abjad.indel[a], japanese.indel[a], korean.indel[a])) }
        #expect(abjad.substitutionCost(UInt8(ascii: "b"), UInt8(ascii: "p")) < standard.substitutionCost(UInt8(ascii: "b"), UInt8(ascii: "p")))
        #expect(abjad.indelCost(UInt8(ascii: "e")) < standard.indelCost(UInt8(ascii: "e")))
    }

    @Test func aPairWithAnAbjadWordTakesTheAbjadCosts() {
        let scorer = NameScorer()
        let byryz = Array("byryz".utf8), perez = Array("perez".utf8), peres = Array("peres".utf8), perec = Array("perec".utf8)
        #expect(scorer.similarity(byryz, perez) == NameScorer.similarity(byryz, perez, model: scorer.abjadModel))
        #expect(scorer.similarity(byryz, perez) > NameScorer.similarity(byryz, perez, model: .standard))
        #expect(scorer.similarity(perez, byryz) == scorer.similarity(byryz, perez), "either side")
        // Two words as people write them keep the standard costs.
        #expect(scorer.similarity(peres, perec) == NameScorer.similarity(peres, perec, model: .standard))
    }

    /// *Fernando Pérez* written in Arabic script: *b* for *p*, *y* for *e*.
    @Test func anArabicScriptNameMeetsItsLatinForm() throws {
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", "id\tcanonical\ttype\np:1\tFernando Pérez\tperson\np:2\tFernando Torres\tperson\n")])
        let matcher = Matcher(gazetteer: gazetteer)
        let match = matcher.match("فرناندو بيريز")
        #expect(match.entity?.id == "p:1" && match.status == .fuzzy)
        let lines = matcher.explain(try #require(match.best)).lines
        #expect(lines.contains { $0.contains("b→p") && $0.contains("b/p (Arabic ب)") })
    }

    /// A word of Japanese syllables meets one that is not with *l* for *r* and *v* for *b* cheap;
    /// two words of Japanese syllables, or of neither, keep the standard costs.
    @Test func aWordOfJapaneseSyllablesTakesJapaneseCostsBesideAnotherWord() {
        let scorer = NameScorer()
        let rendered = Array("zerenodorisuku".utf8), name = Array("zelenodolsk".utf8)
        #expect(NameScorer.oneIsJapaneseSyllables(rendered, name))
        #expect(scorer.similarity(rendered, name) == NameScorer.similarity(rendered, name, model: scorer.japaneseModel))
        #expect(scorer.similarity(rendered, name) > NameScorer.similarity(rendered, name, model: .standard))
        #expect(scorer.similarity(name, rendered) == scorer.similarity(rendered, name), "either side")
        let kawasaki = Array("kawasaki".utf8), kawarabi = Array("kawarabi".utf8), toronto = Array("toronto".utf8), tolonto = Array("tolonto".utf8)
        #expect(!NameScorer.oneIsJapaneseSyllables(kawasaki, kawarabi))
        #expect(scorer.similarity(kawasaki, kawarabi) == NameScorer.similarity(kawasaki, kawarabi, model: .standard))
        #expect(NameScorer.oneIsJapaneseSyllables(toronto, tolonto), "a name that reads as syllables beside one that cannot")
        // Short words are left alone: too many are syllables by chance.
        #expect(!NameScorer.oneIsJapaneseSyllables(Array("kobe".utf8), Array("kole".utf8)))
    }

    @Test func theExplanationShowsTheJapaneseCosts() throws {
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", "id\tcanonical\ttype\nc:1\tZelenodolsk\tplace\n")])
        let matcher = Matcher(gazetteer: gazetteer, options: MatchOptions(threshold: 0))
        let match = matcher.match("zerenodorisuku")
        let lines = matcher.explain(try #require(match.best)).lines
        #expect(lines.contains { $0.contains("r→l") && $0.contains("l/r (Japanese)") })
    }

    /// A word in Korean's romanisation of a foreign name meets *l* for *r*, *v* for *b*, *f* for
    /// *p* and *z* for *j* cheaply beside a word that is not; two such words keep the standard costs.
    @Test func aKoreanRenderingTakesKoreanCostsBesideAnotherWord() {
        let scorer = NameScorer()
        let rendered = Array("olenbuleukeu".utf8), name = Array("orenburg".utf8)
        #expect(NameScorer.oneLooksKorean(rendered, name))
        #expect(scorer.similarity(rendered, name) == NameScorer.similarity(rendered, name, model: scorer.koreanModel))
        #expect(scorer.similarity(rendered, name) > NameScorer.similarity(rendered, name, model: .standard))
        let other = Array("olenbuleuke".utf8)
        #expect(!NameScorer.oneLooksKorean(rendered, other))
        #expect(scorer.similarity(rendered, other) == NameScorer.similarity(rendered, other, model: .standard))
    }
}
