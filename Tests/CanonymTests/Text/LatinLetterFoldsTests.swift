@testable import Canonym
import Dispatch
import Foundation
import Synchronization
import Testing

/// Words of `words` that `table` folds (all their letters are in it) differently from ICU,
/// as a string or as the bytes the folder reads.
private func disagreements(_ table: LatinLetterFolds, on words: [String]) -> [String] {
    words.filter { word in
        var bytes: [UInt8] = []
        let byBytes = table.appendFold(of: word, to: &bytes) ? String(decoding: bytes, as: UTF8.self) : nil
        return byBytes != table.fold(word) || table.fold(word).map { $0 != LatinLetterFolds.throughICU(word) } ?? false
    }
}

/// The lines `LatinLetterFoldsEmbedded` holds, made from this ICU's answers: each letter of the
/// ranges that ICU folds to ASCII, its code point and its fold's bytes in hex.
private func embeddedLines() -> [String] {
    LatinLetterFolds.ranges.joined().compactMap { value in
        LatinLetterFolds.keptFold(of: value, asking: LatinLetterFolds.throughICU).map { folded in
            String(format: "%04X ", value) + folded.utf8.map { String(format: "%02X", $0) }.joined()
        }
    }
}

@Suite struct LatinLetterFoldsTests {
    /// With `CANONYM_WRITE_LETTER_FOLDS` set, writes the embedded answers anew from this ICU.
    @Test func theEmbeddedAnswersAreThisICUs() throws {
        let lines = embeddedLines()
        #expect(lines.count > 500, "only \(lines.count) letters fold to ASCII")
        if ProcessInfo.processInfo.environment["CANONYM_WRITE_LETTER_FOLDS"] != nil {
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/Canonym/Text/LatinLetterFoldsEmbedded.swift")
            let source = try String(contentsOf: file, encoding: .utf8)
            let head = source.components(separatedBy: "    static let icuVersion = ")[0]
            try (head + "    static let icuVersion = \"\(ICU.version)\"\n    /// One line per letter: its code point and its fold's bytes, both in hex.\n"
                 + "    static let lines = \"\"\"\n" + lines.joined(separator: "\n") + "\n\"\"\"\n}\n").write(to: file, atomically: true, encoding: .utf8)
        }
        // Under another ICU the answers are asked of it instead; the tests below hold the shared
        // table to its answers either way.
        guard LatinLetterFoldsEmbedded.isFor(ICU.version) else { return }
        let embedded = LatinLetterFoldsEmbedded.lines.split(separator: "\n").map(String.init)
        let differing = Set(embedded).symmetricDifference(lines).sorted()
        #expect(differing.isEmpty && embedded.count == lines.count, "the embedded answers differ from ICU \(ICU.version)'s on \(differing.prefix(10)): regenerate them with CANONYM_WRITE_LETTER_FOLDS=1 swift test --filter LatinLetterFoldsTests")
    }

    @Test func everyLetterOfTheRangesThatICUFoldsToASCIIIsInTheTable() {
        let covered = Set(LatinLetterFolds.shared.coveredLetters)
        #expect(covered.count > 500, "only \(covered.count) letters covered")
        var missing: [String] = []
        for value in LatinLetterFolds.ranges.joined() {
            guard let scalar = Unicode.Scalar(value), Script.of(scalar) == .latin,
                  let folded = LatinLetterFolds.throughICU(String(scalar)), folded.allSatisfy(\.isASCII) else { continue }
            if !covered.contains(scalar) { missing.append(String(scalar)) }
        }
        #expect(missing.isEmpty, "not in the table: \(missing.prefix(20))")
    }

    /// Latin-ASCII rules with context would show on a pair: one letter next to another
    /// (upper- and lower-case ASCII and digits included).
    @Test func everyPairOfLettersFoldsAsICUFoldsIt() {
        let letters = LatinLetterFolds.shared.coveredLetters.map { String($0) } + "aAzZiIjJ09".map { String($0) }
        let found = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: letters.count) { i in
            let wrong = disagreements(.shared, on: letters.map { letters[i] + $0 })
            if !wrong.isEmpty { found.withLock { $0 += wrong } }
        }
        let wrong = found.withLock { $0 }
        #expect(wrong.isEmpty, "\(wrong.count) pairs differ, e.g. \(wrong.prefix(20))")
    }

    @Test(arguments: [
        "Ouzbékistan", "Łódź", "Kraków", "Þórshöfn", "Hafnarfjörður", // French, Polish, Icelandic
        "Straße", "Ærøskøbing", "Œuvre", "Ĳmuiden",                   // ligatures and ß expand
        "Nguyễn", "Đà", "Nẵng", "Thủ",                                 // Vietnamese: Extended Additional
        "São", "Škoda", "Çanakkale", "Ağrı", "İzmir", "Dǆemal",         // Portuguese, Czech, Turkish, a digraph letter
        "ŁÓDŹ", "ÅLESUND", "Ǿresund", "ĸapa", "ŉ", "ǰ", "Ⱥ",            // capitals and letters that fold to several
        "Əliyev", "Lǝnkǝran", "Bamakɔ", "Zaɣwan", "Qɵqək",             // letters Latin-ASCII leaves, spelt first
    ])
    func fixtureWordsFoldAsICUFoldsThem(word: String) {
        #expect(disagreements(.shared, on: [word]).isEmpty, "\(word): table \(String(describing: LatinLetterFolds.shared.fold(word))), ICU \(String(describing: LatinLetterFolds.throughICU(word)))")
    }

    @Test func accentedWordsTakeTheTable() {
        #expect(LatinLetterFolds.shared.fold("Ouzbékistan") == "ouzbekistan")
        #expect(LatinLetterFolds.shared.fold("Straße") == "strasse")
        #expect(LatinLetterFolds.shared.fold("Москва") == nil, "Cyrillic is not in the table")
        #expect(LatinLetterFolds.shared.fold("n\u{308}") == nil, "a combining mark goes to ICU")
    }

    @Test func everyDevSetWordFoldsAsICUFoldsIt() {
        let words = DevSetWords.all
        if FileManager.default.fileExists(atPath: DevSetWords.directory.path) { #expect(words.count > 10_000, "the dev sets were not read") }
        let chunks = 16
        let found = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let wrong = disagreements(.shared, on: Array(words[(words.count * chunk / chunks)..<(words.count * (chunk + 1) / chunks)]))
            if !wrong.isEmpty { found.withLock { $0 += wrong } }
        }
        let wrong = found.withLock { $0 }
        #expect(wrong.isEmpty, "\(wrong.count) of \(words.count) dev-set words differ, e.g. \(wrong.prefix(20))")
    }

    @Test func theComparisonFindsAWrongTable() {
        // The checks above could not fail if they compared the table with itself.
        let wrong = LatinLetterFolds { $0 == "é" ? "ee" : LatinLetterFolds.throughICU($0) }
        #expect(disagreements(wrong, on: ["Ouzbékistan"]) == ["Ouzbékistan"])
    }

    @Test func theFolderGivesTheSameWordsEitherWay() {
        // The folder's Latin words through the table against ICU's chain, word by word.
        for name in ["Ouzbékistan", "Łódź Kraków", "Hafnarfjörður", "Ærøskøbing-Straße", "São Tomé e Príncipe"] {
            let viaICU = Tokenizer.words(name).flatMap { NameFolder.asciiWords(LatinLetterFolds.throughICU($0)!) }
            #expect(NameFolder().fold(name).tokens == viaICU, "\(name)")
        }
    }
}
