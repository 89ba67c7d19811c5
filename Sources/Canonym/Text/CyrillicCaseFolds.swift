/// ICU's full case folding of the Cyrillic block (U+0400–U+052F), asked of ICU once per letter,
/// so that a Cyrillic word is case-folded without an ICU call before its transform runs.
///
/// Case folding reads no context (each character folds alone), so a word folds letter by
/// letter; `CyrillicCaseFoldsTests` checks every letter and the dev-set words against ICU.
/// A word with any other non-ASCII character goes to ICU.
struct CyrillicCaseFolds: Sendable {
    static let range: ClosedRange<UInt32> = 0x0400...0x052F
    /// Fold of code point `range.lowerBound + i`, or nil when ICU folds it to several characters.
    private let folds: [Unicode.Scalar?]

    static let shared = CyrillicCaseFolds(asking: ICU.foldCase)

    init(asking fold: (String) -> String) {
        folds = Self.range.map { value in
            guard let scalar = Unicode.Scalar(value) else { return nil }
            let folded = fold(String(scalar)).unicodeScalars
            return folded.count == 1 ? folded.first : nil
        }
    }

    /// The fold of one character of the block, or nil when it is outside it or folds to several.
    func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        Self.range.contains(scalar.value) ? folds[Int(scalar.value - Self.range.lowerBound)] : nil
    }

    /// `ICU.foldCase(word)` from the table, or nil when a character of `word` is not in it.
    func fold(_ word: String) -> String? {
        ScalarFolds.fold(word) { scalar, out in
            guard let folded = fold(scalar) else { return false }
            out.append(folded)
            return true
        }
    }
}
