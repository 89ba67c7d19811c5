@testable import Canonym
import CanonymTestSupport
import Testing

/// How many scalars `UTF8Counts` finds in the text's bytes, as a scan counts a chunk's.
private func scalarCount(of text: String) -> Int { Array(text.utf8).withUnsafeBufferPointer(UTF8Counts.scalars) }

@Suite struct TextWordsScalarsTests {
    /// One, two, three and four UTF-8 bytes, a combining mark, no-break spaces and an empty text.
    @Test(arguments: ["", "Astana", "Tokaïev à Moscou", "Қасым-Жомарт Тоқаев", "北京 東京", "𝔸𝕤𝕥𝕒𝕟𝕒 🇰🇿", "n\u{303}andu\u{A0}\u{202F}x", "\n\t\r"])
    func decodedScalarsAreTheStringsOwn(text: String) {
        #expect(TextWords.scalars(of: text) == Array(text.unicodeScalars))
        #expect(scalarCount(of: text) == text.unicodeScalars.count)
    }

    /// Random texts of ASCII runs of every length beside scalars of two, three and four bytes,
    /// so that each falls at every place of an eight-byte block.
    @Test func asciiBlocksAndLongerScalarsDecodeWherever() {
        var random = SeededGenerator(seed: 3)
        let alphabet: [Character] = ["a", "Z", " ", "\n", "é", "Қ", "北", "🇰", "e\u{301}"]
        for _ in 0..<2000 {
            let text = random.word(from: alphabet, length: 0...40)
            #expect(TextWords.scalars(of: text) == Array(text.unicodeScalars), "\(text)")
            #expect(scalarCount(of: text) == text.unicodeScalars.count, "\(text)")
        }
    }

    @Test func aBridgedOrSlicedStringDecodesToo() {
        let long = String(repeating: "Ouzbékistan, Кыргызстан; ", count: 50)
        let sliced = String(long.dropFirst(3).prefix(400))
        #expect(TextWords.scalars(of: sliced) == Array(sliced.unicodeScalars))
        #expect(scalarCount(of: sliced) == sliced.unicodeScalars.count)
    }
}

@Suite struct TextWordsPropertiesTests {
    /// The shortcuts for ASCII and Latin-1 answer as the Unicode properties do, on every scalar
    /// of the first three blocks and on a few beyond.
    @Test func letterShortcutsAgreeWithTheProperties() {
        let scalars = (0..<0x250).compactMap(Unicode.Scalar.init) + ["Қ", "қ", "Σ", "北", "\u{301}", "İ"]
        for scalar in scalars {
            #expect(TextWords.isAlphabetic(scalar) == scalar.properties.isAlphabetic, "U+\(String(scalar.value, radix: 16))")
            #expect(TextWords.isUppercase(scalar) == scalar.properties.isUppercase, "U+\(String(scalar.value, radix: 16))")
        }
    }
}
