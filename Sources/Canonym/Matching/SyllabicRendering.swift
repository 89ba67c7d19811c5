/// Foreign place names as Chinese, Korean and Japanese write them, syllable by syllable, read back
/// as the name they render. Each language fills its syllables with vowels the name does not have:
/// Chinese in pinyin (*luo si ji lei* for *Roskilde*, *suo si nuo wo bo er si ke* for
/// *Sosnovoborsk*), Korean with *eu* (*lakinseukeu* for *Lakinsk*), Japanese with *u* and *o*
/// (*kurasunoyarusuku* for *Krasnoyarsk*). The readings drop those vowels and write the letters
/// as English does; the matcher scores them against places only, scaled down
/// (`NameScorer.transcriptionFactor`): a reading, not a spelling.
enum SyllabicRendering {
    /// The readings of `words` that differ from them: Chinese when there are two words or more,
    /// each a pinyin syllable; Korean and Japanese word by word.
    static func readings(of words: [String]) -> [[String]] {
        var readings: [[String]] = []
        if let chinese = chineseReading(of: words) { readings.append(chinese) }
        let letters = words.map { Array($0.utf8) }
        for read in [koreanReading(of:), japaneseReading(of:)] {
            let reading = zip(words, letters).map { word, letters in read(letters).map { String(decoding: $0, as: UTF8.self) } ?? word }
            if reading != words && !readings.contains(reading) { readings.append(reading) }
        }
        return readings
    }

    // MARK: Chinese

    /// The name pinyin syllables render, as one word: pinyin letters as English writes those
    /// sounds (*x* → *s*, *q* → *ch*, *zh* → *j*, *c* → *ts*), *er* as *r*, a consonant's
    /// syllable after the first (*si*, *ke*, *fu*, *ci*, *shi*) as the consonant alone, and
    /// *uo*, *ao* as *o*, *ei*, *ai* as *e*, a final *ng* as *n*.
    static func chineseReading(of words: [String]) -> [String]? {
        guard words.count >= 2, words.allSatisfy(syllables.contains) else { return nil }
        var read = ""
        for (k, syllable) in words.enumerated() {
            var letters = syllable
            for (pinyin, english) in initials where letters.hasPrefix(pinyin) {
                letters = english + letters.dropFirst(pinyin.count)
                break
            }
            letters = String(letters.map { $0 == "v" ? "u" : $0 })
            if letters == "er" { read += "r"; continue }
            if k > 0, let consonant = bareConsonant(of: letters) { read += consonant; continue }
            for (pinyin, english) in finals where letters.hasSuffix(pinyin) {
                letters = letters.dropLast(pinyin.count) + english
                break
            }
            read += letters
        }
        return [read]
    }

    /// Pinyin initials English writes otherwise (the longer first: *zh* before *z*).
    private static let initials: [(String, String)] = [("zh", "j"), ("x", "s"), ("q", "ch"), ("c", "ts")]
    /// Finals that render a foreign vowel or *n* (*ao er sha* for *Orsha*, *sai ta te* for
    /// *Settat*, *ba ha er deng* for *Bäherden*).
    private static let finals: [(String, String)] = [("uo", "o"), ("ao", "o"), ("ei", "e"), ("ai", "e"), ("ng", "n")]

    /// The consonant of a syllable that is a consonant and a bare *i*, *e* or *u*.
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

    // MARK: Korean

    /// Whether `word` reads as Korean's Revised Romanisation of a foreign name: *eu* or *eo*
    /// after a consonant (*seukeu*, *peulleinpildeu*; a German *eu*, *Neuss*, too).
    static func looksKorean(_ word: [UInt8]) -> Bool {
        let e = UInt8(ascii: "e"), u = UInt8(ascii: "u"), o = UInt8(ascii: "o")
        return (1..<max(1, word.count - 1)).contains { !isVowel(word[$0 - 1]) && word[$0] == e && (word[$0 + 1] == u || word[$0 + 1] == o) }
    }

    /// A word in the Revised Romanisation with its filling *eu* dropped (after a consonant:
    /// *seukeu* → *sk*), *eo* as *o* and *ae* as *e*; nil when it has no *eu* or *eo* after a
    /// consonant. A German *eu* (*Neuss*) is read so too: the word as written still matches.
    static func koreanReading(of word: [UInt8]) -> [UInt8]? {
        guard looksKorean(word) else { return nil }
        let e = UInt8(ascii: "e"), u = UInt8(ascii: "u"), o = UInt8(ascii: "o"), a = UInt8(ascii: "a")
        var read: [UInt8] = []
        var k = 0
        while k < word.count {
            let next = k + 1 < word.count ? word[k + 1] : 0
            if word[k] == e && next == u, let previous = read.last, !isVowel(previous) {
                k += 2  // the filling eu
            } else if word[k] == e && next == o {
                read.append(o); k += 2
            } else if word[k] == a && next == e {
                read.append(e); k += 2
            } else {
                read.append(word[k]); k += 1
            }
        }
        return read == word ? nil : read
    }

    // MARK: Japanese

    /// A word of Japanese syllables (a consonant or none, then a vowel; or *n*) with its filling
    /// vowels dropped: *u* after *k*, *g*, *s*, *z*, *b*, *p*, *f*, *v*, *m*, *r*, *h* and *o* after
    /// *t*, *d*, before a consonant or at the end (*kurasunoyarusuku* → *krasnoyarsk*); nil when
    /// the word is not all such syllables, or has no such vowel.
    static func japaneseReading(of word: [UInt8]) -> [UInt8]? {
        guard isJapaneseSyllables(word) else { return nil }
        var read: [UInt8] = []
        for (k, letter) in word.enumerated() {
            let before = k > 0 ? word[k - 1] : 0, after = k + 1 < word.count ? word[k + 1] : 0
            let filling = (letter == UInt8(ascii: "u") && fillsU.contains(before)) || (letter == UInt8(ascii: "o") && fillsO.contains(before))
            if filling && (after == 0 || !isVowel(after)) { continue }
            read.append(letter)
        }
        return read == word ? nil : read
    }
    private static let fillsU = Set("kgszbpfmrhv".utf8), fillsO = Set("td".utf8)

    /// Whether `word` is all Japanese syllables as romanised: an onset (`onsets`, with *v* for
    /// ヴ, or one of the two-letter onsets *sh*, *ch*, *ts* and a consonant of `yOnsets` before
    /// *y*), then a vowel, the onset doubled or not (っ); or a syllable-closing *n*. The scorer asks it of the words it compares.
    static func isJapaneseSyllables(_ word: [UInt8]) -> Bool {
        guard word.count >= 4 else { return false }
        var k = 0
        while k < word.count {
            let letter = word[k]
            if isVowel(letter) { k += 1; continue }
            if letter == UInt8(ascii: "n") && (k + 1 == word.count || !isVowel(word[k + 1])) { k += 1; continue }
            guard onsets.contains(letter) else { return false }
            // A doubled consonant (っ) before its syllable: *uintofukku*, *kattorika*.
            if k + 1 < word.count && word[k + 1] == letter && letter != UInt8(ascii: "y") && letter != UInt8(ascii: "w") { k += 1; continue }
            var vowel = k + 1
            if vowel < word.count {
                let next = word[vowel]
                if (next == UInt8(ascii: "h") && (letter == UInt8(ascii: "s") || letter == UInt8(ascii: "c")))
                    || (next == UInt8(ascii: "s") && letter == UInt8(ascii: "t"))
                    || (next == UInt8(ascii: "y") && yOnsets.contains(letter)) { vowel += 1 }
            }
            guard vowel < word.count, isVowel(word[vowel]) else { return false }
            k = vowel + 1
        }
        return true
    }
    private static let onsets = LetterSet("kgsztdnhbpmyrwfjcv"), yOnsets = LetterSet("kgsztdnhbpmrwfjc")

    private static func isVowel(_ letter: UInt8) -> Bool { vowels.contains(letter) }
    static let vowels = LetterSet("aeiou")
}
