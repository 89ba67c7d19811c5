/// ICU's romanisation of lower-case Cyrillic letters for one transform, asked of ICU once (every
/// letter in one call), so that a Cyrillic word is romanised without an ICU call: ICU runs every
/// rule-based transform of the process under one global lock, so folding a gazetteer's Cyrillic
/// names through it kept the second core waiting.
///
/// Each letter keeps what `asciiWords` keeps of ICU's answer ("transform; Latin-ASCII" on the
/// letter alone): its ASCII letters and digits. The Cyrillic transforms read no context on
/// lower-case letters but for one: Russian BGN/PCGN writes *ye* for *е* and *ё* at the start
/// of a word and after a vowel, *й*, *ъ* or *ь*, and *e* elsewhere. ICU's rules do this in a
/// first pass that reads the text as it is being rewritten (after a vowel that the pass has
/// already written as *ye* or *·y*, the next *е* is plain *e*), which `romanize` follows.
/// `CyrillicLettersTests` holds every pair and triple of letters, longer runs of vowels and
/// every dev-set word to ICU's own answers. A word with any other character goes to ICU.
struct CyrillicLetters: Sendable {
    /// The lower-case letters the tables hold: U+0430–U+04FF.
    static let range: ClosedRange<UInt32> = 0x0430...0x04FF
    /// Romanisation of `range.lowerBound + i`, as ASCII bytes; nil for a character that is not
    /// a lower-case letter or whose answer separates words.
    private let pieces: [[UInt8]?]
    private let readsRussianVowelContext: Bool

    /// The table for one of the Cyrillic transforms `NameFolder` runs, asked of ICU on first use;
    /// nil for another transform. Each is a lazy global: no lock is taken per word.
    static func shared(_ transformID: String) -> CyrillicLetters? {
        switch transformID {
        case CyrillicOrthography.russian.transformID: russian
        case NameFolder.isoReading: iso
        case CyrillicOrthography.kazakh.transformID: kazakh
        case CyrillicOrthography.kyrgyz.transformID: kyrgyz
        case CyrillicOrthography.ukrainian.transformID: ukrainian
        case CyrillicOrthography.belarusian.transformID: belarusian
        case CyrillicOrthography.serbian.transformID: serbian
        case CyrillicOrthography.macedonian.transformID: macedonian
        default: nil
        }
    }

    private static let russian = Self(transformID: CyrillicOrthography.russian.transformID, asking: NameFolder.romanizeThroughICU)
    private static let iso = Self(transformID: NameFolder.isoReading, asking: NameFolder.romanizeThroughICU)
    private static let kazakh = Self(transformID: CyrillicOrthography.kazakh.transformID, asking: NameFolder.romanizeThroughICU)
    private static let kyrgyz = Self(transformID: CyrillicOrthography.kyrgyz.transformID, asking: NameFolder.romanizeThroughICU)
    private static let ukrainian = Self(transformID: CyrillicOrthography.ukrainian.transformID, asking: NameFolder.romanizeThroughICU)
    private static let belarusian = Self(transformID: CyrillicOrthography.belarusian.transformID, asking: NameFolder.romanizeThroughICU)
    private static let serbian = Self(transformID: CyrillicOrthography.serbian.transformID, asking: NameFolder.romanizeThroughICU)
    private static let macedonian = Self(transformID: CyrillicOrthography.macedonian.transformID, asking: NameFolder.romanizeThroughICU)

    /// A table from `romanize` (ICU's two steps on case-folded text), asked once with every
    /// letter of `range`, each a word of its own. Nil when the answer does not come back one
    /// word per letter.
    init?(transformID: String, asking romanize: (String, String) -> String?) {
        let letters = Self.range.compactMap(Unicode.Scalar.init).filter { $0.properties.generalCategory == .lowercaseLetter }
        guard let answers = LetterTableAnswers.ask(letters.map(String.init), transform: transformID, romanize: romanize) else { return nil }
        var pieces = [[UInt8]?](repeating: nil, count: Self.range.count)
        for (letter, answer) in zip(letters, answers) { pieces[Int(letter.value - Self.range.lowerBound)] = answer }
        self.pieces = pieces
        readsRussianVowelContext = transformID == CyrillicOrthography.russian.transformID
    }

    /// The ASCII letters `asciiWords` keeps of ICU's romanisation of `word`, case-folded as
    /// ICU folds it (`CyrillicCaseFolds`), or nil when a character of `word` is not in the table.
    func romanize(_ word: String) -> String? {
        var out: [UInt8] = []
        return appendRomanization(of: word, to: &out) ? String(decoding: out, as: UTF8.self) : nil
    }

    /// Appends `romanize(word)` to `out`; false, with `out` partly written, when a character
    /// is not in the table.
    func appendRomanization(of word: String, to out: inout [UInt8]) -> Bool {
        out.reserveCapacity(out.count + word.utf8.count + 4)
        // The letter before as Russian BGN's first pass left it: nil at the start of the word
        // and where that pass rewrote it in Latin letters.
        var previous: Unicode.Scalar?, isFirst = true
        let caseFolds = CyrillicCaseFolds.shared
        for character in word.unicodeScalars {
            guard let scalar = caseFolds.fold(character), Self.range.contains(scalar.value),
                  let piece = pieces[Int(scalar.value - Self.range.lowerBound)] else { return false }
            if readsRussianVowelContext {
                let rewritten = switch scalar {
                case "е", "ё": previous.map(Self.beforeYe.contains) ?? false
                case "ы": previous.map(Self.vowels.contains) ?? false
                case "э": !isFirst && !(previous.map { Self.vowels.contains($0) || $0 == "й" } ?? false)
                default: false
                }
                if scalar == "е" || scalar == "ё" { out += rewritten || isFirst ? Self.ye : Self.e } else { out += piece }
                previous = rewritten ? nil : scalar
            } else {
                out += piece
            }
            isFirst = false
        }
        return true
    }

    /// Russian BGN/PCGN's vowels, and the letters after which е and ё read ye.
    private static let vowels: Set<Unicode.Scalar> = ["а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я"]
    private static let beforeYe = vowels.union(["й", "ъ", "ь"])
    private static let ye = Array("ye".utf8), e = Array("e".utf8)
}
