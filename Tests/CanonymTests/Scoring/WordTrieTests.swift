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
        words.contains { lengths.contains($0.count) && NameScorer.similarity(query, $0, model: .standard) >= similarity }
    }

    /// Expects the trie to answer for `query` what comparing it with every word answers, and
    /// returns that answer. Never misses a word that close, and finds none that is not (a hair
    /// either way for the rounding of `1 - cost / length`).
    static func expectSameAnswer(_ trie: WordTrie, _ words: [[UInt8]], query: [UInt8], minimumSimilarity: Float,
                                 lengths: ClosedRange<Int>) -> Bool {
        let near = anyWord(near: query, in: words, atLeast: minimumSimilarity, lengths: lengths)
        #expect(!near || trie.containsWord(near: query, minimumSimilarity: minimumSimilarity - 1e-4, lengths: lengths),
                "missed: \(String(decoding: query, as: UTF8.self)) in \(words.map { String(decoding: $0, as: UTF8.self) })")
        #expect(near || !trie.containsWord(near: query, minimumSimilarity: minimumSimilarity + 1e-4, lengths: lengths),
                "false find: \(String(decoding: query, as: UTF8.self))")
        return near
    }

    static func randomWord(_ random: inout SeededGenerator, length: ClosedRange<Int> = 1...8) -> String {
        var word = random.word(from: alphabet, length: length)
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
                if Self.expectSameAnswer(trie, words, query: query, minimumSimilarity: minimumSimilarity, lengths: lengths) { found += 1 }
            }
        }
        #expect(found > 50, "too few near queries to test anything: \(found)")
    }

    /// Searched with the scorer's cheapest costs, the trie never misses a word the scorer finds that
    /// close, whichever model the scorer compared the two with (*kylbwrn* and *kilburn*: the abjad's;
    /// *zerenodorisuku* and *zelenodolsk*: the Japanese).
    @Test(arguments: [0.8, 0.85, 0.9] as [Float])
    func theCheapestCostsBoundEveryComparison(minimumSimilarity: Float) {
        var random = SeededGenerator(seed: 31 + UInt64(minimumSimilarity * 1000))
        let consonants = Array("bpfvkgtdszrlmnwy")
        let syllables = ["ka", "ru", "su", "to", "ri", "bu", "vo", "re", "do", "n", "ku", "ra"]
        let koreanSyllables = ["peu", "jeu", "leu", "beo", "ra", "ni", "keu", "seu", "pi", "ji"]
        var found = 0, abjad = 0, japanese = 0
        for _ in 0..<30 {
            // Words of few vowels, written as an abjad is romanised, beside ordinary ones.
            var words = (0..<20).map { _ in Array(Self.randomWord(&random, length: 3...9).utf8) }
            words += (0..<20).map { _ in Array(random.word(from: consonants, length: 4...9).utf8) }
            // And words of Japanese syllables, whose *r* meets an *l*.
            words += (0..<20).map { _ in Array((0..<Int.random(in: 3...6, using: &random)).map { _ in syllables.randomElement(using: &random)! }.joined().utf8) }
            // And Korean renderings, whose *p* meets an *f* and *j* a *z*.
            words += (0..<20).map { _ in Array((0..<Int.random(in: 2...4, using: &random)).map { _ in koreanSyllables.randomElement(using: &random)! }.joined().utf8) }
            let trie = WordTrie(words: words, model: Self.scorer.boundingModel)
            for _ in 0..<20 {
                let base = String(decoding: words.randomElement(using: &random)!, as: UTF8.self)
                // Mutated; or written as the name a Japanese rendering renders (*l* for *r*, *v* for
                // *b*), or an abjad's (*p* for *b*, *v* for *f*, *e* for *y*).
                let asJapanese = String(base.map { $0 == "r" ? "l" : $0 == "b" ? "v" : $0 })
                let asAbjad = String(base.map { $0 == "b" ? "p" : $0 == "f" ? "v" : $0 == "y" ? "e" : $0 })
                let asKorean = String(base.map { $0 == "p" ? "f" : $0 == "j" ? "z" : $0 == "r" ? "l" : $0 })
                let query = Array([Self.mutated(base, &random), asJapanese, asAbjad, asKorean].randomElement(using: &random)!.utf8)
                guard !query.isEmpty else { continue }
                let near = words.filter { Self.scorer.similarity(query, $0) >= minimumSimilarity }
                guard !near.isEmpty else { continue }
                found += 1
                if near.contains(where: { NameScorer.looksRomanisedFromAbjad($0) || NameScorer.looksRomanisedFromAbjad(query) }) { abjad += 1 }
                if near.contains(where: { NameScorer.oneIsJapaneseSyllables($0, query) }) { japanese += 1 }
                #expect(trie.containsWord(near: query, minimumSimilarity: minimumSimilarity - 1e-4),
                        "missed: \(String(decoding: query, as: UTF8.self)) near \(near.map { String(decoding: $0, as: UTF8.self) })")
            }
        }
        #expect(abjad > 20 && japanese > 10, "too few comparisons of the readings to test anything: \(abjad), \(japanese) of \(found)")
    }

    /// Words and queries of very different lengths, across the trie's bands: a branch is left by
    /// what stretching or shrinking the rest of the query to its words' lengths must cost.
    @Test(arguments: [0.8, 0.85, 0.9] as [Float])
    func agreesAcrossLengths(minimumSimilarity: Float) {
        var random = SeededGenerator(seed: 77 + UInt64(minimumSimilarity * 1000))
        var found = 0
        for round in 0..<20 {
            // Some words share their first nine letters or more: the build sorts them by the rest.
            let stem = random.word(from: Self.alphabet, length: 9...12)
            let words = (0..<60).map { k in
                Array((k % 3 == 0 ? stem + random.word(from: Self.alphabet, length: 0...6) : Self.randomWord(&random, length: 2...24)).utf8)
            }
            let trie = WordTrie(words: words)
            let lengths = round % 4 == 0 ? 8...16 : 0...Int.max
            for _ in 0..<25 {
                let base = String(decoding: words.randomElement(using: &random)!, as: UTF8.self)
                // A word near one of them, stretched or cut by a rule's longer side, or unrelated.
                var query = Self.mutated(base, &random)
                if Bool.random(using: &random) {
                    let rule = CostModel.standard.rules.randomElement(using: &random)!
                    query.insert(contentsOf: rule.from.count > rule.to.count ? rule.from : rule.to, at: query.startIndex)
                }
                if Int.random(in: 0..<4, using: &random) == 0 { query = Self.randomWord(&random, length: 1...20) }
                let letters = Array(query.utf8)
                guard !letters.isEmpty else { continue }
                if Self.expectSameAnswer(trie, words, query: letters, minimumSimilarity: minimumSimilarity, lengths: lengths) { found += 1 }
            }
        }
        #expect(found > 40, "too few near queries to test anything: \(found)")
    }

    /// A word that is the query with one rule's side written as its longer (or shorter) other
    /// side, or with letters doubled (or undoubled), up to three times, is found at exactly its
    /// own similarity: stretching or shrinking is never priced above what it costs.
    /// (With a long prefix the query has 64 letters or more, and the search takes every row where
    /// a rule may start.)
    @Test(arguments: [0...3, 64...70])
    func findsWordsStretchedOrShrunkAtTheirExactSimilarity(prefixLength: ClosedRange<Int>) {
        var random = SeededGenerator(seed: 2024 + UInt64(prefixLength.lowerBound))
        let sides = CostModel.standard.rules.filter { $0.from.count != $0.to.count }.map { ($0.from, $0.to) }
            + Self.alphabet.map { (String($0), String([$0, $0])) }
        for (short, long) in sides {
            for (querySide, wordSide) in [(short, long), (long, short)] {
                let count = Int.random(in: 1...3, using: &random)
                let prefix = random.word(from: Self.alphabet, length: prefixLength), suffix = random.word(from: Self.alphabet, length: 0...3)
                let query = Array((prefix + String(repeating: querySide + "a", count: count) + suffix).utf8)
                let word = Array((prefix + String(repeating: wordSide + "a", count: count) + suffix).utf8)
                let similarity = NameScorer.similarity(query, word, model: .standard)
                guard similarity > 0 else { continue }
                let trie = WordTrie(words: [word, Array("zzzzzzzzzzzzzzzzzzzzzzzzz".utf8)])
                #expect(trie.containsWord(near: query, minimumSimilarity: similarity - 1e-4),
                        "missed \(String(decoding: word, as: UTF8.self)) for \(String(decoding: query, as: UTF8.self)) at \(similarity)")
                #expect(!trie.containsWord(near: query, minimumSimilarity: similarity + 1e-3))
            }
        }
    }

    /// Queries of 64 letters or more (names run together) take every row where a rule may start.
    @Test func agreesOnVeryLongWords() {
        var random = SeededGenerator(seed: 64)
        var found = 0
        for _ in 0..<10 {
            let words = (0..<20).map { _ in Array(Self.randomWord(&random, length: 60...80).utf8) }
            let trie = WordTrie(words: words)
            for _ in 0..<10 {
                var query = Self.mutated(String(decoding: words.randomElement(using: &random)!, as: UTF8.self), &random)
                query = Self.mutated(query, &random)
                if Self.expectSameAnswer(trie, words, query: Array(query.utf8), minimumSimilarity: 0.95, lengths: 0...Int.max) { found += 1 }
            }
        }
        #expect(found > 20, "too few near queries to test anything: \(found)")
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
