@testable import Canonym
import Dispatch
import Foundation
import Synchronization
import Testing

/// What the folder gave before it split the chain: ICU's "transform; Latin-ASCII" in one call
/// (Canonym's own transforms, `OwnTransforms`, written out), on the case-folded word.
private func throughICUChain(_ word: String, scriptTransform: String) -> String? {
    let chain = chains.withLock { chains in
        if let opened = chains[scriptTransform] { return opened }
        let script = scriptTransform.isEmpty ? "" : OwnTransforms.rules(for: scriptTransform).map { $0 + "\n" } ?? ":: \(scriptTransform) ;\n"
        let rules = script + OwnTransforms.latinASCIIRules
        let opened = try? Transliterator(id: "chain-\(scriptTransform)", rules: rules)
        chains[scriptTransform] = opened
        return opened
    }
    return try? chain?.transliterate(ICU.foldCase(word))
}

private let chains = Mutex<[String: Transliterator?]>([:])

/// Every transform the folder may run on `word` (each Cyrillic reading for a Cyrillic word).
private func transforms(for word: String) -> [String] {
    let cyrillic = CyrillicOrthography.allCases.map(\.transformID).filter { $0 != NameFolder.russianReading } + ["Cyrillic-Latin"]
    guard let first = NameFolder.scriptTransform(for: word, cyrillicTransform: nil) else { return [] }
    return first == "Russian-Latin/BGN" ? cyrillic : [first]
}

/// Words whose two-step romanisation differs from ICU's chain, with both answers.
private func disagreements(on words: [String]) -> [String] {
    words.flatMap { word in
        transforms(for: word).compactMap { transform in
            // The words the folder keeps: what non-ASCII either way leaves behind is dropped.
            let split = NameFolder.romanize(word, scriptTransform: transform), chain = throughICUChain(word, scriptTransform: transform)
            return split.map(NameFolder.asciiWords) == chain.map(NameFolder.asciiWords) ? nil
                : "\(word) [\(transform)]: \(split ?? "nil") vs \(chain ?? "nil")"
        }
    }
}

@Suite struct RomanizeTests {
    @Test(arguments: [
        "Ташкент", "Қасым-Жомарт", "Тоқаев", "Ёлкин", "Объединённые", "Щёкино", "Київ", "Ґанджа", "Мінск", "Ўзбекистон",
        "Бішкек", "Өскемен", "Αθήνα", "Θεσσαλονίκη", "القاهرة", "لاہور", "بھٹو", "ہەولێر", "ירושלים", "Երևան", "თბილისი", "北京", "東京", "दिल्ली",
        "กรุงเทพ", "Ouzbékistan", "Łódź", "Straße", "n\u{303}andu",
    ])
    func fixtureWordsRomanizeAsICUsChainDoes(word: String) {
        #expect(!transforms(for: word).isEmpty, "\(word) is not ASCII")
        #expect(disagreements(on: [word]).isEmpty, "\(disagreements(on: [word]))")
    }

    @Test func everyDevSetWordRomanizesAsICUsChainDoes() {
        let words = DevSetWords.all.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }
        if FileManager.default.fileExists(atPath: DevSetWords.directory.path) { #expect(words.count > 5_000, "the dev sets were not read") }
        let chunks = 16
        let found = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let wrong = disagreements(on: Array(words[(words.count * chunk / chunks)..<(words.count * (chunk + 1) / chunks)]))
            if !wrong.isEmpty { found.withLock { $0 += wrong } }
        }
        let wrong = found.withLock { $0 }
        #expect(wrong.isEmpty, "\(wrong.count) dev-set romanisations differ, e.g. \(wrong.prefix(20))")
    }

    @Test func mostScriptOutputSkipsICUsLatinASCII() {
        // The point of the split: a BGN romanisation is plain or table-held Latin.
        for (word, transform) in [("Ташкент", "Russian-Latin/BGN"), ("Ёлкин", "Kazakh-Latin/BGN"), ("Тверь", "Russian-Latin/BGN"),
                                  ("Объединённые", "Russian-Latin/BGN"), ("Тоқаев", "Kazakh-Latin/BGN")] {
            let latin = try? Transliterator.shared(transform).transliterate(ICU.foldCase(word))
            #expect(latin.map { $0.utf8.allSatisfy { $0 < 0x80 } || LatinLetterFolds.shared.fold(ICU.nfc($0)) != nil } == true,
                    "\(word): \(latin.map { $0.unicodeScalars.map { String($0.value, radix: 16) } } ?? [])")
        }
    }
}
