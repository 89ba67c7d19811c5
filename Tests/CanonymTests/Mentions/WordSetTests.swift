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

    @Test func tellsWordsThatDifferOnlyInLengthOrOneByte() {
        let set: WordSet = ["de", "van der", "président", "M"]
        for word in ["de", "van der", "président", "M"] { #expect(set.contains(word)) }
        for word in ["", "d", "dee", "De", "van de", "president", "présidente", "m", "MM"] { #expect(!set.contains(word), "\(word)") }
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
