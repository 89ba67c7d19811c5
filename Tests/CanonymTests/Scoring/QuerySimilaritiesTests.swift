@testable import Canonym
import CanonymTestSupport
import Testing

@Suite struct QuerySimilaritiesTests {
    @Test func remembersExactlyWhatTheScorerGives() {
        // Enough distinct words to make the table grow several times, each asked of every query
        // word (and the joined query) twice: the second answers come from the table.
        var random = SeededGenerator(seed: 0x51A1)
        let alphabet = Array("abdeiknorstuy")
        let scorer = NameScorer()
        let query = ["tokaiev", "kassym", "a"].map { Array($0.utf8) }
        var remembered = QuerySimilarities(scorer: scorer, query: query)
        let words = (0..<1_500).map { _ in Array(random.word(from: alphabet, length: 1...9).utf8) } + query + [[]]
        let joined = Array(query.joined())
        var wrong: [String] = []
        for round in 0..<2 {
            for word in words {
                for k in 0...query.count {
                    let expected = scorer.similarity(k < query.count ? query[k] : joined, word)
                    if remembered.similarity(k, word) != expected { wrong.append("round \(round), k \(k): \(String(decoding: word, as: UTF8.self))") }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) answers differ, e.g. \(wrong.prefix(5))")
    }

    @Test func theSameWordIsRememberedApartForEachQueryWord() {
        let scorer = NameScorer()
        var remembered = QuerySimilarities(scorer: scorer, query: [Array("astana".utf8), Array("almaty".utf8)])
        let word = Array("almaty".utf8)
        #expect(remembered.similarity(0, word) == scorer.similarity(Array("astana".utf8), word))
        #expect(remembered.similarity(1, word) == 1)
        #expect(remembered.similarity(0, word) < 1)
    }
}
