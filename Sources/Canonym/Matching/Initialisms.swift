/// Words a query writes in capitals that may stand for initials: *PLA* for *People's Liberation
/// Army*, *JC* for *Jean-Claude*. Only the writing tells an initialism from a word (*Les*, *Ali*),
/// so it is read from the query as typed, before folding.
enum Initialisms {
    /// The folded (lower-case) words of `input` that it writes in capitals and that may be
    /// initialisms: two to six letters A–Z, told apart from the rest of the name (the input has
    /// lower-case letters elsewhere, is that one word, or the word has no vowel), and no Roman
    /// numeral (*III*), company legal form (*LLC*) or title (*DR*).
    static func capitalisedWords(in input: String) -> Set<String> {
        // Most names have no two capitals in a row: answered without reading letter properties.
        let isCapital = { (byte: UInt8) in (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
        guard zip(input.utf8, input.utf8.dropFirst()).contains(where: { isCapital($0) && isCapital($1) }) else { return [] }
        var runs: [(letters: [UInt8], isCapitalised: Bool)] = []
        var current: [UInt8] = [], currentIsCapitalised = true, hasLowerCase = false
        func endRun() {
            if !current.isEmpty { runs.append((current, currentIsCapitalised)) }
            current = []
            currentIsCapitalised = true
        }
        for scalar in input.unicodeScalars {
            guard scalar.properties.isAlphabetic else { endRun(); continue }
            let isLower = scalar.properties.isLowercase
            hasLowerCase = hasLowerCase || isLower
            guard scalar.isASCII else { current.append(0); currentIsCapitalised = false; continue }
            current.append(UInt8(scalar.value | 0x20))
            currentIsCapitalised = currentIsCapitalised && !isLower
        }
        endRun()
        var words = Set<String>()
        for run in runs where run.isCapitalised && (2...6).contains(run.letters.count) {
            let letters = run.letters
            let hasVowel = letters.contains { vowels.contains($0) }
            guard hasLowerCase || runs.count == 1 || !hasVowel,
                  !letters.allSatisfy(romanNumerals.contains), !LegalForms.codes.contains(letters),
                  !NameScorer.personTitles.contains(letters) else { continue }
            words.insert(String(decoding: letters, as: UTF8.self))
        }
        return words
    }

    /// `words` with each word of `initialisms` spelt out as its letters (*jc juncker* →
    /// *j c juncker*), for pairing initials with the name's words; nil when none is there.
    static func spelledOut(_ words: [String], initialisms: Set<String>) -> [String]? {
        guard words.contains(where: initialisms.contains) else { return nil }
        return words.flatMap { initialisms.contains($0) ? $0.map(String.init) : [$0] }
    }

    /// The acronym a one-word query may be (*pla*), or nil.
    static func acronym(_ words: [String], initialisms: Set<String>) -> String? {
        words.count == 1 && initialisms.contains(words[0]) ? words[0] : nil
    }

    /// `query` with its word at `position`, an initialism, replaced by the words of `name` whose
    /// initials it spells (*un security council* → *united nations security council*), and where
    /// those words stand in the result; nil when no run of the name's words has those initials,
    /// or when another query word is one of them: it would count twice (*US Steel* is not *United Steel*).
    static func expanded(_ query: [[UInt8]], at position: Int, in name: [[UInt8]]) -> (words: [[UInt8]], expansion: Range<Int>)? {
        guard let run = run(spelledBy: query[position], in: name) else { return nil }
        let spelled = name[run]
        for (k, word) in query.enumerated() where k != position && spelled.contains(word) { return nil }
        return (Array(query[..<position]) + spelled + query[(position + 1)...], position..<(position + run.count))
    }

    /// The first run of two words or more of `name` whose initials spell `acronym`, particles
    /// inside it skipped as `acronyms(of:)` skips them (*otan*, *organisation du traite de…*).
    private static func run(spelledBy acronym: [UInt8], in name: [[UInt8]]) -> Range<Int>? {
        guard acronym.count >= 2 else { return nil }
        for start in name.indices where initial(name[start]) == acronym[0] && !isParticle(name[start]) {
            var spelled = 1, end = start + 1
            while spelled < acronym.count, end < name.count {
                if initial(name[end]) == acronym[spelled] { spelled += 1 } else if !isParticle(name[end]) { break }
                end += 1
            }
            if spelled == acronym.count { return start..<end }
        }
        return nil
    }

    /// The acronyms a name of two words or more may go by: its words' initials, and those of its
    /// words other than particles (*otan* for *organisation du traite de atlantique nord*).
    static func acronyms(of words: [[UInt8]]) -> [String] {
        let keys = acronymKeys(of: words)
        return [keys.all, keys.significant].compactMap { $0.map(AcronymKey.letters) }
    }

    /// `acronyms(of:)` as packed keys (`AcronymKey`), for words read in place: the acronym table
    /// reads every name of a gazetteer.
    static func acronymKeys<Words: Collection>(of words: Words) -> (all: UInt64?, significant: UInt64?)
    where Words.Element: Collection<UInt8> {
        guard words.count >= 2, words.count <= 8 else { return (nil, nil) }
        var all = AcronymKey(), significant = AcronymKey()
        for word in words {
            guard let first = initial(word) else { continue }
            all.append(first)
            if !isParticle(word) { significant.append(first) }
        }
        return (all.count == words.count ? all.value : nil,
                significant.count >= 2 && significant.count < all.count ? significant.value : nil)
    }

    /// Up to twelve letters a–z packed five bits each, the first lowest: an acronym as a number.
    struct AcronymKey {
        private(set) var value: UInt64 = 0
        private(set) var count = 0

        mutating func append(_ letter: UInt8) {
            value |= UInt64(letter - UInt8(ascii: "a") + 1) << UInt64(5 * count)
            count += 1
        }

        /// The key of `letters`, or nil unless they are one to twelve letters a–z.
        static func of<Letters: Collection<UInt8>>(_ letters: Letters) -> UInt64? {
            guard (1...12).contains(letters.count), letters.allSatisfy(isLetter) else { return nil }
            var key = AcronymKey()
            for letter in letters { key.append(letter) }
            return key.value
        }

        static func letters(_ value: UInt64) -> String {
            var letters: [UInt8] = [], rest = value
            while rest != 0 { letters.append(UInt8(rest & 31) + UInt8(ascii: "a") - 1); rest >>= 5 }
            return String(decoding: letters, as: UTF8.self)
        }
    }

    private static func initial<Word: Collection<UInt8>>(_ word: Word) -> UInt8? {
        guard let first = word.first, isLetter(first) else { return nil }
        return first
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }

    private static func isParticle<Word: Collection<UInt8>>(_ word: Word) -> Bool {
        word.count <= 4 && AcronymKey.of(word).map(particles.contains) == true
    }

    private static let vowels = Set("aeiouy".utf8)
    private static let romanNumerals = Set("ivxlcdm".utf8)
    /// Words an acronym skips, as folded (French, English, Spanish, German, Italian, Portuguese),
    /// as keys: a word of four letters or fewer is told one by a number, not a hashed array.
    private static let particles = Set(["de", "du", "des", "la", "le", "les", "of", "the", "and", "for", "et", "pour",
                                        "y", "del", "el", "los", "las", "der", "die", "das", "und", "fur", "di", "da",
                                        "do", "dos", "e"].compactMap { AcronymKey.of($0.utf8) })
}
