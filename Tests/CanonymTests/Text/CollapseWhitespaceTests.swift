@testable import Canonym
import CanonymTestSupport
import Testing

/// `NameFolder.isCollapsed` lets a name skip the Character-level collapse: it must never say
/// so of a text the collapse would change.
@Suite struct CollapseWhitespaceTests {
    private func collapsedTheSlowWay(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private func check(_ text: String) -> Bool {
        !NameFolder.isCollapsed(text) || collapsedTheSlowWay(text).unicodeScalars.elementsEqual(text.unicodeScalars)
    }

    @Test(arguments: [
        "Łódź Kraków", "Москва Сити", "a b", "São Tomé", // single spaces between letters: collapsed
    ])
    func namesWithSingleSpacesAreCollapsedAlready(text: String) {
        #expect(NameFolder.isCollapsed(text))
        #expect(check(text))
    }

    @Test(arguments: [
        " a", "a ", "a  b", "a\tb", "a\u{A0}b", "a\u{2009}b",  // white space to collapse
        "a \u{301}b",                                        // a mark after a space makes one character of them
        "\u{600} a",                                         // a Prepend character before a space does too
        "a \u{E33}",                                         // Thai SARA AM is a spacing mark
        "a\r\nb", "a\u{1C}b", "",
    ])
    func textsTheCollapseMightChangeGoTheSlowWay(text: String) {
        #expect(check(text))
    }

    @Test func randomTextsNeverSkipAChangingCollapse() {
        let alphabet: [Character] = ["a", "é", "ж", "ά", " ", " ", "\t", "\u{A0}", "\u{301}", "\u{600}", "\u{E33}", "\u{200D}", "\u{1F3FB}", "\u{D4E}", "\u{1C}", "\n", "-"]
        var random = SeededGenerator(seed: 0xC011A95E)
        var wrong: [String] = []
        var skipped = 0
        for _ in 0..<20_000 {
            // Built from scalars so that marks and spaces meet as they would in a name.
            let text = String(String.UnicodeScalarView((0..<Int.random(in: 0...8, using: &random)).flatMap { _ in alphabet.randomElement(using: &random)!.unicodeScalars }))
            if NameFolder.isCollapsed(text) { skipped += 1 }
            if !check(text) { wrong.append(text) }
        }
        #expect(skipped > 100, "the fast path was hardly taken")
        #expect(wrong.isEmpty, "\(wrong.count) texts differ, e.g. \(wrong.prefix(10).map { $0.unicodeScalars.map { String($0.value, radix: 16) } })")
    }

    @Test func everyDevSetCellIsCollapsedAsTheSlowWayDoes() {
        var wrong: [String] = []
        for cell in DevSetWords.cells where !check(cell) { wrong.append(cell) }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test func whitespaceAboveASCIIIsTheUnicodeProperty() {
        var wrong: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if NameFolder.isNonASCIIWhitespace(value) != scalar.properties.isWhitespace { wrong.append(String(value, radix: 16)) }
        }
        #expect(wrong.isEmpty, "differ from the property: \(wrong)")
    }
}
