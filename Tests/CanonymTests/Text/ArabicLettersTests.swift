@testable import Canonym
import Dispatch
import Foundation
import Synchronization
import Testing

/// The words of `words` the table romanises (it holds all their characters) otherwise than ICU.
private func disagreements(_ words: [String], table: ArabicLetters? = ArabicLetters.shared) -> [String] {
    guard let table else { return ["no table"] }
    return words.compactMap { word in
        guard let letters = table.romanize(word) else { return nil }
        let icu = NameFolder.romanizeThroughICU(word, scriptTransform: ArabicLetters.transformID).map(NameFolder.asciiWords)
        return NameFolder.asciiWords(letters) == icu ? nil : "\(word): \(letters) vs \(icu ?? [])"
    }
}

/// `disagreements` over `words` on all cores.
private func concurrentDisagreements(_ words: [String]) -> [String] {
    let chunks = 16, found = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let wrong = disagreements(Array(words[(words.count * chunk / chunks)..<(words.count * (chunk + 1) / chunks)]))
        if !wrong.isEmpty { found.withLock { $0 += wrong } }
    }
    return found.withLock { $0 }
}

private let block = ArabicLetters.range.compactMap(Unicode.Scalar.init).map(String.init)

@Suite struct ArabicLettersTests {
    @Test func everyPairOfTheBlockRomanizesAsICUDoes() {
        let pairs = block.flatMap { first in block.map { first + $0 } }
        #expect(pairs.filter { ArabicLetters.shared?.romanize($0) != nil }.count > 50_000, "most pairs are read from the table")
        let wrong = concurrentDisagreements(block + pairs)
        #expect(wrong.count == 0, "\(wrong.count) differ, e.g. \(wrong.prefix(10))")
    }

    @Test func everyTripleOfCommonLettersAndMarksRomanizesAsICUDoes() {
        // The letters of Arabic, Persian and Urdu names, alef with hamza and madda, and the marks.
        let common = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژکگیۀًٌٍَُِّْ".unicodeScalars.map(String.init)
        let triples = common.flatMap { a in common.flatMap { b in common.map { a + b + $0 } } }
        let wrong = concurrentDisagreements(triples)
        #expect(wrong.count == 0, "\(wrong.count) differ, e.g. \(wrong.prefix(10))")
    }

    @Test func namesAreReadFromTheTable() {
        let names = ["القاهرة", "دمشق", "طهران", "کراچی", "بغداد", "فرناندو", "أسوان", "مُوسى"]
        #expect(names.compactMap { ArabicLetters.shared?.romanize($0) } == ["alqahrt", "dmshq", "thran", "krachy", "bghdad", "frnandw", "aswan", "musy"])
    }

    @Test func aShortVowelBeforeItsLongLetterIsOneVowel() {
        #expect(ArabicLetters.shared?.romanize("بَا") == "ba", "fatha and alef: one a, not two")
        #expect(ArabicLetters.shared?.romanize("بَب") == "bab", "fatha alone")
        #expect(ArabicLetters.shared?.romanize("أُور") == nil, "a hamza and a vowel in a row are reordered by ICU: left to it")
        #expect(ArabicLetters.shared?.romanize("Moscou") == nil)
    }

    @Test func theComparisonFindsAWrongTable() {
        let wrong = ArabicLetters { text, transform in
            NameFolder.romanizeThroughICU(text, scriptTransform: transform).map { $0.replacingOccurrences(of: "q", with: "k") }
        }
        #expect(disagreements(["قم"], table: wrong).count == 1)
    }

    @Test func everyWordOfALocalListRomanizesAsICUDoes() throws {
        // A list of real Arabic-script words, when one is at hand (ARABIC_WORDS=path, a word a line).
        guard let path = ProcessInfo.processInfo.environment["ARABIC_WORDS"] else { return }
        let words = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let read = words.filter { ArabicLetters.shared?.romanize($0) != nil }.count
        #expect(read * 10 > words.count * 9, "only \(read) of \(words.count) are read from the table")
        let wrong = concurrentDisagreements(words)
        #expect(wrong.count == 0, "\(wrong.count) of \(words.count) differ, e.g. \(wrong.prefix(10))")
    }
}
