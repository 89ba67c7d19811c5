@testable import Canonym
import Testing

@Suite struct ChunkWordsTests {
    static let texts = [
        "Tokaïev ÉLYSÉE Straße", "Қасым ТОҚАЕВ", "ΣΟΦΙΑ Αθήνα", "ǅemal Ⅻ Ⓐtlas", "İstanbul", "déclaré à l'ONU",
        "北京 ١٢", "M. Blinken a rencontré le président Tokaïev à Astana, lors de sa visite.",
    ]

    /// A word's text is its scalars, made when cut for capitalised words only.
    @Test(arguments: texts)
    func everyWordsTextIsItsScalars(text: String) {
        let words = TextWords.words(in: TextWords.scalars(of: text))
        #expect(words.count > 0)
        for index in 0..<words.count {
            let word = words[index]
            #expect(words.text(index) == String(String.UnicodeScalarView(words.scalars[word.start..<word.end])))
            #expect((word.madeText != nil) == word.isCapitalised, "\(words.text(index))")
        }
    }

    /// A lexicon asked about a word's scalars answers as it does for the word's lowered string.
    @Test(arguments: texts)
    func lexiconQuestionsAnswerAsForTheLoweredString(text: String) {
        let words = TextWords.words(in: TextWords.scalars(of: text))
        let lexicon = WordSet((0..<words.count).map { words.text($0).lowercased() })
        let written = WordSet((0..<words.count).map { words.text($0) })
        for index in 0..<words.count {
            let word = words.text(index)
            #expect(words.word(index, isIn: lexicon, lowercased: true), "\(word)")
            #expect(words.word(index, isIn: written, lowercased: false), "\(word)")
            #expect(words.word(index, isIn: lexicon, lowercased: false) == lexicon.contains(word), "\(word)")
        }
    }

    /// Elided articles (with an ASCII, a curly or a modifier-letter apostrophe), possessives and
    /// joined particles: the word kept, and whether it is capitalised.
    @Test(arguments: [
        ("l'Ouzbékistan", "Ouzbékistan", true), ("L'invasion", "L'invasion", false), ("d’Astana", "Astana", true),
        ("lʼAstana", "Astana", true), ("Maʼarrat", "Maʼarrat", true), ("Tokayev's", "Tokayev", true),
        ("al-Assad", "al-Assad", true), ("ben-Gourion", "ben-Gourion", true), ("ex-Président", "ex-Président", false),
        ("aujourd'hui", "aujourd'hui", false), ("QU'Antony", "Antony", true), ("jean-l'Ouz", "jean-l'Ouz", false),
    ])
    func elisionsPossessivesAndParticles(text: String, word: String, isCapitalised: Bool) {
        let words = TextWords.words(in: TextWords.scalars(of: text))
        #expect(words.count == 1)
        #expect(words.text(0) == word)
        #expect(words[0].isCapitalised == isCapitalised)
    }

    /// A full stop after one character (an initial, also one written with a combining accent) or
    /// a title abbreviation does not open a sentence; after another word it does.
    @Test(arguments: [("vu M. Blinken", false), ("vu E\u{301}. Macron", false), ("vu Mme. Colonna", false),
                      ("vu Ab. Macron", true), ("vu mme. Colonna", true), ("vu Mme.Colonna", false)])
    func fullStopsAfterAbbreviationsOpenNoSentence(text: String, opensSentence: Bool) {
        let words = TextWords.words(in: TextWords.scalars(of: text))
        #expect(words[words.count - 1].startsSentence == opensSentence)
    }
}
