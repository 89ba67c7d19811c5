/// ICU's Latin-ASCII (as `OwnTransforms` completes it) of case-folded precomposed Latin letters, asked of ICU once per letter, so
/// that an accented Latin word (*Ouzbékistan*, *Łódź*) is folded without an ICU call.
///
/// A word is folded letter by letter only when every one of its letters is in the table; the
/// table holds each letter's answer from ICU itself, so it cannot disagree with ICU on a letter.
/// That the letters' answers also join into the word's answer (Latin-ASCII reads no context on
/// case-folded letters) is what `LatinLetterFoldsTests` checks, on every pair of letters and on
/// every word of the dev gazetteers. Any other character sends the word to ICU.
struct LatinLetterFolds: Sendable {
    /// The transform whose results the table holds (after full case folding).
    static let transformID = OwnTransforms.latinASCII
    /// Latin-1 Supplement, Latin Extended-A and -B, IPA Extensions (*ə*, *ɔ*, *ɣ*), Spacing
    /// Modifier Letters (the primes BGN/PCGN writes for ъ and ь), Latin Extended Additional.
    static let ranges: [ClosedRange<UInt32>] = [0x00A0...0x02FF, 0x1E00...0x1EFF]
    private static let first: UInt32 = 0x00A0, last: UInt32 = 0x1EFF

    /// Fold of code point `first + i`, as its ASCII bytes; nil for letters outside the ranges, of
    /// another script, or whose fold is not plain ASCII.
    private let bytes: [[UInt8]?]
    /// The folds of the letters that NFC keeps and that fold to ASCII letters and digits alone:
    /// a name of those and ASCII reads, folded, as an ASCII name (`appendLetterFolds`).
    private let letterBytes: [[UInt8]?]

    /// The table ICU gives, built on first use: from ICU's answers embedded for this ICU version
    /// (`LatinLetterFoldsEmbedded`) when it is the version linked, else asked of ICU now (some 700
    /// calls, and the first transliterator ICU builds sets up its registry, about 140 M
    /// instructions: start-up doubled for a name with an accent).
    static let shared = LatinLetterFolds(asking: LatinLetterFoldsEmbedded.isFor(ICU.version) ? LatinLetterFoldsEmbedded.fold : throughICU)

    /// A table from `fold`, asked once per letter of `ranges` (a test passes a wrong one).
    init(asking fold: (String) -> String?) {
        var folds = [String?](repeating: nil, count: Int(Self.last - Self.first + 1))
        for value in Self.ranges.joined() { folds[Int(value - Self.first)] = Self.keptFold(of: value, asking: fold) }
        let bytes = folds.map { $0.map { Array($0.utf8) } }
        self.bytes = bytes
        letterBytes = bytes.indices.map { k in
            guard let folded = bytes[k], !folded.isEmpty, let scalar = Unicode.Scalar(LatinLetterFolds.first + UInt32(k)),
                  Tokenizer.isWordScalar(scalar), ICU.isNFCStable(scalar),
                  folded.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) else { return nil }
            return folded
        }
    }

    /// What `fold` answers for code point `value` that the table keeps: only letters that leave
    /// the word on the Latin-ASCII transform (see NameFolder.scriptTransform), and folds of
    /// plain ASCII; nil for anything else.
    static func keptFold(of value: UInt32, asking fold: (String) -> String?) -> String? {
        guard let scalar = Unicode.Scalar(value), Script.of(scalar) == nil || Script.of(scalar) == .latin,
              let folded = fold(String(scalar)), folded.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return folded
    }

    /// What ICU makes of `text`: full case folding, then Latin-ASCII.
    static func throughICU(_ text: String) -> String? {
        try? Transliterator.shared(transformID).transliterate(ICU.foldCase(text))
    }

    /// `fold(word)` as UTF-8 appended to `out` (every fold is ASCII); false, with `out` partly
    /// written, when a character of `word` is not in the table.
    func appendFold(of word: String, to out: inout [UInt8]) -> Bool {
        out.reserveCapacity(out.count + word.utf8.count)
        for scalar in word.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(UInt8(value >= 0x41 && value <= 0x5A ? value | 0x20 : value))
            } else {
                guard value >= Self.first, value <= Self.last, let folded = bytes[Int(value - Self.first)] else { return false }
                out += folded
            }
        }
        return true
    }

    /// `text` with each non-ASCII letter replaced by its fold, ASCII kept as it is (case too),
    /// appended to `out`; false when a character is neither ASCII nor one of `letterBytes`.
    func appendLetterFolds(of text: String, to out: inout [UInt8]) -> Bool {
        var reserved = false  // only once a letter is in the table: most other names fail on their first
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(UInt8(value))
            } else {
                guard value >= Self.first, value <= Self.last, let folded = letterBytes[Int(value - Self.first)] else { return false }
                if !reserved { out.reserveCapacity(out.count + text.utf8.count); reserved = true }
                out += folded
            }
        }
        return true
    }

    /// `throughICU(word)` from the table, or nil when a character of `word` is not in it.
    /// ASCII is case-folded (lowered) as ICU does and otherwise kept.
    func fold(_ word: String) -> String? {
        var out: [UInt8] = []
        return appendFold(of: word, to: &out) ? String(decoding: out, as: UTF8.self) : nil
    }

    /// The letters the table holds, for tests.
    var coveredLetters: [Unicode.Scalar] {
        bytes.indices.compactMap { bytes[$0] == nil ? nil : Unicode.Scalar(Self.first + UInt32($0)) }
    }
}

extension LatinLetterFoldsEmbedded {
    /// Whether the answers were asked of ICU `version`.
    static func isFor(_ version: String) -> Bool { version == icuVersion }

    /// The embedded fold of a one-letter `text`, as `LatinLetterFolds.throughICU` gave it; nil
    /// for anything else.
    static func fold(_ text: String) -> String? {
        guard let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1 else { return nil }
        return table[scalar.value]
    }

    private static let table: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        EmbeddedLines.forEachLine(of: lines) { fields in
            guard fields.count == 2, let value = EmbeddedLines.hexValue(fields[0]), let bytes = EmbeddedLines.hexBytes(fields[1]) else { return }
            table[value] = String(decoding: bytes, as: UTF8.self)
        }
        return table
    }()
}
