/// Lithuanian and Latvian give foreign names their own nominative endings: *Vladimiras Putinas*,
/// *Sergejus Lavrovas*, *Kipušis* for *Kipushi*, Latvian *Vladimirs Putins*. A query read without
/// them meets the name as other languages write it.
enum BalticEndings {
    /// `words` (a romanisation of `display`) with each word's ending dropped, or nil when the name
    /// does not read as Lithuanian or Latvian or no word has such an ending. A name reads so when it
    /// has a letter only those languages write (*ė*, *į*, *ų*, *ā*, *ņ*...), or all its words end
    /// in *s* and it is two words or more or has a *č*, *š* or *ž* (*Nesvyžius* for *Nesvizh*), or
    /// it is one plain word of `longWordLength` letters or more ending in *as*, *is*, *us* or *ys*
    /// (*Belogorskas*, *Épinalis*); a shorter one (*Paris*, *Texas*, *Rimus*) tells nothing.
    static func dropped(_ words: [String], display: String) -> [String]? {
        let letters = display.unicodeScalars, endInS = words.allSatisfy { $0.utf8.last == UInt8(ascii: "s") }
        guard letters.contains(where: balticLetters.contains)
            || (endInS && (words.count >= 2 || letters.contains(where: caronLetters.contains)))
            || (words.count == 1 && words[0].utf8.count >= longWordLength && vowelEndings.contains(where: words[0].hasSuffix)) else { return nil }
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
    /// The endings that let one plain, long word read so: *es* and a consonant before *s* end too
    /// many names of other languages (*Ardennes*, *Brussels*).
    private static let vowelEndings = ["as", "is", "us", "ys"]
    /// How long one plain word must be: five letters found Rome in *Rimus* and Tonj in *Tonus*.
    static let longWordLength = 6

    /// Letters Lithuanian and Latvian share with Czech, Slovak and the South Slavic languages.
    private static let caronLetters = Set("čšžČŠŽ".unicodeScalars)
    /// Letters Lithuanian or Latvian writes and the languages sharing *č*, *š*, *ž* with them do not.
    private static let balticLetters = Set("ąęėįųūĄĘĖĮŲŪāēīģķļņĀĒĪĢĶĻŅ".unicodeScalars)
}
