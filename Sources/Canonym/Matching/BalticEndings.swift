/// Lithuanian and Latvian give foreign names their own nominative endings: *Vladimiras Putinas*,
/// *Sergejus Lavrovas*, *Kipušis* for *Kipushi*, Latvian *Vladimirs Putins*. A query read without
/// them meets the name as other languages write it.
enum BalticEndings {
    /// `words` (a romanisation of `display`) with each word's ending dropped, or nil when the name
    /// does not read as Lithuanian or Latvian or no word has such an ending. A name reads so when it
    /// has a letter only those languages write (*ė*, *į*, *ų*, *ā*, *ņ*...), or all its words end
    /// in *s* and it is two words or more or has a *č*, *š* or *ž* (*Nesvyžius* for *Nesvizh*): one
    /// plain word ending in *s* (*Paris*, *Texas*) tells nothing.
    static func dropped(_ words: [String], display: String) -> [String]? {
        let letters = display.unicodeScalars, endInS = words.allSatisfy { $0.utf8.last == UInt8(ascii: "s") }
        guard letters.contains(where: balticLetters.contains)
            || (endInS && (words.count >= 2 || letters.contains(where: caronLetters.contains))) else { return nil }
        var changed = false
        let read = words.map { word -> String in
            guard let ending = endings.first(where: { word.hasSuffix($0) }), word.utf8.count - ending.utf8.count >= 3 else { return word }
            changed = true
            return String(word.dropLast(ending.count))
        }
        return changed ? read : nil
    }

    /// Nominative endings, the longer first (*ius* before *us*); Latvian's is *s* after a consonant too.
    private static let endings = ["ius", "as", "is", "us", "ys", "s"]

    /// Letters Lithuanian and Latvian share with Czech, Slovak and the South Slavic languages.
    private static let caronLetters = Set("čšžČŠŽ".unicodeScalars)
    /// Letters Lithuanian or Latvian writes and the languages sharing *č*, *š*, *ž* with them do not.
    private static let balticLetters = Set("ąęėįųūĄĘĖĮŲŪāēīģķļņĀĒĪĢĶĻŅ".unicodeScalars)
}
