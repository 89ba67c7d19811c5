@testable import Canonym
import Testing

@Suite struct SyllableTranscriptionTests {
    private func read(_ text: String) -> String? {
        SyllableTranscription.reading(of: text.split(separator: " ").map(String.init))?.joined(separator: " ")
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
    }

    @Test func onlyAQueryOfPinyinSyllablesIsRead() {
        #expect(read("san jose") == nil, "jose is no syllable")
        #expect(read("beijing") == nil, "one word")
        #expect(read("ba") == nil)
        #expect(SyllableTranscription.syllables.contains("zhuang") && !SyllableTranscription.syllables.contains("jose"))
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
        #expect(matcher.explain(best).lines.contains { $0.hasPrefix("read as a Chinese syllable-by-syllable rendering") })
        // Only places: the person's surname is not read through it.
        #expect(!match.candidates.contains { $0.entity.id == "person:sosnovoborsk" && $0.alignment.readAsTranscription })
    }
}
