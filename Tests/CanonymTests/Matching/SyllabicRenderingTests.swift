@testable import Canonym
import Testing

@Suite struct SyllabicRenderingTests {
    private func read(_ text: String) -> String? {
        SyllabicRendering.chineseReading(of: text.split(separator: " ").map(String.init))?.joined(separator: " ")
    }

    @Test func syllablesAreReadBackAsTheNameTheyRender() {
        // A consonant's syllable after the first is the consonant; er is r; uo and ei close as o and e.
        #expect(read("suo si nuo wo bo er si ke") == "sosnowoborsk")
        #expect(read("mei si te lei") == "mestle")
        // Pinyin initials as English writes them.
        #expect(read("xie er tuo luo fu") == "siertolof")
        #expect(read("qi ta") == "chita")
        #expect(read("zhu ci") == "juts")
        #expect(read("bi shi ke ke") == "bishkk")
        // The first syllable keeps its vowel: it is no consonant of a cluster.
        #expect(read("si ke") == "sik")
        // Finals that render a foreign vowel or n.
        #expect(read("ao er sha") == "orsha")
        #expect(read("sai ta te") == "setat")
        #expect(read("ba ha er deng") == "baharden")
        #expect(read("ma ni la") == "manila", "other finals stay")
    }

    @Test func onlyAQueryOfPinyinSyllablesIsRead() {
        #expect(read("san jose") == nil, "jose is no syllable")
        #expect(read("beijing") == nil, "one word")
        #expect(read("ba") == nil)
        #expect(SyllabicRendering.syllables.contains("zhuang") && !SyllabicRendering.syllables.contains("jose"))
    }

    private func korean(_ word: String) -> String? { SyllabicRendering.koreanReading(of: Array(word.utf8)).map { String(decoding: $0, as: UTF8.self) } }
    private func japanese(_ word: String) -> String? { SyllabicRendering.japaneseReading(of: Array(word.utf8)).map { String(decoding: $0, as: UTF8.self) } }

    @Test func koreanFillingVowelsAreDropped() {
        #expect(korean("lakinseukeu") == "lakinsk")
        #expect(korean("seutokeuonteulenteu") == "stokontlent")
        #expect(korean("peuledeoligseubeogeu") == "pledoligsbog")
        // An eu that follows no consonant is no filling; a word without eu or eo is no reading.
        #expect(korean("seoul") == "soul")
        #expect(korean("europa") == nil)
        #expect(korean("moskva") == nil)
    }

    @Test func japaneseFillingVowelsAreDropped() {
        #expect(japanese("kurasunoyarusuku") == "krasnoyarsk")
        #expect(japanese("dimitorofugurado") == "dimitrofgrad")
        #expect(japanese("obuninsuku") == "obninsk")
        // ヴ (vu) for v, and a consonant doubled before its syllable (っ).
        #expect(japanese("pavurofusuku") == "pavrofsk")
        #expect(japanese("kattorika") == "kattrika" && japanese("uintofukku") == "uintfkk")
        #expect(SyllabicRendering.isJapaneseSyllables(Array("kattorika".utf8)) && !SyllabicRendering.isJapaneseSyllables(Array("kyyoto".utf8)))
        // Not all syllables (a consonant cluster), or nothing to drop: no reading.
        #expect(japanese("krasnoyarsk") == nil)
        #expect(japanese("manila") == nil)
    }

    @Test func readingsAreGivenOnlyWhenTheyDiffer() {
        #expect(SyllabicRendering.readings(of: ["moscow"]).isEmpty)
        #expect(SyllabicRendering.readings(of: ["lakinseukeu"]) == [["lakinsk"]])
        #expect(SyllabicRendering.readings(of: ["ye", "yi", "si", "ke"]).first == ["yeyisk"])
    }

    @Test func aPlaceIsFoundThroughTheReadingAndScoredDown() throws {
        let gazetteer = try Gazetteer(entities: [
            Entity(id: "place:sosnovoborsk", canonical: "Sosnovoborsk", type: .place),
            Entity(id: "person:sosnovoborsk", canonical: "Ivan Sosnovoborsk", type: .person),
        ])
        let matcher = Matcher(gazetteer: gazetteer)
        let match = matcher.match("suo si nuo wo bo er si ke")
        #expect(match.entity?.id == "place:sosnovoborsk" && match.status == .fuzzy)
        let best = try #require(match.best)
        #expect(best.alignment.readAsTranscription)
        #expect(best.score < 1 && best.score <= Double(matcher.scorer.transcriptionFactor))
        #expect(matcher.explain(best).lines.contains { $0.hasPrefix("read as a syllable-by-syllable rendering of the name, Chinese, Korean or Japanese") })
        // Only places: the person's surname is not read through it.
        #expect(!match.candidates.contains { $0.entity.id == "person:sosnovoborsk" && $0.alignment.readAsTranscription })
    }

    /// A rendering read back meets its name with *l* for *r* and a stop of the other voicing
    /// cheap (`CostModel.readingRendering`): *bo er ta wa* is *Poltava*, which the standard
    /// costs would leave under the threshold; the explanation gives the costs that scored it.
    @Test func aReadingMeetsItsNameWithTheRenderingCosts() throws {
        let gazetteer = try Gazetteer(entities: [Entity(id: "place:poltava", canonical: "Poltava", type: .place)])
        let matcher = Matcher(gazetteer: gazetteer)
        let match = matcher.match("bo er ta wa")
        let best = try #require(match.best)
        #expect(match.status == .fuzzy && best.alignment.readAsTranscription)
        let reading = Array("bortawa".utf8), name = Array("poltava".utf8)
        let standard = NameScorer.similarity(reading, name, model: matcher.scorer.model)
        #expect(Double(standard) * Double(matcher.scorer.transcriptionFactor) < matcher.options.threshold)
        #expect(best.score >= matcher.options.threshold)
        let lines = matcher.explain(best).lines
        #expect(lines.contains { $0.contains("r→l 0.2 (l/r (syllabic rendering))") })
        // The same letters written as a name are no rendering: the standard costs compare them.
        let written = try #require(matcher.match("Bortawa").candidates.first)
        #expect(!written.alignment.readAsTranscription && written.score == Double(standard))
    }
}
