@testable import Canonym
import Testing

/// Words romanised from Arabic or Persian script are compared with the abjad's costs.
@Suite struct AbjadReadingTests {
    @Test func tellsWordsRomanisedFromAnAbjad() {
        for word in ["kylbwrn", "byryz", "krasnwznamnsk", "sbrynghbwrw", "mskw"] {
            #expect(NameScorer.looksRomanisedFromAbjad(Array(word.utf8)), "\(word)")
        }
        // Vowels written, a fifth of the letters or more, or no w or y among few vowels.
        for word in ["kilburn", "zelenskyy", "schmidt", "tashkent", "byr", "awblast"] {
            #expect(!NameScorer.looksRomanisedFromAbjad(Array(word.utf8)), "\(word)")
        }
    }

    @Test func theAbjadCostsAreNeverDearer() {
        let standard = CostModel.standard, abjad = standard.readingAbjad()
        for a in standard.substitution.indices { #expect(abjad.substitution[a] <= standard.substitution[a]) }
        for a in standard.indel.indices { #expect(abjad.indel[a] <= standard.indel[a]) }
        #expect(abjad.substitutionCost(UInt8(ascii: "b"), UInt8(ascii: "p")) < standard.substitutionCost(UInt8(ascii: "b"), UInt8(ascii: "p")))
        #expect(abjad.indelCost(UInt8(ascii: "e")) < standard.indelCost(UInt8(ascii: "e")))
        #expect(abjad.ruleFingerprint == standard.ruleFingerprint, "the stored tries serve both")
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
}
