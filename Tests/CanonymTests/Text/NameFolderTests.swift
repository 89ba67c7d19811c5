@testable import Canonym
import CanonymTestSupport
import Dispatch
import Foundation
import Synchronization
import Testing

/// Runs `name` through the Unicode (ICU) path of `NameFolder` even when it is ASCII: a trailing
/// em dash is not ASCII, so the fast path declines, and it is punctuation, so it adds no word.
private func foldThroughUnicodePath(_ name: String, folder: NameFolder = NameFolder()) -> NameForm {
    folder.fold(name + " \u{2014}")
}

@Suite struct NameFolderTests {
    // MARK: ASCII fast path and Unicode path

    @Test(arguments: [
        "Vladimir Putin",            // plain two words
        "  Kassym-Jomart   Tokayev ", // hyphen and runs of spaces
        "O'Brien",                   // apostrophe inside a name closes up
        "l'Ouzbekistan",             // French elided article
        "d'Astana",                  // lower-case d' is an article
        "D'Alema",                   // upper-case D' belongs to the name
        "qu'Antony",                 // elided conjunction
        "L'Express",                 // upper-case L' is still an article
        "V. Putin",                  // dot separates an initial
        "G7 Summit",                 // digits are word characters
        "AL-QAEDA",                  // upper case and hyphen
        "Ma`arrat",                  // backtick as an apostrophe
        "'Ali'",                     // apostrophes at the edges
        "a\tb\nc",                   // other ASCII white space
        "...",                       // punctuation only
    ])
    func asciiFastPathAndUnicodePathGiveTheSameTokens(name: String) {
        let fast = NameFolder.shared.fold(name)
        #expect(NameFolder.foldASCII(name) != nil, "\(name) should take the fast path")
        #expect(fast.romanizations == foldThroughUnicodePath(name).romanizations)
    }

    @Test func asciiFastPathAgreesWithUnicodePathOnRandomNames() {
        // Letters that make articles (l, d, qu) in both cases, apostrophes, separators.
        let alphabet = Array("lLdDqQuUaAoObz7 '`-.,")
        var random = SeededGenerator(seed: 0xC0FFEE)
        let folder = NameFolder()
        var disagreements: [String] = []
        for _ in 0..<2_000 {
            let name = random.word(from: alphabet, length: 1...12)
            if folder.fold(name).romanizations != foldThroughUnicodePath(name, folder: folder).romanizations {
                disagreements.append(name)
            }
        }
        #expect(disagreements.isEmpty, "fast and Unicode paths disagree on \(disagreements.prefix(10))")
    }

    // MARK: Accented Latin path

    @Test(arguments: [
        "Tokaïev", "Ouzbékistan", "d'Éric", "D'Éric", "L'Élysée", "qu'Été", "Ærøskøbing-Straße", "São Tomé e Príncipe",
        "ŒUVRE", "Łódź  Kraków", "Ó'Briën", "Nguyễn Văn Thiệu", "Société Générale S.A.", "Cent Vingt-Deux Rues Émile",
        " Ça ", "Ève 1er",
    ])
    func accentedLatinPathGivesTheFormOfTheGeneralPath(name: String) {
        #expect(NameFolder.foldAccentedLatin(name) != nil, "\(name) should take the accented Latin path")
        #expect(NameFolder.foldAccentedLatin(name) == NameFolder().foldThroughWords(name))
    }

    @Test(arguments: ["A×B", "l’Ouzbékistan", "Ouzbe\u{301}kistan", "Straße\u{A0}Nord", "ŉ", "Tokaïev Токаев"])
    func accentedLatinPathLeavesOtherCharactersToTheGeneralPath(name: String) {
        // A sign folding to a letter, a typographic apostrophe, a combining mark, a no-break
        // space, a letter folding to an apostrophe, another script.
        #expect(NameFolder.foldAccentedLatin(name) == nil)
    }

    @Test func everyDevSetNameOnTheAccentedLatinPathFoldsAsTheGeneralPathDoes() {
        let folder = NameFolder(), cells = DevSetWords.cells, chunks = 16
        let found = Mutex((taken: 0, wrong: [String]()))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var taken = 0, wrong: [String] = []
            for cell in cells[(cells.count * chunk / chunks)..<(cells.count * (chunk + 1) / chunks)] {
                guard let latin = NameFolder.foldAccentedLatin(cell) else { continue }
                taken += 1
                if latin != folder.foldThroughWords(cell) { wrong.append(cell) }
            }
            found.withLock { $0.taken += taken; $0.wrong += wrong }
        }
        let (taken, wrong) = found.withLock { $0 }
        if FileManager.default.fileExists(atPath: DevSetWords.directory.path) { #expect(taken > 5_000, "only \(taken) names took the path") }
        #expect(wrong.count == 0, "\(wrong.count) of \(taken) differ, e.g. \(wrong.prefix(10))")
    }

    // MARK: Cyrillic words

    @Test(arguments: [
        ("Қасым-Жомарт Тоқаев", true), ("  Ханты-Мансийск ", true), ("Москва", true),
        ("Кам'янець-Подільський", false), ("Москва 2", false), ("Мо\u{301}сква", false), ("Ташкент/Toshkent", false),
    ])
    func cyrillicWordsAreTheTokenizers(name: String, isCut: Bool) {
        // Letters, spaces and hyphens alone are cut here; an apostrophe, a digit, a mark or another script goes to `Tokenizer`.
        #expect((NameFolder.cyrillicWords(name) != nil) == isCut)
        if let words = NameFolder.cyrillicWords(name) { #expect(words == Tokenizer.words(ICU.nfc(name))) }
    }

    @Test func everyDevSetCellCutAsCyrillicWordsIsCutAsTheTokenizerCutsIt() {
        var taken = 0, wrong: [String] = []
        for cell in DevSetWords.cells {
            guard let words = NameFolder.cyrillicWords(cell) else { continue }
            taken += 1
            if words != Tokenizer.words(ICU.nfc(cell)) || NameFolder.collapseWhitespace(cell) != NameFolder.collapseWhitespace(ICU.nfc(cell)) { wrong.append(cell) }
        }
        if FileManager.default.fileExists(atPath: DevSetWords.directory.path) { #expect(taken > 5_000, "only \(taken) cells were cut") }
        #expect(wrong.count == 0, "\(wrong.count) of \(taken) differ, e.g. \(wrong.prefix(10))")
    }

    @Test(arguments: ["qU'Antony", "QU'Antony", "L'Ukraine", "D'Alema", "d'Astana"])
    func bothPathsElideTheSamePrefixes(name: String) {
        // Regression: the fast path once lower-cased before comparing, the tokenizer did not.
        #expect(NameFolder.shared.fold(name).tokens == foldThroughUnicodePath(name).tokens)
    }

    @Test func digitsOnlyNameHasNoLetterScriptOnEitherPath() {
        // NameForm.scripts is documented as "scripts the name's letters are written in".
        #expect(foldThroughUnicodePath("1984").scripts.isEmpty)
        #expect(NameFolder.shared.fold("1984").scripts.isEmpty)
    }

    // MARK: Normalisation and case

    @Test func decomposedAndComposedAccentsFoldAlike() {
        let decomposed = NameFolder.shared.fold("Ouzbe\u{301}kistan")
        let composed = NameFolder.shared.fold("Ouzb\u{E9}kistan")
        #expect(decomposed.tokens == ["ouzbekistan"])
        #expect(decomposed.tokens == composed.tokens)
        // The display form is NFC: the decomposed é is composed.
        #expect(decomposed.display.unicodeScalars.elementsEqual(composed.display.unicodeScalars))
    }

    @Test(arguments: [
        ("STRASSE", "Straße"),   // German sharp s folds to ss
        ("TASHKENT", "tashkent"), // ASCII upper and lower case
        ("ΣΊΣΥΦΟΣ", "σίσυφος"),  // Greek capital and final sigma
        ("ÜRÜMQI", "ürümqi"),     // Latin letters with diacritics
        ("МОСКВА", "москва"),     // Cyrillic capitals
    ])
    func caseIsFolded(upper: String, lower: String) {
        let a = NameFolder.shared.fold(upper), b = NameFolder.shared.fold(lower)
        #expect(!a.isEmpty)
        #expect(a.romanizations == b.romanizations)
        #expect(a.tokens.allSatisfy { $0 == $0.lowercased() })
    }

    @Test func whiteSpaceIsCollapsedInTheDisplayForm() {
        #expect(NameFolder.shared.fold("  Kassym   Tokayev  ").display == "Kassym Tokayev")
        #expect(NameFolder.shared.fold(" Ташкент\u{00A0}\u{00A0}шаҳри ").display == "Ташкент шаҳри")
    }

    // MARK: Cyrillic orthographies

    @Test(arguments: [
        // Kazakh (қ): Kazakh BGN/PCGN reads Қ as q, Ж as zh.
        ("Қасым-Жомарт Тоқаев", ["qasym", "zhomart", "toqaev"]),
        // Kyrgyz (ө): Kyrgyz BGN/PCGN, ө as o.
        ("Ысык-Көл", ["ysyk", "kol"]),
        // Ukrainian (ї): и is y, ї is yi.
        ("Київ", ["kyyiv"]),
        // Belarusian (ў): г is h, ё is yo, ў is w.
        ("Магілёў", ["mahilyow"]),
        // Russian: е after a vowel is ye (BGN/PCGN).
        ("Токаев", ["tokayev"]),
    ])
    func cyrillicNamesAreReadInTheirOwnOrthography(name: String, primary: [String]) {
        let form = NameFolder.shared.fold(name)
        #expect(form.tokens == primary)
        #expect(form.scripts == [.cyrillic])
    }

    @Test func russianNameKeepsTheISOStyleReadingAsASecondRomanization() {
        let form = NameFolder.shared.fold("Токаев")
        #expect(form.romanizations.first == ["tokayev"])
        #expect(form.romanizations.contains(["tokaev"]))
    }

    @Test func lettersLatinASCIILeavesAreSpeltNotDropped() {
        // ICU's Latin-ASCII leaves ə as it is, and only ASCII letters make words: Əliyev was "liyev".
        #expect(NameFolder.shared.fold("İlham Əliyev").romanizations == [["ilham", "aliyev"]])
        #expect(NameFolder.shared.fold("Gəncə").tokens == ["ganca"])
        #expect(NameFolder.shared.fold("Lǝnkǝran").tokens == ["lankaran"])
        #expect(NameFolder.shared.fold("Bamakɔ").tokens == ["bamako"])
        #expect(NameFolder.shared.fold("Zaɣwan").tokens == ["zaghwan"])
        #expect(NameFolder.shared.fold("Şəki Ağdam").tokens == NameFolder.shared.fold("Şaki Ağdam").tokens, "the general path too")
    }

    @Test func urduPashtoAndKurdishLettersAreReadNotDropped() {
        // ICU's Arabic-Latin leaves ہ, ھ, ٹ and ے as they are: لاہور was "law", بھٹو "bw".
        #expect(NameFolder.shared.fold("لاہور").tokens == NameFolder.shared.fold("لاهور").tokens)
        #expect(NameFolder.shared.fold("بھٹو").tokens == NameFolder.shared.fold("بهتو").tokens)
        #expect(NameFolder.shared.fold("پښتون").tokens == ["pshtwn"])
    }

    @Test func serbianLettersAreReadNotDropped() {
        // Russian BGN has no ђ, ј, љ or џ: read through it alone, Алејск was "alesk". Latin-ASCII
        // writes đ as d, as for Vietnamese.
        #expect(NameFolder.shared.fold("Алејск").romanizations == [["alejsk"], ["aleysk"]])
        #expect(NameFolder.shared.fold("Манзаниљо").romanizations == [["manzaniljo"], ["manzanilo"]])
        #expect(NameFolder.shared.fold("Бетпејџ").romanizations == [["betpejdz"], ["betpeydzh"]])
        #expect(NameFolder.shared.fold("Ђоковић").romanizations == [["dokovic"], ["dzhokovich"]])
        #expect(NameFolder.shared.fold("Ќичево").romanizations == [["kicevo"], ["kichevo"]])
    }

    @Test func kazakhNameAlsoGetsTheRussianReading() {
        // The English-language press spells Kazakh names through Russian: Kassym-Jomart Tokayev.
        let form = NameFolder.shared.fold("Қасым-Жомарт Тоқаев")
        #expect(form.romanizations.contains(["kasym", "zhomart", "tokayev"]))
        #expect(form.romanizations.count == Set(form.romanizations).count, "romanisations are distinct")
    }

    @Test(arguments: [
        ("Қазақстан", CyrillicOrthography.kazakh),      // қ, only Kazakh and Uzbek write it; no Uzbek letters
        ("Мұхтар Тілеуберді", .kazakh),                 // ұ is Kazakh only
        ("Ысык-Көл", .kyrgyz),                          // ө without Kazakh letters
        ("Түп", .kyrgyz),                               // ү without Kazakh letters
        ("Київ", .ukrainian),                           // ї
        ("Україна", .ukrainian),                        // і without ў
        ("Ґалаґан", .ukrainian),                        // ґ
        ("Магілёў", .belarusian),                       // ў with і, no и
        ("Баравічы", .belarusian),                      // і with ы, which Ukrainian does not write
        ("Мінеральныя Воды", .belarusian),
        ("Ўзбекистон", .uzbek),                         // ў with и
        ("Тошкент шаҳри", .uzbek),                      // ҳ
        ("Ҷумъа", .tajik),                              // ҷ
        ("Крагујевац", .serbian),                       // ј, which Macedonian writes too
        ("Ђаковица", .serbian),                         // ђ is Serbian only
        ("Ќичево", .macedonian),                        // ќ is Macedonian only
        ("Ѓорче Петров", .macedonian),                  // ѓ
        ("Москва", .russian),                           // no letter outside Russian
        ("Токаев", .russian),                           // the Russian spelling of a Kazakh surname
    ])
    func cyrillicOrthographyIsDetectedFromItsOwnLetters(text: String, expected: CyrillicOrthography) {
        #expect(CyrillicOrthography.detect(in: text.unicodeScalars) == expected)
    }

    @Test func sharedCyrillicLettersDecideNothing() {
        #expect(CyrillicOrthography.detect(in: "".unicodeScalars) == .russian)
        #expect(CyrillicOrthography.detect(in: "Putin".unicodeScalars) == .russian)
    }

    // MARK: Other scripts

    @Test(arguments: [
        ("Αθήνα", Script.greek),       // Greek
        ("بغداد", .arabic),            // Arabic
        ("ירושלים", .hebrew),          // Hebrew
        ("Երևան", .armenian),          // Armenian
        ("თბილისი", .georgian),        // Georgian
        ("北京", .han),                // Han
    ])
    func nonLatinScriptsFoldToASCIIWords(name: String, script: Script) {
        let form = NameFolder.shared.fold(name)
        #expect(form.scripts == [script])
        #expect(!form.tokens.isEmpty)
        for token in form.tokens {
            #expect(!token.isEmpty && token.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) },
                    "\(token) is not lower-case ASCII")
        }
    }

    @Test(arguments: [
        ("Αθήνα", ["athina"]),      // Greek UNGEGN
        ("Երևան", ["yerevan"]),     // Armenian BGN
        ("თბილისი", ["tbilisi"]),   // Georgian BGN
        ("北京", ["bei", "jing"]),   // Han, pinyin syllables as words
    ])
    func nonLatinScriptsUseTheConventionalRomanisation(name: String, tokens: [String]) {
        #expect(NameFolder.shared.fold(name).tokens == tokens)
    }

    // MARK: Words

    @Test(arguments: [
        ("Kassym-Jomart Tokayev", ["kassym", "jomart", "tokayev"]), // ASCII hyphen
        ("Қасым-Жомарт", ["qasym", "zhomart"]),                     // hyphen in Cyrillic
        ("Jean\u{2010}Yves", ["jean", "yves"]),                      // Unicode hyphen
    ])
    func hyphensSplitWords(name: String, tokens: [String]) {
        #expect(NameFolder.shared.fold(name).tokens == tokens)
    }

    @Test(arguments: [
        ("O'Brien", ["obrien"]),               // Irish O' closes up
        ("l'Ouzbékistan", ["ouzbekistan"]),    // French article l' dropped
        ("d’Astana", ["astana"]),              // typographic apostrophe, article d' dropped
        ("d'Astana", ["astana"]),              // ASCII apostrophe, fast path
        ("qu'Antony", ["antony"]),             // conjunction qu' dropped
        ("D'Alema", ["dalema"]),               // upper-case D' is part of the surname
        ("D’Alema", ["dalema"]),               // the same through the Unicode path
        ("Ma\u{2BC}arrat", ["maarrat"]),       // modifier-letter apostrophe closes up
        ("président d'Ouzbékistan", ["president", "ouzbekistan"]), // article inside a phrase
    ])
    func apostrophesCloseUpOrDropAnElidedArticle(name: String, tokens: [String]) {
        #expect(NameFolder.shared.fold(name).tokens == tokens)
    }

    @Test(arguments: [
        "",            // nothing
        "   ",         // white space
        "...",         // ASCII punctuation
        "— « » ·",     // Unicode punctuation
        "'",           // a lone apostrophe
        "-\t-",        // hyphens and a tab
    ])
    func punctuationOnlyGivesAnEmptyForm(name: String) {
        let form = NameFolder.shared.fold(name)
        #expect(form.isEmpty)
        #expect(form.key == "")
        #expect(form.romanizations == [[]])
    }

    /// `MentionFinder` spots gazetteer phrases by folding each word of the text once and joining
    /// them: that needs the key of words joined by spaces to be their keys joined, outside Cyrillic.
    @Test func withoutCyrillicTheKeyOfWordsJoinedIsTheirKeysJoined() {
        var random = SeededGenerator(seed: 17)
        let letters: [Character] = Array("abdlqutvzAEDLQTZéèçüÖñßøαβγ'’-‐.") + ["e\u{301}", "\u{301}"]
        for _ in 0..<2000 {
            let words = (0..<Int.random(in: 1...4, using: &random)).map { _ in random.word(from: letters, length: 1...7) }
            let folder = NameFolder()
            let joined = folder.fold(words.joined(separator: " ")).key
            let wordByWord = words.flatMap { folder.fold($0).tokens }.joined(separator: " ")
            #expect(joined == wordByWord, "\(words)")
        }
    }

    @Test func keyJoinsTheTokensWithSingleSpaces() {
        #expect(NameFolder.shared.fold("  Kassym-Jomart   TOKAYEV ").key == "kassym jomart tokayev")
    }

    // MARK: Concurrency

    @Test func foldingIsThreadSafe() async {
        let names = [
            "Қасым-Жомарт Тоқаев", "Токаев", "Київ", "Магілёў", "Ысык-Көл", "Αθήνα", "بغداد", "ירושלים",
            "Երևան", "თბილისი", "北京", "l'Ouzbékistan", "d’Astana", "Tokaïev", "Ўзбекистон", "Ҷумъа",
            "Мұхтар Тілеуберді", "Владимир Путин", "Зеленський", "Лукашэнка", "Vladimir Putin", "Straße",
        ]
        let serial = names.map { NameFolder().fold($0) }
        // A fresh folder with a tiny cache: every task hits ICU and the cache is cleared often.
        let shared = NameFolder(cacheLimit: 4)
        let results = await withTaskGroup(of: [NameForm].self) { group in
            for task in 0..<16 {
                group.addTask {
                    (0..<20).flatMap { round in
                        // Each task walks the names from a different starting point.
                        names.indices.map { shared.fold(names[($0 + task + round) % names.count]) }
                    }
                }
            }
            var all: [[NameForm]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 16)
        let expected = Dictionary(uniqueKeysWithValues: zip(names, serial))
        for forms in results {
            for form in forms {
                #expect(expected[form.display] == form, "\(form.display) folded differently under concurrency")
            }
        }
    }
}
