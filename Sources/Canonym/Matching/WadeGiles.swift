/// Chinese names in Wade–Giles, the romanisation before pinyin (*P’ei-ch’eng-chen*, *Hsing-lung*,
/// *Chiang-yen*), read as pinyin writes them (*pei cheng zhen*, *xing long*, *jiang yan*). The
/// two differ in most initials (*ch’*, *ch*, *hs*, *k*, *t*, *p*, *ts*, *tz*, *j*: *q* or *ch*, *j*
/// or *zh*, *x*, *g*, *d*, *b*, *z*, *z*, *r*) and in finals (*ien* → *ian*, *ung* → *ong*, *ih* →
/// *i*, *o* → *e* or *uo*), and Wade–Giles marks the aspirated initials with an apostrophe that
/// folding drops, so the reading is made from the name as written.
enum WadeGiles {
    /// `name` in pinyin when it is written as Wade–Giles writes a place: words of syllables
    /// joined by hyphens (one hyphen at least), every syllable a Wade–Giles one; nil otherwise.
    /// As pinyin writes them, a word's syllables are run together (*Ma-lien-chuang* →
    /// *malianzhuang*), but for a last syllable naming the kind of place, which stands apart
    /// (*Chiang-yen-chen* → *jiangyan zhen*, as *Jiangyan Zhen*).
    static func pinyinReading(of name: String) -> [String]? {
        guard name.contains("-") else { return nil }
        var words: [String] = []
        for word in name.lowercased().split(separator: " ") {
            var syllables: [String] = []
            for part in word.split(separator: "-") {
                guard let syllable = pinyin(of: normalized(part)) else { return nil }
                syllables.append(syllable)
            }
            if syllables.count >= 3, let last = syllables.last, placeKinds.contains(last) {
                words += [syllables.dropLast().joined(), last]
            } else {
                words.append(syllables.joined())
            }
        }
        return words.isEmpty ? nil : words
    }

    /// Syllables that name a kind of place: town, county, city, village, township, district, prefecture.
    private static let placeKinds: Set<String> = ["zhen", "xian", "shi", "cun", "xiang", "qu", "fu", "zhou"]

    /// The syllable with its aspiration mark written `'` and *ü* as `v`; *ŭ* is kept as `w`
    /// (*tzŭ*, *ssŭ*: pinyin's *zi*, *si*).
    private static func normalized(_ word: Substring) -> [Character] {
        word.compactMap { character in
            switch character {
            case "’", "‘", "ʻ", "ʼ", "`", "´", "'": "'"
            case "ü", "ű", "ǖ": "v"
            case "ŭ": "w"
            default: character.isASCII && character.isLetter ? character : nil
            }
        }
    }

    /// Wade–Giles initials, longer first, with their pinyin (`nil`: depends on the final); a
    /// syllable with none is one of `glided`.
    private static let initials: [(wadeGiles: String, pinyin: String?)] = [
        ("ch'", nil), ("ts'", "c"), ("tz'", "c"), ("hs", "x"), ("ch", nil), ("ts", "z"), ("tz", "z"), ("ss", "s"), ("sz", "s"),
        ("sh", "sh"), ("p'", "p"), ("t'", "t"), ("k'", "k"), ("p", "b"), ("t", "d"), ("k", "g"), ("j", "r"),
        ("m", "m"), ("f", "f"), ("n", "n"), ("l", "l"), ("h", "h"), ("s", "s"), ("y", "y"), ("w", "w"),
    ]

    /// Wade–Giles finals (`v` for *ü*, `w` for *ŭ*) with their pinyin where it differs.
    private static let finals: [String: String] = [
        "a": "a", "ai": "ai", "an": "an", "ang": "ang", "ao": "ao", "e": "e", "eh": "e", "ei": "ei", "en": "en", "eng": "eng",
        "erh": "er", "i": "i", "ia": "ia", "iang": "iang", "iao": "iao", "ieh": "ie", "ien": "ian", "ih": "i", "in": "in",
        "ing": "ing", "iu": "iu", "iung": "iong", "o": "o", "ou": "ou", "u": "u", "ua": "ua", "uai": "uai", "uan": "uan",
        "uang": "uang", "ui": "ui", "uei": "ui", "un": "un", "ung": "ong", "uo": "uo", "v": "u", "van": "uan", "veh": "ue",
        "ueh": "ue", "vn": "un", "w": "i",
    ]

    /// Finals that stand after *y* or *w*, or alone, and their pinyin.
    private static let glided: [String: String] = [
        "ya": "ya", "yai": "yai", "yang": "yang", "yao": "yao", "yeh": "ye", "yen": "yan", "yin": "yin", "ying": "ying",
        "yu": "you", "yung": "yong", "yv": "yu", "yvan": "yuan", "yveh": "yue", "yvn": "yun", "yueh": "yue", "yuan": "yuan",
        "yo": "yo", "wa": "wa", "wai": "wai", "wan": "wan", "wang": "wang", "wei": "wei", "wen": "wen", "weng": "weng",
        "wo": "wo", "wu": "wu", "i": "yi", "a": "a", "ai": "ai", "an": "an", "ang": "ang", "ao": "ao", "o": "e", "ou": "ou",
        "en": "en", "eng": "eng", "erh": "er",
    ]

    /// The pinyin of one Wade–Giles syllable, or nil when it is none.
    private static func pinyin(of letters: [Character]) -> String? {
        let syllable = String(letters)
        guard !syllable.isEmpty, syllable.count <= 7 else { return nil }
        if let whole = glided[syllable] { return whole }
        for (wadeGiles, pinyinInitial) in initials where syllable.hasPrefix(wadeGiles) {
            let rest = String(syllable.dropFirst(wadeGiles.count))
            guard let final = finals[rest], rest != "w" || ["tz", "tz'", "ts", "ts'", "ss", "sz", "s"].contains(wadeGiles) else { return nil }
            // *ch* and *ch’* are pinyin's *j* and *q* before *i* and *ü*, *zh* and *ch* elsewhere.
            let palatal = rest.hasPrefix("i") || rest.hasPrefix("v")
            let initial = pinyinInitial ?? (wadeGiles == "ch" ? (palatal ? "j" : "zh") : (palatal ? "q" : "ch"))
            // *tzu*, *ssu*, *szu* (and *ŭ*) are *zi*, *si*; *o* is *e* after *k*, *k’*, *h*,
            // *uo* after the other initials but the lips'.
            if rest == "u" && ["tz", "tz'", "ss", "sz"].contains(wadeGiles) { return initial + "i" }
            if rest == "o" {
                if ["k", "k'", "h"].contains(wadeGiles) { return initial + "e" }
                if !["p", "p'", "m", "f"].contains(wadeGiles) { return initial + "uo" }
            }
            if rest == "ih" && !["ch", "ch'", "sh", "j"].contains(wadeGiles) { return nil }
            return initial + final
        }
        return nil
    }
}
