@testable import Canonym
import Testing

@Suite struct ICUTests {
    @Test(arguments: [
        ("Ouzbékistan", "Ouzbékistan"),                     // precomposed already: left as it is
        ("Ouzbe\u{301}kistan", "Ouzbékistan"),              // a combining accent composes
        ("\u{1100}\u{1161}", "\u{AC00}"),                   // Hangul jamo compose (the vowel has class 0)
        ("\u{212B}", "\u{C5}"),                             // the ångström sign is a singleton: Å
        ("й", "й"),                                         // Cyrillic short i, precomposed
        ("и\u{306}", "й"),                                  // and composed from и + breve
    ])
    func nfcComposesWhatItMustAndLeavesTheRest(text: String, nfc: String) {
        #expect(Array(ICU.nfc(text).unicodeScalars) == Array(nfc.unicodeScalars))
    }
}
