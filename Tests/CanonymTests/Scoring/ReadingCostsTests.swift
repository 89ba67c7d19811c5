@testable import Canonym
import Testing

/// Words romanised from Arabic or Persian script are compared with the abjad's costs; words of
/// Japanese syllables, and Korean renderings, with other words with their own.
@Suite struct ReadingCostsTests {
    static let scorer = NameScorer()

    /// Expects `a` and `b` compared, either way round, with `model`'s costs, cheaper than the
    /// standard ones.
    static func expectCompared(_ a: String, _ b: String, with model: CostModel, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let a = Array(a.utf8), b = Array(b.utf8)
        #expect(scorer.similarity(a, b) == NameScorer.similarity(a, b, model: model), sourceLocation: sourceLocation)
        #expect(scorer.similarity(a, b) > NameScorer.similarity(a, b, model: .standard), sourceLocation: sourceLocation)
        #expect(scorer.similarity(b, a) == scorer.similarity(a, b), "either side", sourceLocation: sourceLocation)
    }

    /// Expects `applies` to hold for `a` and `b`, compared with `model`'s costs, and not for `c` and
    /// `d`, compared with the standard ones.
    static func expectConvention(_ applies: ([UInt8], [UInt8]) -> Bool, between a: String, _ b: String, with model: CostModel,
                                 notBetween c: String, _ d: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(applies(Array(a.utf8), Array(b.utf8)), sourceLocation: sourceLocation)
        expectCompared(a, b, with: model, sourceLocation: sourceLocation)
        #expect(!applies(Array(c.utf8), Array(d.utf8)), sourceLocation: sourceLocation)
        expectStandard(c, d, sourceLocation: sourceLocation)
    }

    /// A matcher over a gazetteer of `rows` (id, canonical, type), all options default but `threshold`.
    static func matcher(_ rows: String, threshold: Double = MatchOptions().threshold) throws -> Matcher {
        Matcher(gazetteer: try Gazetteer.load([.text(name: "g.tsv", "id\tcanonical\ttype\n" + rows)]), options: MatchOptions(threshold: threshold))
    }

    /// Expects `a` and `b` compared with the standard costs.
    static func expectStandard(_ a: String, _ b: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let a = Array(a.utf8), b = Array(b.utf8)
        #expect(scorer.similarity(a, b) == NameScorer.similarity(a, b, model: .standard), sourceLocation: sourceLocation)
    }

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
        let scorer = Self.scorer, standard = scorer.model, abjad = scorer.abjadModel, japanese = scorer.japaneseModel
        let korean = scorer.koreanModel, bound = scorer.boundingModel
        for model in [abjad, japanese, korean, standard.readingRendering(), standard.readingBelarusian()] {
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
        Self.expectCompared("byryz", "perez", with: Self.scorer.abjadModel)
        // Two words as people write them keep the standard costs.
        Self.expectStandard("peres", "perec")
    }

    /// Persian ه writes a final *e* or *a* as *h* (*krykalh* for *Kırıkkale*, *zfwlh* for *Zwolle*).
    @Test func anAbjadHWritesAFinalVowel() {
        let abjad = Self.scorer.abjadModel
        for (word, name) in [("krykalh", "krykale"), ("qwnstnzh", "qwnstnza")] {
            let edits = WeightedEditDistance.alignment(Array(word.utf8), Array(name.utf8), model: abjad).edits
            #expect(edits.map(\.description) == ["h→\(name.last!) 0.2 (h/\(name.last!) (Persian ه))"], "\(word) ~ \(name): \(edits)")
        }
        Self.expectCompared("krykalh", "kirikkale", with: abjad)
    }

    /// *Fernando Pérez* written in Arabic script: *b* for *p*, *y* for *e*.
    @Test func anArabicScriptNameMeetsItsLatinForm() throws {
        let matcher = try Self.matcher("p:1\tFernando Pérez\tperson\np:2\tFernando Torres\tperson\n")
        let match = matcher.match("فرناندو بيريز")
        #expect(match.entity?.id == "p:1" && match.status == .fuzzy)
        let lines = matcher.explain(try #require(match.best)).lines
        #expect(lines.contains { $0.contains("b→p") && $0.contains("b/p (Arabic ب)") })
    }

    /// A word of Japanese syllables meets one that is not with *l* for *r* and *v* for *b* cheap;
    /// two words of Japanese syllables, or of neither, keep the standard costs.
    @Test func aWordOfJapaneseSyllablesTakesJapaneseCostsBesideAnotherWord() {
        Self.expectConvention(NameScorer.oneIsJapaneseSyllables, between: "zerenodorisuku", "zelenodolsk", with: Self.scorer.japaneseModel,
                              notBetween: "kawasaki", "kawarabi")
        #expect(NameScorer.oneIsJapaneseSyllables(Array("toronto".utf8), Array("tolonto".utf8)), "a name that reads as syllables beside one that cannot")
        // Short words are left alone: too many are syllables by chance.
        #expect(!NameScorer.oneIsJapaneseSyllables(Array("kobe".utf8), Array("kole".utf8)))
    }

    @Test func theExplanationShowsTheJapaneseCosts() throws {
        let matcher = try Self.matcher("c:1\tZelenodolsk\tplace\n", threshold: 0)
        let match = matcher.match("zerenodorisuku")
        let lines = matcher.explain(try #require(match.best)).lines
        #expect(lines.contains { $0.contains("r→l") && $0.contains("l/r (Japanese)") })
    }

    /// A word in Korean's romanisation of a foreign name meets *l* for *r*, *v* for *b*, *f* for
    /// *p* and *z* for *j* cheaply beside a word that is not; two such words keep the standard costs.
    @Test func aKoreanRenderingTakesKoreanCostsBesideAnotherWord() {
        Self.expectConvention(NameScorer.oneLooksKorean, between: "olenbuleukeu", "orenburg", with: Self.scorer.koreanModel,
                              notBetween: "olenbuleukeu", "olenbuleuke")
    }

    /// A name written in Belarusian Cyrillic meets its Russian spelling with *a* for *o* and ў for
    /// *v* cheap; the same letters in Russian Cyrillic keep the standard costs.
    @Test func aBelarusianNameTakesBelarusianCosts() throws {
        let matcher = try Self.matcher("c:1\tLermontov\tplace\n")
        let belarusian = try #require(matcher.match("Лермантаў").candidates.first)
        #expect(belarusian.alignment.readInBelarusian && belarusian.score >= matcher.options.threshold)
        let standard = matcher.scorer.align(query: belarusian.queryTokens.map { Array($0.utf8) },
                                            name: belarusian.nameTokens.map { Array($0.utf8) }, type: .place)
        #expect(standard.score < matcher.options.threshold, "the standard costs leave it under the threshold")
        let lines = matcher.explain(belarusian).lines
        #expect(lines.contains("read as Belarusian spells names: a for an unstressed o, ў for v"))
        #expect(lines.contains { $0.contains("a→o 0.2 (a/o (Belarusian))") }, "\(lines)")
        // Russian Cyrillic with the same vowel: no Belarusian reading, the standard cost.
        let russian = try #require(matcher.match("Лермантов").candidates.first)
        #expect(!russian.alignment.readInBelarusian)
        #expect(matcher.explain(russian).lines.contains { $0.contains("a→o 0.5 (vowel for vowel)") })
    }
}

