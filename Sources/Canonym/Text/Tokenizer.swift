/// Splits a written name into raw words, before any transliteration.
///
/// White space, hyphens, dots and other punctuation separate words (*Kassym-Jomart* → two words,
/// *V.* → *V*). Apostrophes never separate: a French elided article before them is dropped
/// (*l'Ouzbékistan*, *d’Astana*, *qu'Antony*), otherwise they are removed and the word closes up
/// (*O'Brien* → *OBrien*, *Ma'arrat* → *Maarrat*). Nor does a middle dot, which BGN/PCGN and
/// Catalan write inside words (*Zh·eenbekov*, *Gal·lípoli*): it is removed. Combining marks
/// stay with their letter.
enum Tokenizer {
    static let middleDot: Unicode.Scalar = "\u{B7}"

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x60, 0xB4, 0x2BC, 0x2BB, 0x2B9, 0x2BE, 0x2BF, 0x2018, 0x2019, 0x201B, 0x2032, 0x2C8: true
        default: false
        }
    }

    /// French elided articles and conjunctions before a vowel-initial name: *l'*, *d'*, *qu'* in
    /// any case, except an upper-case *D'* (*D'Alema*), which is usually part of the name itself.
    static func isElidedPrefix(_ word: String) -> Bool {
        switch word {
        case "d": true
        case "D": false
        default: ["l", "qu"].contains(word.lowercased())
        }
    }

    /// Inlined for ASCII, which is most of the scalars of a text and is told in two comparisons.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // ASCII: letters and digits are the only alphabetic or numeric scalars; no marks.
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) }
        return isNonASCIIWordScalar(scalar)
    }

    private static func isNonASCIIWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Latin-1 and Latin Extended letters and the Cyrillic block without a property lookup
        // (each costs tens of nanoseconds); `TokenizerTests` holds these ranges to the properties.
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        if v >= 0x400 && v <= 0x52F { return v != 0x482 }
        // Latin-1's punctuation and signs, and General Punctuation, which news writes between
        // words (no-break spaces, guillemets, dashes, curly quotes): only ª, º, µ and the
        // superscript digits and fractions of Latin-1 are word scalars.
        if v < 0xC0 { return v == 0xAA || v == 0xBA || v == 0xB5 || v == 0xB2 || v == 0xB3 || v == 0xB9 || (v >= 0xBC && v <= 0xBE) }
        if v >= 0x2000 && v <= 0x206F { return false }
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark || p.generalCategory == .enclosingMark
    }

    /// Raw words of `text`, in order.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var pendingApostrophe = false
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
            pendingApostrophe = false
        }
        for scalar in text.unicodeScalars {
            if isApostrophe(scalar) {
                if !current.isEmpty { pendingApostrophe = true }
                continue
            }
            if scalar == middleDot { continue }
            if isWordScalar(scalar) {
                if pendingApostrophe {
                    if isElidedPrefix(String(current)) { current = String.UnicodeScalarView() }
                    pendingApostrophe = false
                }
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return words
    }
}
