@testable import Canonym
import CanonymTestSupport
import Testing

/// The index's skeletons and bigram codes against the plain versions in `ReferenceGrams`.
@Suite struct GramsReferenceTests {
    /// Letters of every digraph, vowels, w (read as a vowel in vowel-poor words) and a digit.
    private static let alphabet = Array("schtzdjkhgpqueaoiywvbnr7")

    @Test func skeletonsAgreeWithTheReferenceOnRandomWords() {
        var random = SeededGenerator(seed: 0x5EED)
        var wrong: [String] = []
        for _ in 0..<20_000 {
            let word = Array(random.word(from: Self.alphabet, length: 0...12).utf8)
            if Skeleton.of(word) != ReferenceGrams.skeleton(word) { wrong.append(String(decoding: word, as: UTF8.self)) }
        }
        #expect(wrong.isEmpty, "\(wrong.count) words differ, e.g. \(wrong.prefix(10))")
    }

    @Test func gramsAgreeWithTheReferenceOnRandomNames() {
        var random = SeededGenerator(seed: 0x6A4A5)
        var wrong: [[String]] = []
        var grams: [UInt16] = [1, 2, 3]  // appending after other entries' grams leaves them alone
        var scratch = CandidateIndex.GramScratch()  // reused, as the index build does
        for _ in 0..<5_000 {
            // 0-5 words; short words make syllable-by-syllable names.
            let tokens = (0..<Int.random(in: 0...5, using: &random)).map { _ in random.word(from: Self.alphabet, length: 1...7) }
            let expected = ReferenceGrams.grams(of: tokens)
            if CandidateIndex.grams(of: tokens) != expected { wrong.append(tokens) }
            let before = grams.count
            let count = CandidateIndex.appendGrams(of: tokens, to: &grams, scratch: &scratch)
            if count != expected.count || Array(grams[before...]) != expected { wrong.append(tokens) }
        }
        #expect(Array(grams.prefix(3)) == [1, 2, 3])
        #expect(wrong.isEmpty, "\(wrong.count) names differ, e.g. \(wrong.prefix(10))")
    }
}
