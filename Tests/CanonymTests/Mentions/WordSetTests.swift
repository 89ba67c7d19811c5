@testable import Canonym
import CanonymTestSupport
import Testing

@Suite struct WordSetTests {
    /// Random words, many sharing their start and their length, some not ASCII, against `Set<String>`.
    @Test func answersAsASetOfStringsDoes() {
        var random = SeededGenerator(seed: 11)
        let alphabet: [Character] = ["a", "b", "e", "é", "l", "д", "-", "'"]
        for round in 0..<40 {
            let words = (0..<Int.random(in: 0...300, using: &random)).map { _ in random.word(from: alphabet, length: 0...6) }
            let set = WordSet(words), reference = Set(words)
            #expect(set.count == reference.count, "round \(round)")
            #expect(Set(set) == reference, "round \(round)")
            for _ in 0..<500 {
                let probe = random.word(from: alphabet, length: 0...7)
                #expect(set.contains(probe) == reference.contains(probe), "round \(round): \(probe)")
            }
            #expect(words.allSatisfy(set.contains), "round \(round)")
        }
    }

    /// Scalars, lowered or not, against the string of them: Latin-1 capitals and other letters,
    /// capitals of other scripts (a dotted I, the Kelvin sign), and words longer than the ones
    /// read on the stack.
    @Test func answersForScalarsAsForTheirString() {
        var random = SeededGenerator(seed: 12)
        let alphabet: [Character] = ["a", "A", "e", "É", "é", "×", "ß", "Þ", "þ", "Д", "д", "İ", "\u{212A}", "k", "-"]
        for round in 0..<40 {
            let words = (0..<Int.random(in: 0...200, using: &random)).map { _ in random.word(from: alphabet, length: 0...5) }
            let lowered = WordSet(words.map { $0.lowercased() }), written = WordSet(words)
            for _ in 0..<300 {
                let probe = random.word(from: alphabet, length: Bool.random(using: &random) ? 0...5 : 60...70)
                let scalars = Array(probe.unicodeScalars)[...]
                #expect(lowered.contains(scalars, lowercasing: true) == lowered.contains(probe.lowercased()), "round \(round): \(probe)")
                #expect(written.contains(scalars, lowercasing: false) == written.contains(probe), "round \(round): \(probe)")
            }
            for word in words { #expect(lowered.contains(Array(word.unicodeScalars)[...], lowercasing: true), "round \(round): \(word)") }
        }
    }

    @Test func tellsWordsThatDifferOnlyInLengthOrOneByte() {
        let set: WordSet = ["de", "van der", "président", "M"]
        for word in ["de", "van der", "président", "M"] { #expect(set.contains(word)) }
        for word in ["", "d", "dee", "De", "van de", "president", "présidente", "m", "MM"] { #expect(!set.contains(word), "\(word)") }
    }

    /// An empty set holds nothing, not even the empty word; a set of the empty word holds only it.
    @Test func emptySetsAndTheEmptyWord() {
        let none = WordSet([String]()), empty: WordSet = [""]
        #expect(!none.contains("") && !none.contains("a") && !none.contains([][...], lowercasing: true))
        #expect(empty.contains("") && empty.contains([][...], lowercasing: false))
        #expect(!empty.contains("a") && !empty.contains(["A"][...], lowercasing: true))
    }

    /// Words given as bytes, each many times over, across many growths of the table.
    @Test func aBuilderOfBytesKeepsEachWordOnce() {
        var builder = WordSet.Builder()
        let words = (0..<5_000).map { "phrase \($0 % 1_700) word" }
        for word in words { Array(word.utf8).withUnsafeBufferPointer { builder.insert($0) } }
        let set = WordSet(builder)
        #expect(set.count == 1_700 && Set(set) == Set(words))
        #expect(words.allSatisfy(set.contains) && !set.contains("phrase 1700 word") && !set.contains("phrase 17 wor"))
    }

    @Test func unionHoldsBothSets() {
        let set = WordSet(["al", "el"]).union(["ben", "al"])
        #expect(Set(set) == ["al", "el", "ben"])
        #expect(set.count == 3)
    }

    /// A string not stored as contiguous UTF-8 (bridged or lazily made) is still found.
    @Test func findsWordsOfAnyStringStorage() {
        let set: WordSet = ["kazakhstan"]
        let substring = "au kazakhstan"[...].dropFirst(3)
        #expect(set.contains(String(substring)))
        #expect(set.contains(String(repeating: "kazakhstan", count: 1)))
    }
}
