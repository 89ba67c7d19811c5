@testable import Canonym
import Testing

@Suite struct TokenizerTests {
    @Test func wordScalarsAnsweredWithoutPropertiesAreThoseOfTheUnicodeProperties() {
        // isWordScalar answers ASCII, Latin and Cyrillic without reading properties; this is what
        // the properties say, over the first blocks of the code space.
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let p = scalar.properties
            let byProperties = p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
                || p.generalCategory == .spacingMark || p.generalCategory == .enclosingMark
            #expect(Tokenizer.isWordScalar(scalar) == byProperties, "U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: [
        ("Kassym-Jomart Tokayev", ["Kassym", "Jomart", "Tokayev"]), // hyphen and space separate
        ("V. Putin", ["V", "Putin"]),                               // a dot ends an initial
        ("Salt Lake City,Utah", ["Salt", "Lake", "City", "Utah"]),   // comma without a space
        ("G7", ["G7"]),                                             // digits stay in the word
        ("  ", []),                                                 // white space only
        ("Тоқаев (Токаев)", ["Тоқаев", "Токаев"]),                   // brackets separate
    ])
    func punctuationAndSpacesSeparateWords(text: String, words: [String]) {
        #expect(Tokenizer.words(text) == words)
    }

    @Test(arguments: [
        ("O'Brien", ["OBrien"]),                 // not an article: the word closes up
        ("Ma’arrat", ["Maarrat"]),               // typographic apostrophe inside a word
        ("l'Ouzbékistan", ["Ouzbékistan"]),      // French article l'
        ("L'Express", ["Express"]),              // capitalised article L'
        ("d’Astana", ["Astana"]),                // article d' with U+2019
        ("qu'Antony", ["Antony"]),               // conjunction qu'
        ("Qu'Antony", ["Antony"]),               // capitalised conjunction
        ("D'Alema", ["DAlema"]),                 // upper-case D' is part of the surname
        ("'Ali", ["Ali"]),                       // an apostrophe before any letter is dropped
        ("Ali'", ["Ali"]),                       // and after the last one
        ("l' Ouzbékistan", ["l", "Ouzbékistan"]), // a space after the apostrophe keeps the l
    ])
    func apostrophesNeverSeparate(text: String, words: [String]) {
        #expect(Tokenizer.words(text) == words)
    }

    @Test(arguments: [
        ("Zh·eenbekov", ["Zheenbekov"]),          // BGN/PCGN: zh for з and х, not ж
        ("Gal·lípoli", ["Gallípoli"]),            // Catalan l·l
        ("Волховъ · градъ", ["Волховъ", "градъ"]), // spaced, it is no word's
        ("·Astana·", ["Astana"]),
    ])
    func middleDotsNeverSeparate(text: String, words: [String]) {
        #expect(Tokenizer.words(text) == words)
    }

    @Test func combiningMarksStayWithTheirLetter() {
        let words = Tokenizer.words("Ouzbe\u{301}kistan Tokai\u{308}ev")
        #expect(words.count == 2)
        #expect(words.first?.unicodeScalars.contains("\u{301}") == true)
        #expect(words.last?.unicodeScalars.contains("\u{308}") == true)
    }

    @Test(arguments: [
        "\u{27}",   // ASCII apostrophe
        "\u{60}",   // grave accent used as one
        "\u{2019}", // right single quotation mark
        "\u{2BC}",  // modifier letter apostrophe
        "\u{2BB}",  // modifier letter turned comma (Uzbek oʻ)
    ])
    func apostropheVariantsAreRecognised(apostrophe: String) {
        #expect(Tokenizer.isApostrophe(apostrophe.unicodeScalars.first!))
        #expect(Tokenizer.words("O\(apostrophe)zbekiston") == ["Ozbekiston"])
    }
}
