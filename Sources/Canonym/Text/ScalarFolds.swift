/// A word folded one scalar at a time, the way `CyrillicCaseFolds` answers for ICU: ASCII letters lowered, as ICU's case folding does,
/// and every other scalar given to `append`, which adds its fold and returns false when the
/// table has none (the word then goes to ICU).
enum ScalarFolds {
    static func fold(_ word: String, _ append: (Unicode.Scalar, inout String.UnicodeScalarView) -> Bool) -> String? {
        var out = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value | 0x20)) : scalar)
            } else if !append(scalar, &out) {
                return nil
            }
        }
        return String(out)
    }
}
