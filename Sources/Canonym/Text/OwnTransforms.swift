/// Transforms Canonym defines by rules on top of ICU's, opened by `Transliterator` under their
/// own IDs like any of ICU's.
enum OwnTransforms {
    /// ICU's Latin-ASCII, after spelling the Latin letters it leaves as they are and
    /// `NameFolder.asciiWords` would then drop: schwa, as Azerbaijani names reach English
    /// (*Əliyev* → *Aliyev*, *Gəncə* → *Ganja*; GeoNames also writes it *ǝ*), and the African
    /// alphabets' open o, gamma, esh and ezh (*Bamakɔ*, *Zaɣwan*), and other vowels and consonants
    /// of theirs and of IPA (barred o, iota, alpha, upsilon, turned v and m, wynn).
    static let latinASCII = "Canonym-Latin-ASCII"  // ICU would read "Latin-ASCII/…" as its own Latin-ASCII

    /// ICU's Arabic-Latin, after writing the letters of Urdu, Pashto, Kurdish and Uyghur that
    /// it leaves as they are as the Arabic or Persian letters nearest them: *ہ* and *ھ* as *ه*
    /// (*لاہور* → *lahwr*; *بھٹو* → *bhtw*), the retroflex *ٹ ڈ ڑ* as *ت د ر*, *ے* as *ي*.
    static let arabicLatin = "Canonym-Arabic-Latin"

    static func rules(for id: String) -> String? {
        switch id {
        case latinASCII: latinASCIIRules
        case arabicLatin: arabicLatinRules
        default: nil
        }
    }

    /// ICU rules: the letters written as Arabic ones, then ICU's Arabic-Latin.
    static let arabicLatinRules = """
        ٹ > ت ; [ڈډڊڌڍڎڏڐ] > د ; [ڑړڕڒڔڗ] > ر ; [ںڻڼڹ] > ن ; [ھہۂۀۃ] > ه ; [ےۓێۍېۑ] > ي ;
        [ۆۇۈۉۊۏ] > و ; [ڵڶڷڸ] > ل ; ږ > ژ ; ښ > ش ; ځ > ز ; څ > س ; ە > ا ; [ٺٻټٽٿ] > ت ;
        :: Arabic-Latin ;
        """

    /// ICU rules: a pass of Canonym's spellings, then ICU's Latin-ASCII.
    static let latinASCIIRules = """
        [əǝ] > a ; [ƏƎ] > A ; ɔ > o ; Ɔ > O ; ɣ > gh ; Ɣ > Gh ; ʃ > sh ; Ʃ > Sh ; ʒ > zh ; Ʒ > Zh ;
        ɵ > o ; Ɵ > O ; ɩ > i ; Ɩ > I ; ɑ > a ; Ɑ > A ; ʊ > u ; Ʊ > U ; ʌ > a ; Ʌ > A ; ɯ > u ; Ɯ > U ;
        ɐ > a ; ɒ > o ; ǯ > zh ; Ǯ > Zh ; ƿ > w ; Ƿ > W ;
        :: Latin-ASCII ;
        """
}
