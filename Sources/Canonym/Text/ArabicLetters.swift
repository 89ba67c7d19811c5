import Foundation

/// ICU's "Arabic-Latin" (as `OwnTransforms` completes it) of the Arabic block (U+0600–U+06FF), asked of ICU once, so that an
/// Arabic word is romanised without an ICU call (ICU runs every rule-based transform under one
/// process-wide lock; see `CyrillicLetters`).
///
/// Each character keeps what `asciiWords` keeps of ICU's answer for it alone. The transform
/// reads one context: a short vowel written before its long letter is one vowel (*َا* is *ā*,
/// *ُو* *ū*, *ِي* *ī*, also with a hamza or madda on the letter), so a letter after each of the
/// three short vowels has an answer of its own, asked of ICU too. ICU decomposes first, which
/// puts two marks in a row in canonical order (a letter that decomposes with a hamza or madda
/// ends with one): such a word goes to ICU. `ArabicLettersTests`
/// holds every pair of the block and every triple of the common letters and marks to ICU.
struct ArabicLetters: Sendable {
    static let transformID = OwnTransforms.arabicLatin
    static let range: ClosedRange<UInt32> = 0x0600...0x06FF
    /// The short vowels (fatha, damma, kasra) whose next letter may read otherwise.
    private static let shortVowels: [UInt32] = [0x064E, 0x064F, 0x0650]
    /// Answer for `range.lowerBound + i`, as ASCII bytes; nil where it would separate words.
    private let pieces: [[UInt8]?]
    /// `afterShortVowel[v][i]`: the answer for `range.lowerBound + i` after short vowel v.
    private let afterShortVowel: [[[UInt8]?]]
    /// Whether `range.lowerBound + i` is a combining mark (two in a row may be reordered), and
    /// whether it decomposes to end with one (*أ* is alef and hamza above).
    private let isMark: [Bool], endsWithMark: [Bool]

    /// Asked of ICU on first use.
    static let shared = ArabicLetters(asking: NameFolder.romanizeThroughICU)

    /// A table from `romanize` (ICU's two steps), asked once with every character of the block
    /// and once with each short vowel before each of them; nil when an answer does not come
    /// back one word per question.
    init?(asking romanize: (String, String) -> String?) {
        let characters = Self.range.compactMap(Unicode.Scalar.init)
        func ask(_ questions: [String]) -> [[UInt8]?]? { LetterTableAnswers.ask(questions, transform: Self.transformID, romanize: romanize) }
        guard let pieces = ask(characters.map { String($0) }) else { return nil }
        var afterShortVowel: [[[UInt8]?]] = []
        for vowel in Self.shortVowels {
            let alone = pieces[Int(vowel - Self.range.lowerBound)] ?? []
            guard let pairs = ask(characters.map { String(Unicode.Scalar(vowel)!) + String($0) }) else { return nil }
            // What the pair adds to the vowel alone; nil when the vowel itself reads otherwise.
            afterShortVowel.append(pairs.map { pair in
                guard let pair, pair.starts(with: alone) else { return nil }
                return Array(pair.dropFirst(alone.count))
            })
        }
        self.pieces = pieces
        self.afterShortVowel = afterShortVowel
        isMark = characters.map { $0.properties.canonicalCombiningClass != .notReordered }
        endsWithMark = characters.map { character in
            String(character).decomposedStringWithCompatibilityMapping.unicodeScalars.last.map { $0.properties.canonicalCombiningClass != .notReordered } ?? false
        }
    }

    /// What `asciiWords` keeps of ICU's romanisation of `word`, or nil when a character is outside
    /// the block or two marks stand in a row.
    func romanize(_ word: String) -> String? {
        var out: [UInt8] = []
        return appendRomanization(of: word, to: &out) ? String(decoding: out, as: UTF8.self) : nil
    }

    /// Appends `romanize(word)` to `out`; false, with `out` partly written, when it is nil.
    func appendRomanization(of word: String, to out: inout [UInt8]) -> Bool {
        var previous: Int?
        for scalar in word.unicodeScalars {
            guard Self.range.contains(scalar.value) else { return false }
            let k = Int(scalar.value - Self.range.lowerBound)
            // ICU decomposes first, then puts marks in a row in canonical order: such a word is its own.
            if let previous, endsWithMark[previous], isMark[k] { return false }
            let piece: [UInt8]?
            if let previous, let vowel = Self.shortVowels.firstIndex(of: UInt32(previous) + Self.range.lowerBound) {
                piece = afterShortVowel[vowel][k]
            } else {
                piece = pieces[k]
            }
            guard let piece else { return false }
            out += piece
            previous = k
        }
        return true
    }
}
