/// Transforms Canonym defines by rules on top of ICU's, opened by `Transliterator` under their
/// own IDs like any of ICU's.
enum OwnTransforms {
    /// ICU's Latin-ASCII, after spelling the Latin letters it leaves as they are and
    /// `NameFolder.asciiWords` would then drop: schwa, as Azerbaijani names reach English
    /// (*Əliyev* → *Aliyev*, *Gəncə* → *Ganja*; GeoNames also writes it *ǝ*), and the African
    /// alphabets' open o, gamma, esh and ezh (*Bamakɔ*, *Zaɣwan*), and other vowels and consonants
    /// of theirs and of IPA (barred o, iota, alpha, upsilon, turned v and m, wynn).
    static let latinASCII = "Canonym-Latin-ASCII"  // ICU would read "Latin-ASCII/…" as its own Latin-ASCII

    static func rules(for id: String) -> String? {
        id == latinASCII ? latinASCIIRules : nil
    }

    /// ICU rules: a pass of Canonym's spellings, then ICU's Latin-ASCII.
    static let latinASCIIRules = """
        [əǝ] > a ; [ƏƎ] > A ; ɔ > o ; Ɔ > O ; ɣ > gh ; Ɣ > Gh ; ʃ > sh ; Ʃ > Sh ; ʒ > zh ; Ʒ > Zh ;
        ɵ > o ; Ɵ > O ; ɩ > i ; Ɩ > I ; ɑ > a ; Ɑ > A ; ʊ > u ; Ʊ > U ; ʌ > a ; Ʌ > A ; ɯ > u ; Ɯ > U ;
        ɐ > a ; ɒ > o ; ǯ > zh ; Ǯ > Zh ; ƿ > w ; Ƿ > W ;
        :: Latin-ASCII ;
        """
}
