@testable import Canonym
import Foundation
import Testing

/// ICU's answer for `word` alone, as the folder keeps it.
private func throughICU(_ word: String, _ transform: String) -> [String]? {
    NameFolder.romanizeThroughICU(word, scriptTransform: transform).map(NameFolder.asciiWords)
}

/// The words of `words` the table romanises otherwise than ICU, with both answers.
private func disagreements(_ words: [String], _ transform: String, table: CyrillicLetters? = nil) -> [String] {
    guard let table = table ?? CyrillicLetters.shared(transform) else { return ["no table for \(transform)"] }
    return words.compactMap { word in
        let letters = table.romanize(word).map(NameFolder.asciiWords), icu = throughICU(word, transform)
        return letters == icu ? nil : "\(word) [\(transform)]: \(letters ?? []) vs \(icu ?? [])"
    }
}

private let allLetters: [String] = CyrillicLetters.range.compactMap(Unicode.Scalar.init)
    .filter { $0.properties.generalCategory == .lowercaseLetter }.map(String.init)
/// The letters of the Russian, Ukrainian, Belarusian, Kazakh, Kyrgyz, Serbian and Macedonian alphabets.
private let commonLetters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіїєґўђјљњћџѓќѕ".map(String.init)
private let transforms = CyrillicLetters.transformIDs

@Suite struct CyrillicLettersTests {
    /// With `CANONYM_WRITE_LETTER_FOLDS` set, writes the embedded answers anew from this ICU.
    @Test func theEmbeddedAnswersAreThisICUs() throws {
        let lines = try CyrillicLetters.transformIDs.flatMap { transform in
            let answers = try #require(CyrillicLetters.answers(for: transform, asking: NameFolder.romanizeThroughICU), "\(transform)")
            return CyrillicLettersEmbedded.lines(of: transform, answers: answers)
        }
        #expect(lines.count == CyrillicLetters.transformIDs.count * CyrillicLetters.letters.count)
        if ProcessInfo.processInfo.environment["CANONYM_WRITE_LETTER_FOLDS"] != nil {
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/Canonym/Text/CyrillicLettersEmbedded.swift")
            let source = try String(contentsOf: file, encoding: .utf8)
            let head = source.components(separatedBy: "    static let icuVersion = ")[0]
            let comment = "    /// One line per transform and letter: the transform, the letter's code point and its answer's bytes (hex; `_`: empty, `-`: none kept).\n"
            try (head + "    static let icuVersion = \"\(ICU.version)\"\n" + comment
                 + "    static let lines = \"\"\"\n" + lines.joined(separator: "\n") + "\n\"\"\"\n}\n").write(to: file, atomically: true, encoding: .utf8)
        }
        // Under another ICU the answers are asked of it instead; the tests below hold the shared
        // tables to its answers either way.
        guard CyrillicLettersEmbedded.isFor(ICU.version) else { return }
        let embedded = CyrillicLettersEmbedded.lines.split(separator: "\n").map(String.init)
        let differing = Set(embedded).symmetricDifference(lines).sorted()
        #expect(differing.isEmpty && embedded == lines, "the embedded answers differ from ICU \(ICU.version)'s on \(differing.prefix(10)): regenerate them with CANONYM_WRITE_LETTER_FOLDS=1 swift test --filter CyrillicLettersTests")
        for transform in CyrillicLetters.transformIDs {
            let same = CyrillicLettersEmbedded.answers(for: transform) == CyrillicLetters.answers(for: transform, asking: NameFolder.romanizeThroughICU)
            #expect(same, "the embedded table of \(transform) reads otherwise than ICU's answers")
        }
    }

    @Test(arguments: transforms)
    func everyPairOfLettersRomanizesAsICUDoes(transform: String) {
        let pairs = allLetters.flatMap { first in allLetters.map { first + $0 } }
        #expect(pairs.count > 10_000)
        let wrong = disagreements(allLetters + pairs, transform)
        #expect(wrong.count == 0, "\(wrong.count) differ, e.g. \(wrong.prefix(10))")
    }

    @Test(arguments: transforms)
    func everyTripleOfCommonLettersRomanizesAsICUDoes(transform: String) {
        let triples = commonLetters.flatMap { a in commonLetters.flatMap { b in commonLetters.map { a + b + $0 } } }
        let wrong = disagreements(triples, transform)
        #expect(wrong.count == 0, "\(wrong.count) differ, e.g. \(wrong.prefix(10))")
    }

    @Test func runsOfRussianVowelsReadAsICUsTwoPassesRead() {
        // Russian BGN's е reads ye after a vowel the first pass left in Cyrillic: *аее* is ayee,
        // *аеее* ayeeye. Every word of up to five of these letters.
        let letters = ["а", "б", "е", "ё", "и", "й", "ъ", "ы", "ь", "э", "ю"]
        var longest = letters, words = letters
        for _ in 1..<5 {
            longest = longest.flatMap { word in letters.map { word + $0 } }
            words += longest
        }
        #expect(words.count > 150_000)
        let wrong = disagreements(words, "Russian-Latin/BGN")
        #expect(wrong.count == 0, "\(wrong.count) differ, e.g. \(wrong.prefix(10))")
        let table = CyrillicLetters.shared("Russian-Latin/BGN")
        #expect(["аее", "аеее", "ее", "бее", "ыэе"].map { table?.romanize($0) } == ["ayee", "ayeeye", "yeye", "beye", "yeye"])
    }

    @Test func otherCharactersAndTransformsAreLeftToICU() {
        let russian = CyrillicLetters.shared("Russian-Latin/BGN")
        #expect(russian?.romanize("тверь") == "tver")
        #expect(russian?.romanize("кам'янець") == nil, "an apostrophe is not in the table")
        #expect(russian?.romanize("ма\u{301}ша") == nil, "nor is a stress mark")
        #expect(russian?.romanize("МОСКВА") == "moskva", "capitals are case-folded as ICU folds them")
        #expect(CyrillicLetters.shared("Greek-Latin/UNGEGN") == nil)
        #expect(NameFolder.romanizeByLetters("Қасым", scriptTransform: "Kazakh-Latin/BGN") == "qasym", "case-folded on the way in")
    }

    @Test func theComparisonFindsAWrongTable() {
        let wrong = CyrillicLetters(transformID: "Ukrainian-Latin/BGN") { text, transform in
            NameFolder.romanizeThroughICU(text, scriptTransform: transform).map { $0.replacingOccurrences(of: "kh", with: "h") }
        }
        #expect(wrong?.romanize("харків") == "harkiv")
        #expect(disagreements(["харків"], "Ukrainian-Latin/BGN", table: wrong).count == 1, "a wrong letter is seen")
    }
}
