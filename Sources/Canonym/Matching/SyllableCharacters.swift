/// Names written one syllable to a character, compared character by character. Romanised, many
/// Han characters read alike (高市 and 高石 are both *gao shi*, 平 and 朋 nearly so), and Hangul
/// syllables differ by a vowel (김정은, 김종은), so two names that differ by a character fold to
/// the same or nearly the same letters, yet name two people. When the query and a gazetteer name
/// are both written so, the score is held to the share of characters they have in common
/// (`similarity`).
enum SyllableCharacters {
    /// The characters of `text` that each write a syllable of a name, in order; empty when it has
    /// none. Han characters wherever they stand, simplified where Chinese writes them two ways
    /// (習近平 is 习近平). Hangul only in a Korean person's name as Koreans write it: two to four
    /// syllables and nothing else (김정은); a foreign name in Hangul (도널드 트럼프) has spellings
    /// that differ by a syllable.
    static func of(_ text: String) -> [Unicode.Scalar] {
        // Both scripts start at U+3400 or above, whose UTF-8 begins with 0xE3: most names stop here.
        guard text.utf8.contains(where: { $0 >= 0xE3 }) else { return [] }
        let ideographs = text.unicodeScalars.filter(\.properties.isUnifiedIdeograph)
        guard ideographs.isEmpty else {
            let written = String(String.UnicodeScalarView(ideographs))
            let simplified = (try? Transliterator.shared(simplifyingTransform).transliterate(written)) ?? written
            return Array(simplified.unicodeScalars)
        }
        let letters = text.unicodeScalars.filter { $0 != " " }
        guard koreanNameLength.contains(letters.count), letters.allSatisfy(hangulSyllables.contains) else { return [] }
        return Array(letters)
    }

    /// ICU's transform from traditional to simplified characters.
    static let simplifyingTransform = "Traditional-Simplified"
    /// How many syllables a Korean person's name has: a surname of one or two, a given name of one or two.
    static let koreanNameLength = 2...4
    static let hangulSyllables: ClosedRange<Unicode.Scalar> = "\u{AC00}"..."\u{D7A3}"

    /// 1 − the characters' edit distance (each insertion, deletion or change costing 1) / the
    /// longer count: 0.75 for 高石早苗 against 高市早苗.
    /// - Complexity: O(n·m) for n and m characters.
    static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 1 }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() { current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)) }
            previous = current
        }
        return 1 - Double(previous[b.count]) / Double(longer)
    }
}
