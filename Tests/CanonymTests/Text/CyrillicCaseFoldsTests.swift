@testable import Canonym
import Foundation
import Testing

@Suite struct CyrillicCaseFoldsTests {
    @Test func everyCharacterOfTheBlockFoldsAsICUFoldsIt() {
        var wrong: [String] = []
        for value in CyrillicCaseFolds.range {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let word = "A" + String(scalar) + "z"
            if let folded = CyrillicCaseFolds.shared.fold(word), folded != ICU.foldCase(word) { wrong.append(String(value, radix: 16)) }
        }
        #expect(wrong.isEmpty, "differ from ICU: \(wrong)")
    }

    @Test func everyDevSetCyrillicWordFoldsAsICUFoldsIt() {
        let words = DevSetWords.all.filter { $0.unicodeScalars.contains { CyrillicCaseFolds.range.contains($0.value) } }
        if FileManager.default.fileExists(atPath: DevSetWords.directory.path) { #expect(words.count > 1_000, "the dev sets were not read") }
        let wrong = words.filter { word in CyrillicCaseFolds.shared.fold(word).map { $0 != ICU.foldCase(word) } ?? false }
        #expect(wrong.isEmpty, "\(wrong.count) words differ, e.g. \(wrong.prefix(10))")
    }

    @Test func foldsCapitalsAndLeavesOtherScriptsToICU() {
        #expect(CyrillicCaseFolds.shared.fold("ҚАСЫМ-Жомарт") == "қасым-жомарт")
        #expect(CyrillicCaseFolds.shared.fold("Ёлкин") == "ёлкин")
        #expect(CyrillicCaseFolds.shared.fold("Αθήνα") == nil, "Greek is not in the table")
    }

    @Test func theComparisonFindsAWrongTable() {
        let wrong = CyrillicCaseFolds { $0 == "Ж" ? "ж\u{301}" : $0 == "Д" ? "x" : ICU.foldCase($0) }
        #expect(wrong.fold("Дом") == "xом", "a wrong answer is kept, so the checks above would see it")
        #expect(wrong.fold("Жук") == nil, "a fold to several characters is left to ICU")
    }
}
