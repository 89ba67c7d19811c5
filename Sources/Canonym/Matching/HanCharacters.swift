/// Names written in Han characters, compared character by character. Romanised, many
/// characters read alike (高市 and 高石 are both *gao shi*, 平 and 朋 nearly so), so two names
/// that differ by a character fold to the same or nearly the same letters, yet name two people.
/// When the query and a gazetteer name both hold Han characters, the score is held to the share of
/// characters they have in common (`similarity`).
enum HanCharacters {
    /// The Han characters of `text`, in order, simplified where Chinese writes them two ways
    /// (習近平 is 习近平); empty when it has none.
    static func of(_ text: String) -> [Unicode.Scalar] {
        // Han characters start at U+3400, whose UTF-8 begins with 0xE3: most names stop here.
        guard text.utf8.contains(where: { $0 >= 0xE3 }) else { return [] }
        let ideographs = text.unicodeScalars.filter(\.properties.isUnifiedIdeograph)
        guard !ideographs.isEmpty else { return [] }
        let written = String(String.UnicodeScalarView(ideographs))
        let simplified = (try? Transliterator.shared(simplifyingTransform).transliterate(written)) ?? written
        return Array(simplified.unicodeScalars)
    }

    /// ICU's transform from traditional to simplified characters.
    static let simplifyingTransform = "Traditional-Simplified"

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
