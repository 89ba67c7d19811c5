@testable import Canonym
import Testing

@Suite struct TextWordLowercaseTests {
    @Test func latin1IsToldAsItsPropertyTellsIt() {
        let wrong = (0..<0x100).compactMap(Unicode.Scalar.init).filter { scalar in
            TextWords.changesWhenLowercased([scalar][...]) != scalar.properties.changesWhenLowercased
        }
        #expect(wrong.isEmpty, "\(wrong.map { String($0.value, radix: 16) })")
    }

    /// Capitals of several scripts, a title-case digraph, a Roman numeral, a circled letter, a
    /// dotted capital I, and words with no capital at all.
    @Test(arguments: ["Tokaïev ÉLYSÉE Straße", "Қасым ТОҚАЕВ", "ΣΟΦΙΑ Αθήνα", "ǅemal Ⅻ Ⓐtlas", "İstanbul", "déclaré à l'ONU", "北京 ١٢"])
    func everyWordsLowerCaseIsTheStringsOwn(text: String) {
        let words = TextWords.words(in: TextWords.scalars(of: text))
        #expect(!words.isEmpty)
        for word in words { #expect(word.lowercased == word.text.lowercased(), "\(word.text)") }
    }
}
