/// Chinese renderings of foreign place names, written syllable by syllable in pinyin (*luo si ji
/// lei* for *Roskilde*, *suo si nuo wo bo er si ke* for *Sosnovoborsk*, *mei si te lei* for
/// *Mestre*), read back as the one word they render: pinyin letters as English writes those
/// sounds (*x* → *s*, *q* → *ch*, *zh* → *j*, *c* → *ts*), *er* as *r*, and a consonant's
/// syllable after the first (*si*, *ke*, *te*, *fu*) as the consonant alone, its vowel being only
/// there because Chinese syllables end in one. Applied only to a query every word of which is a
/// pinyin syllable, and scored down (`NameScorer.transcriptionFactor`): a reading, not a spelling.
enum SyllableTranscription {
    /// The name `words` renders; nil unless there are two words or more, each a pinyin syllable.
    static func reading(of words: [String]) -> [String]? {
        guard words.count >= 2, words.allSatisfy(syllables.contains) else { return nil }
        var read = ""
        for (k, syllable) in words.enumerated() {
            var letters = syllable
            for (pinyin, english) in initials where letters.hasPrefix(pinyin) {
                letters = english + letters.dropFirst(pinyin.count)
                break
            }
            letters = letters.replacingAll("v", with: "u")
            if letters == "er" { read += "r"; continue }
            if k > 0, let consonant = bareConsonant(of: letters) { read += consonant; continue }
            if letters.hasSuffix("uo") { letters = letters.dropLast(2) + "o" }
            else if letters.hasSuffix("ei") { letters = letters.dropLast(2) + "e" }
            read += letters
        }
        return [read]
    }

    /// Pinyin initials English writes otherwise (the longer first: *zh* before *z*).
    private static let initials: [(String, String)] = [("zh", "j"), ("x", "s"), ("q", "ch"), ("c", "ts")]

    /// The consonant of a syllable that is a consonant and a bare *i*, *e* or *u* (*si*, *ke*, *fu*, *ci*, *shi*).
    private static func bareConsonant(of syllable: String) -> String? {
        guard let last = syllable.last, "ieu".contains(last) else { return nil }
        let consonant = String(syllable.dropLast())
        return bareConsonants.contains(consonant) ? consonant : nil
    }
    private static let bareConsonants: Set<String> = ["s", "k", "t", "d", "f", "b", "p", "g", "ch", "j", "ts", "z", "sh"]

    /// Every pinyin syllable, with *v* for *ü* (some combinations that Mandarin lacks are let in).
    static let syllables: Set<String> = {
        let initials = ["", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z", "c", "s", "y", "w"]
        let finals = ["a", "o", "e", "i", "u", "v", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ve", "er", "an", "en", "in", "un", "vn",
                      "ang", "eng", "ing", "ong", "ia", "iao", "ian", "iang", "iong", "ua", "uo", "uai", "uan", "uang", "ue", "van", "ueng"]
        return Set(initials.flatMap { initial in finals.map { initial + $0 } })
    }()
}

private extension String {
    func replacingAll(_ letter: Character, with replacement: Character) -> String {
        String(map { $0 == letter ? replacement : $0 })
    }
}
