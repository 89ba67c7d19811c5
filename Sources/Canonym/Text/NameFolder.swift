/// Folds written names into ``NameForm``s: NFC, transliteration to Latin through ICU
/// (the Cyrillic scheme chosen by the letters present), Latin-ASCII, lower case, words,
/// abbreviated words written out (``WordAbbreviations``), company legal forms to their codes
/// (``LegalForms``); English number words also read as digits (``NumberWords``), as one more
/// romanisation.
///
/// ASCII, accented Latin, Cyrillic and Arabic letters never reach ICU: they are read from tables
/// asked of ICU once (``LatinLetterFolds``, ``CyrillicLetters``, ``ArabicLetters``). Other words
/// are folded once per transform and cached, so a corpus that repeats names pays ICU's price once
/// per distinct word.
/// Safe to share between threads.
///
/// ```swift
/// let folder = NameFolder()
/// folder.fold("Қасым-Жомарт Тоқаев").key   // "qasym zhomart toqaev"
/// folder.fold("l'Ouzbékistan").key        // "ouzbekistan"
/// ```
public final class NameFolder: Sendable {
    /// Words folded so far, per transform, keyed by the transform's and the word's UTF-8 (hashing
    /// bytes is cheaper than hashing non-ASCII strings, which normalises them first).
    /// Bounded: cleared when it grows past `cacheLimit`.
    private let cache: BoundedCache<ByteKey, [String]>

    public init(cacheLimit: Int = 200_000) {
        cache = BoundedCache(limit: cacheLimit)
    }

    /// The process-wide folder the library uses by default.
    public static let shared = NameFolder()

    /// Makes the table of accented Latin letters' folds (`LatinLetterFolds`) now rather than at
    /// the first such letter folded: it asks ICU, whose first transform costs milliseconds.
    static func prepareLatinLetters() { _ = LatinLetterFolds.shared }

    /// Folds one name. Never fails: a word ICU cannot transliterate is kept as its ASCII letters.
    /// - Complexity: O(n) in the name's length; ICU runs only for uncached non-ASCII words.
    public func fold(_ name: String) -> NameForm {
        if let ascii = Self.foldASCII(name) { return ascii }
        if let latin = Self.foldAccentedLatin(name) { return latin }
        return foldThroughWords(name)
    }

    /// The general path of `fold`: NFC, words as `Tokenizer` cuts them, each word folded alone
    /// (through its script's transform, for each Cyrillic reading).
    func foldThroughWords(_ name: String) -> NameForm {
        let display: String, words: [String]
        if let cyrillic = Self.cyrillicWords(name) {
            (display, words) = (Self.collapseWhitespace(name), cyrillic)
        } else {
            display = Self.collapseWhitespace(ICU.nfc(name))
            words = Tokenizer.words(display)
        }
        // Scripts as bits, which the form keeps: no set made or shared per name.
        var scriptMask = 0
        for word in words { for scalar in word.unicodeScalars { if let s = Script.of(scalar) { scriptMask |= s.bit } } }

        var schemes: [[String]]
        if scriptMask & Script.cyrillic.bit != 0 {
            let orthography = CyrillicOrthography.detect(in: display.unicodeScalars)
            var transforms = [orthography.transformID]
            if orthography != .russian { transforms.append(Self.russianReading) } else { transforms.append(Self.isoReading) }
            var seen: [String] = []  // two transforms: no set needed
            schemes = transforms.filter { id in
                guard !seen.contains(id) else { return false }
                seen.append(id)
                return true
            }.map { id in
                words.flatMap { foldWord($0, cyrillicTransform: id) }
            }
        } else {
            schemes = [words.flatMap { foldWord($0, cyrillicTransform: nil) }]
        }
        var distinct: [[String]] = [], misspelt = false
        for scheme in schemes.map({ LegalForms.collapsed(WordAbbreviations.expand($0)) }) {
            misspelt = misspelt || scheme.misspelt
            if !distinct.contains(scheme.words) { distinct.append(scheme.words) }
        }
        return NameForm(display: display, romanizations: Self.withNumberReadings(distinct), scriptMask: UInt16(scriptMask), hasMisspeltLegalForm: misspelt)
    }

    /// The words of a name written in Cyrillic letters with spaces and hyphens between them, as
    /// `Tokenizer` cuts them (those separate words, and NFC changes none of the letters), without
    /// its scalar-by-scalar rules; nil for any other name. Most Cyrillic names are written so.
    static func cyrillicWords(_ name: String) -> [String]? {
        var words: [String] = [], start: String.Index?
        let scalars = name.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index], value = scalar.value
            if value == 0x20 || value == 0x2D {
                if let begin = start { words.append(String(scalars[begin..<index])); start = nil }
            } else {
                guard value >= 0x400, value <= 0x52F, value != 0x482, ICU.isNFCStable(scalar) else { return nil }
                if start == nil { start = index }
            }
            index = scalars.index(after: index)
        }
        if let begin = start { words.append(String(scalars[begin...])) }
        return words.isEmpty ? nil : words
    }

    /// The words of `name`'s primary romanisation when its Cyrillic letters are read in
    /// `orthography`: what `fold` gives for a name whose letters choose that orthography.
    func tokens(of name: String, readingCyrillicAs orthography: CyrillicOrthography) -> [String] {
        LegalForms.collapse(WordAbbreviations.expand(Tokenizer.words(Self.collapseWhitespace(ICU.nfc(name))).flatMap { foldWord($0, cyrillicTransform: orthography.transformID) }))
    }

    /// `romanizations` followed by each one's reading with its number words as digits
    /// (``NumberWords``), where that is new; the same array when there are no number words.
    private static func withNumberReadings(_ romanizations: [[String]]) -> [[String]] {
        var readings = romanizations
        for words in romanizations { if let numbers = NumberWords.collapse(words), !readings.contains(numbers) { readings.append(numbers) } }
        return readings
    }

    /// The ICU transform that brings `word`'s script to Latin ("" for a Latin word), or nil when
    /// `word` is ASCII already. Latin-ASCII follows it (see `romanize`).
    static func scriptTransform(for word: String, cyrillicTransform: String?) -> String? {
        var script: Script?
        for scalar in word.unicodeScalars where !scalar.isASCII {
            if let s = Script.of(scalar), s != .latin { script = s; break }
            script = script ?? .latin
        }
        guard let script else { return nil }
        return switch script {
        case .latin: ""
        case .cyrillic: cyrillicTransform ?? "Russian-Latin/BGN"
        case .greek: "Greek-Latin/UNGEGN"
        case .arabic: ArabicLetters.transformID
        case .hebrew: "Hebrew-Latin"
        case .armenian: "Armenian-Latin/BGN"
        case .georgian: "Georgian-Latin/BGN"
        case .han: "Han-Latin/Names"
        case .other: "Any-Latin"
        }
    }

    /// ICU's "`scriptTransform`; Latin-ASCII" of the case-folded word, in two steps: the script's
    /// transform, then Latin-ASCII from `LatinLetterFolds` when it holds the letters left. ICU's
    /// Latin-ASCII costs more than most script transforms, and their output is mostly plain or
    /// accented Latin. A Cyrillic word is read from its transform's letter table instead, which
    /// gives the letters `asciiWords` keeps. `RomanizeTests` holds the two ways to the same words.
    static func romanize(_ word: String, scriptTransform: String) -> String? {
        if let latin = romanizeByLetters(word, scriptTransform: scriptTransform) { return latin }
        return romanizeThroughICU(CyrillicCaseFolds.shared.fold(word) ?? ICU.foldCase(word), scriptTransform: scriptTransform)
    }

    /// `romanize` from the transform's letter table (``CyrillicLetters``), with no ICU call, or
    /// nil when the transform has none or a letter of `word` is not in it. What it gives is
    /// what `asciiWords` keeps of ICU's answer.
    static func romanizeByLetters(_ word: String, scriptTransform: String) -> String? {
        lettersFromTable(of: word, scriptTransform: scriptTransform).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `romanizeByLetters` as bytes: the one place that knows which transforms have tables.
    private static func lettersFromTable(of word: String, scriptTransform: String) -> [UInt8]? {
        var letters: [UInt8] = []
        let read = scriptTransform == ArabicLetters.transformID ? ArabicLetters.shared?.appendRomanization(of: word, to: &letters)
            : CyrillicLetters.shared(scriptTransform)?.appendRomanization(of: word, to: &letters)
        return read == true ? letters : nil
    }

    /// `romanize` through ICU, of a word already case-folded.
    static func romanizeThroughICU(_ folded: String, scriptTransform: String) -> String? {
        guard let latin = scriptTransform.isEmpty ? folded : try? Transliterator.shared(scriptTransform).transliterate(folded) else {
            return nil
        }
        if latin.utf8.allSatisfy({ $0 < 0x80 }) { return latin }
        // Some transforms write a letter and its combining mark (*e* U+0308): composed, the table holds it.
        return LatinLetterFolds.shared.fold(ICU.nfc(latin)) ?? (try? Transliterator.shared(LatinLetterFolds.transformID).transliterate(latin))
    }

    /// Kazakh, Kyrgyz, Ukrainian and Belarusian names reach the English-language press through
    /// their Russian spelling (*Қасым-Жомарт Тоқаев* → *Kassym-Jomart Tokayev*): this reading
    /// first maps their own letters to the nearest Russian ones, then applies Russian BGN/PCGN.
    /// Serbian and Macedonian letters are written as Russian writes them (*ј* as *й*, *љ* as *ль*,
    /// *ђ* as *дж*), so *Алејск* also reads *aleysk*; Russian BGN alone would drop them.
    static let russianReading = "russian-reading"
    /// The second reading of a Russian name: ICU's ISO 9 style transliteration.
    static let isoReading = "Cyrillic-Latin"
    private static let russianLetters: [Unicode.Scalar: Unicode.Scalar] = [
        "ә": "а", "Ә": "А", "ғ": "г", "Ғ": "Г", "қ": "к", "Қ": "К", "ң": "н", "Ң": "Н", "ө": "о", "Ө": "О",
        "ұ": "у", "Ұ": "У", "ү": "у", "Ү": "У", "һ": "х", "Һ": "Х", "і": "и", "І": "И", "ї": "и", "Ї": "И",
        "є": "е", "Є": "Е", "ґ": "г", "Ґ": "Г", "ў": "у", "Ў": "У", "ҳ": "х", "Ҳ": "Х", "ӣ": "и", "Ӣ": "И",
        "ӯ": "у", "Ӯ": "У", "ј": "й", "Ј": "Й", "ћ": "ч", "Ћ": "Ч",
    ]
    /// The letters the Russian reading writes with two Russian ones.
    private static let russianDigraphs: [Unicode.Scalar: String] = [
        "ҷ": "дж", "Ҷ": "Дж", "ђ": "дж", "Ђ": "Дж", "џ": "дж", "Џ": "Дж", "љ": "ль", "Љ": "Ль",
        "њ": "нь", "Њ": "Нь", "ѓ": "гь", "Ѓ": "Гь", "ќ": "кь", "Ќ": "Кь", "ѕ": "дз", "Ѕ": "Дз",
    ]

    private func foldWord(_ word: String, cyrillicTransform: String?) -> [String] {
        if cyrillicTransform == Self.russianReading {
            var mapped = String.UnicodeScalarView()
            for scalar in word.unicodeScalars {
                if let digraph = Self.russianDigraphs[scalar] { mapped.append(contentsOf: digraph.unicodeScalars) } else {
                    mapped.append(Self.russianLetters[scalar] ?? scalar)
                }
            }
            return foldWord(String(mapped), cyrillicTransform: CyrillicOrthography.russian.transformID)
        }
        guard let transform = Self.scriptTransform(for: word, cyrillicTransform: cyrillicTransform) else {
            return Self.asciiWords(word)
        }
        // Most accented Latin words are letters the table holds, and Cyrillic words are read from
        // their transform's letter table: no ICU call, no cache entry.
        if transform.isEmpty {
            var bytes: [UInt8] = []
            if LatinLetterFolds.shared.appendFold(of: word, to: &bytes) { return Self.asciiWords(utf8: bytes) }
        } else if let letters = Self.lettersFromTable(of: word, scriptTransform: transform) {
            return letters.isEmpty ? [] : [String(decoding: letters, as: UTF8.self)]  // letters and digits only: one word
        }
        var key = Array(transform.utf8)
        key.append(0)
        key += word.utf8
        return cache.value(for: ByteKey(bytes: key)) {
            Self.asciiWords(Self.romanize(word, scriptTransform: transform) ?? word)
        }
    }

    /// Lower-case ASCII words of already-transliterated text; anything else is dropped.
    static func asciiWords(_ text: String) -> [String] { asciiWords(utf8: text.utf8) }

    static func asciiWords(utf8 text: some Sequence<UInt8>) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "\t"):
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)); current.removeAll() }
            default: break
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// A name of ASCII and accented Latin letters (*Tokaïev*, *Ouzbékistan*), its letters folded
    /// by `LatinLetterFolds` and the result read as an ASCII name: each such letter folds alone to
    /// letters and is a letter to `Tokenizer`, so the words are those the general path makes
    /// (`NameFolderTests` holds both ways to the same forms on every dev-set name).
    static func foldAccentedLatin(_ name: String) -> NameForm? {
        var bytes: [UInt8] = []
        guard LatinLetterFolds.shared.appendLetterFolds(of: name, to: &bytes) else { return nil }
        return bytes.withUnsafeBufferPointer { foldASCII($0, name: name) }
    }

    /// The fast path: an ASCII name is folded byte by byte, with the same rules as `Tokenizer`.
    static func foldASCII(_ name: String) -> NameForm? {
        var contiguous = name
        return contiguous.withUTF8 { foldASCII($0, name: name) }
    }

    /// One pass to check the bytes, one to cut words, letters lowered into a scratch buffer on
    /// the stack: the only allocations are the word list and the words longer than a small string.
    private static func foldASCII(_ bytes: UnsafeBufferPointer<UInt8>, name: String) -> NameForm? {
        // Is it ASCII at all, and is the display form the name itself (single spaces only)?
        var displayIsName = true
        var previousIsSpace = true  // a leading space needs collapsing too
        for byte in bytes {
            if byte >= 0x80 { return nil }
            let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            if isSpace && (previousIsSpace || byte != 0x20) { displayIsName = false }
            previousIsSpace = isSpace
        }
        if previousIsSpace && !bytes.isEmpty { displayIsName = false }

        // Everything the loop changes is local to the closure: captured variables would be
        // checked for exclusive access at run time, on every byte.
        let (words, hasLetters) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { word in
            var words: [String] = []
            words.reserveCapacity(4)
            var hasLetters = false, length = 0, pendingApostrophe = false, wordStartsUpper = false
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "'"), UInt8(ascii: "`"):
                    if length > 0 { pendingApostrophe = true }
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if pendingApostrophe {
                        if isElidedPrefix(UnsafeBufferPointer(rebasing: word[..<length]), upperCase: wordStartsUpper) { length = 0 }
                        pendingApostrophe = false
                    }
                    if length == 0 { wordStartsUpper = byte <= UInt8(ascii: "Z") }
                    if byte >= UInt8(ascii: "A") { hasLetters = true }
                    word[length] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    length += 1
                default:  // a separator ends the word
                    if length > 0 { words.append(String(decoding: UnsafeBufferPointer(rebasing: word[..<length]), as: UTF8.self)) }
                    length = 0
                    pendingApostrophe = false
                }
            }
            if length > 0 { words.append(String(decoding: UnsafeBufferPointer(rebasing: word[..<length]), as: UTF8.self)) }
            return (words, hasLetters)
        }
        let collapsed = LegalForms.collapsed(WordAbbreviations.expand(words))
        return NameForm(display: displayIsName ? name : collapseWhitespace(name), romanizations: withNumberReadings([collapsed.words]),
                        scriptMask: UInt16(hasLetters ? Script.latin.bit : 0),
                        hasMisspeltLegalForm: collapsed.misspelt)
    }

    /// Same prefixes as `Tokenizer`: *l'*, *d'*, *qu'*, *L'*, *Qu'*; an upper-case *D'* stays.
    private static func isElidedPrefix(_ letters: UnsafeBufferPointer<UInt8>, upperCase: Bool) -> Bool {
        switch letters.count {
        case 1: letters[0] == UInt8(ascii: "l") || (letters[0] == UInt8(ascii: "d") && !upperCase)
        case 2: letters[0] == UInt8(ascii: "q") && letters[1] == UInt8(ascii: "u")
        default: false
        }
    }

    static func collapseWhitespace(_ text: String) -> String {
        if isCollapsed(text) { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether `collapseWhitespace` would give `text` back, told from its scalars without
    /// breaking it into characters; false only sends it the slow way. True when its only white
    /// space is single U+0020s between other scalars, each space a character of its own: the
    /// scalar before one is below U+0600 (no Prepend character glues to a space) and the one
    /// after is below U+0300 or a Greek, Cyrillic or Armenian letter (no mark extends a space).
    static func isCollapsed(_ text: String) -> Bool {
        var previous: UInt32?
        var afterSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 {
                guard let previous, previous != 0x20, previous < 0x600 else { return false }
                afterSpace = true
            } else {
                if value < 0x80 ? Self.asciiWhitespace[Int(value)] : Self.isNonASCIIWhitespace(value) { return false }
                if afterSpace {
                    guard value < 0x300 || (value >= 0x370 && value < 0x530 && Self.isLetter(scalar)) else { return false }
                    afterSpace = false
                }
            }
            previous = value
        }
        return previous != nil && !afterSpace
    }

    private static let asciiWhitespace: [Bool] = (0..<128).map { Unicode.Scalar(UInt8($0)).properties.isWhitespace }

    /// The White_Space property above ASCII, written out (a property lookup per scalar costs more
    /// than the rest of the check); `CollapseWhitespaceTests` holds it to the property.
    static func isNonASCIIWhitespace(_ value: UInt32) -> Bool {
        guard value >= 0x85 else { return false }
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }
}
