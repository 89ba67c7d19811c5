@testable import Canonym
import CanonymTestSupport
import Testing

/// `WordTrie` answers what comparing the query with every word answers; these compare the two
/// on random words made to trigger the standard model's rules, classes and doubled letters.
@Suite struct WordTrieTests {
    static let scorer = NameScorer()
    static let alphabet = Array("aeiouyjkgtdszchxwvlrmnpbf")
    /// Sides of the standard rules, spliced into words so that every rule (*schtsch*, *dsch*,
    /// *iou* …) meets its other side.
    static let ruleSides = CostModel.standard.rules.flatMap { [$0.from, $0.to] }

    static func anyWord(near query: [UInt8], in words: [[UInt8]], atLeast similarity: Float, lengths: ClosedRange<Int>) -> Bool {
        words.contains { lengths.contains($0.count) && scorer.similarity(query, $0) >= similarity }
    }

    static func randomWord(_ random: inout SeededGenerator) -> String {
        var word = random.word(from: alphabet, length: 1...8)
        if Bool.random(using: &random) {
            let side = ruleSides.randomElement(using: &random)!
            let at = word.index(word.startIndex, offsetBy: Int.random(in: 0...word.count, using: &random))
            word.insert(contentsOf: side, at: at)
        }
        return word
    }

    /// A word one or two edits away: a letter changed, added, dropped or swapped, or one side of
    /// a rule written as the other.
    static func mutated(_ word: String, _ random: inout SeededGenerator) -> String {
        var letters = Array(word)
        for _ in 0..<Int.random(in: 1...2, using: &random) {
            let position = Int.random(in: 0..<max(1, letters.count), using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0 where !letters.isEmpty: letters[position] = alphabet.randomElement(using: &random)!
            case 1: letters.insert(alphabet.randomElement(using: &random)!, at: min(position, letters.count))
            case 2 where letters.count > 1: letters.remove(at: position)
            case 3 where position + 1 < letters.count: letters.swapAt(position, position + 1)
            default:
                let rule = CostModel.standard.rules.randomElement(using: &random)!
                let text = String(letters)
                if let range = text.range(of: rule.from) { letters = Array(text.replacingCharacters(in: range, with: rule.to)) }
            }
        }
        return String(letters)
    }

    @Test(arguments: [0.5, 0.8, 0.85, 0.9, 0.95, 1.0] as [Float])
    func agreesWithComparingEveryWord(minimumSimilarity: Float) {
        var random = SeededGenerator(seed: UInt64(minimumSimilarity * 1000))
        var found = 0
        for round in 0..<30 {
            let words = (0..<40).map { _ in Array(Self.randomWord(&random).utf8) }
            let trie = WordTrie(words: words)
            let lengths = round % 3 == 0 ? 3...7 : 0...Int.max
            for _ in 0..<20 {
                let base = String(decoding: words.randomElement(using: &random)!, as: UTF8.self)
                let query = Array((Bool.random(using: &random) ? Self.mutated(base, &random) : Self.randomWord(&random)).utf8)
                guard !query.isEmpty else { continue }
                let near = Self.anyWord(near: query, in: words, atLeast: minimumSimilarity, lengths: lengths)
                if near { found += 1 }
                // Never misses a word that close, and finds none that is not (a hair either way
                // for the rounding of `1 - cost / length`).
                #expect(!near || trie.containsWord(near: query, minimumSimilarity: minimumSimilarity - 1e-4, lengths: lengths),
                        "missed: \(String(decoding: query, as: UTF8.self)) in \(words.map { String(decoding: $0, as: UTF8.self) })")
                #expect(near || !trie.containsWord(near: query, minimumSimilarity: minimumSimilarity + 1e-4, lengths: lengths),
                        "false find: \(String(decoding: query, as: UTF8.self))")
            }
        }
        #expect(found > 50, "too few near queries to test anything: \(found)")
    }

    @Test func oneLetterWordsScoreByTheirInitial() {
        let trie = WordTrie(words: [Array("v".utf8), Array("astana".utf8)])
        #expect(trie.containsWord(near: Array("v".utf8), minimumSimilarity: 1))
        #expect(trie.containsWord(near: Array("vladimir".utf8), minimumSimilarity: 0.85))
        #expect(!trie.containsWord(near: Array("vladimir".utf8), minimumSimilarity: 0.9))
        #expect(trie.containsWord(near: Array("a".utf8), minimumSimilarity: 0.85))
        #expect(!trie.containsWord(near: Array("a".utf8), minimumSimilarity: 0.9))
    }

    @Test func lengthsLimitTheWordsConsidered() {
        let trie = WordTrie(words: [Array("astana".utf8)])
        #expect(trie.containsWord(near: Array("astanna".utf8), minimumSimilarity: 0.9, lengths: 6...6))
        #expect(!trie.containsWord(near: Array("astanna".utf8), minimumSimilarity: 0.9, lengths: 7...9))
    }
}
