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

    /// The table for one of the Cyrillic transforms `NameFolder` runs (`transformIDs`), made on
    /// first use (`made`); nil for another transform. Each is a lazy global: no lock is taken per word.
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

    private static let russian = made(CyrillicOrthography.russian.transformID)
    private static let iso = made(NameFolder.isoReading)
    private static let kazakh = made(CyrillicOrthography.kazakh.transformID)
    private static let kyrgyz = made(CyrillicOrthography.kyrgyz.transformID)
    private static let ukrainian = made(CyrillicOrthography.ukrainian.transformID)
    private static let belarusian = made(CyrillicOrthography.belarusian.transformID)
    private static let serbian = made(CyrillicOrthography.serbian.transformID)
    private static let macedonian = made(CyrillicOrthography.macedonian.transformID)

    /// The transforms `shared` gives a table for.
    static let transformIDs = [
        CyrillicOrthography.russian.transformID, NameFolder.isoReading, CyrillicOrthography.kazakh.transformID,
        CyrillicOrthography.kyrgyz.transformID, CyrillicOrthography.ukrainian.transformID, CyrillicOrthography.belarusian.transformID,
        CyrillicOrthography.serbian.transformID, CyrillicOrthography.macedonian.transformID,
    ]

    /// The table for `transformID` from ICU's answers embedded for this ICU version
    /// (`CyrillicLettersEmbedded`) when it is the version linked, else asked of ICU now: the
    /// first transliterator ICU builds sets up its registry, about 140 M instructions, half the
    /// start-up of a process matching one Cyrillic name.
    private static func made(_ transformID: String) -> CyrillicLetters? {
        if CyrillicLettersEmbedded.isFor(ICU.version), let answers = CyrillicLettersEmbedded.answers(for: transformID) {
            return Self(transformID: transformID, answers: answers)
        }
        return Self(transformID: transformID, asking: NameFolder.romanizeThroughICU)
    }

    /// The lower-case letters of `range`, in order: the letters each table answers for.
    static let letters = range.compactMap(Unicode.Scalar.init).filter { $0.properties.generalCategory == .lowercaseLetter }

    /// A table from `romanize` (ICU's two steps on case-folded text), asked once with every
    /// letter of `range`, each a word of its own. Nil when the answer does not come back one
    /// word per letter.
    init?(transformID: String, asking romanize: (String, String) -> String?) {
        guard let answers = Self.answers(for: transformID, asking: romanize) else { return nil }
        self.init(transformID: transformID, answers: answers)
    }

    /// The answers of `romanize` for each of `letters` (nil: none kept), or nil when they do not
    /// come back one word per letter.
    static func answers(for transformID: String, asking romanize: (String, String) -> String?) -> [[UInt8]?]? {
        LetterTableAnswers.ask(letters.map(String.init), transform: transformID, romanize: romanize)
    }

    /// A table from the answers for each of `letters`, in order.
    init(transformID: String, answers: [[UInt8]?]) {
        var pieces = [[UInt8]?](repeating: nil, count: Self.range.count)
        for (letter, answer) in zip(Self.letters, answers) { pieces[Int(letter.value - Self.range.lowerBound)] = answer }
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

extension CyrillicLettersEmbedded {
    /// Whether the answers were asked of ICU `version`.
    static func isFor(_ version: String) -> Bool { version == icuVersion }

    /// The embedded answers for `transformID`, one per letter of `CyrillicLetters.letters`; nil
    /// for a transform not embedded.
    static func answers(for transformID: String) -> [[UInt8]?]? { tables[transformID] }

    /// Each line: the transform, a letter's code point (hex) and its answer's bytes (hex; `_` for
    /// an empty answer, `-` for none kept), space-separated; the letters of a transform in order.
    private static let tables: [String: [[UInt8]?]] = {
        var tables: [String: [[UInt8]?]] = [:]
        EmbeddedLines.forEachLine(of: lines) { fields in
            guard fields.count == 3 else { return }
            let answer: [UInt8]? = fields[2].elementsEqual("_".utf8) ? [] : EmbeddedLines.hexBytes(fields[2])
            tables[String(decoding: fields[0], as: UTF8.self), default: []].append(answer)
        }
        // A transform whose lines do not cover every letter is asked of ICU instead.
        return tables.filter { $0.value.count == CyrillicLetters.letters.count }
    }()

    /// The lines `lines` holds for `answers` of `transformID` (written by the tests).
    static func lines(of transformID: String, answers: [[UInt8]?]) -> [String] {
        zip(CyrillicLetters.letters, answers).map { letter, answer in
            let hex = answer.map { $0.isEmpty ? "_" : $0.map { String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined() } ?? "-"
            return "\(transformID) \(String(letter.value, radix: 16, uppercase: true).leftPadded(to: 4)) \(hex)"
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
