/// A word of running text, located by Unicode-scalar offsets.
struct TextWord: Sendable {
    let text: String
    let start: Int
    let end: Int
    /// The first letter is upper case (*Astana*, *ASTANA*, *Kassym-Jomart*).
    let isCapitalised: Bool
    /// Nothing but punctuation-free space separates this word from the previous one.
    let joinsPrevious: Bool
    /// The word opens a sentence (or a line, or a quotation), where capitals say nothing.
    let startsSentence: Bool
    /// A full stop follows directly (*M.*, an initial).
    let followedByPeriod: Bool
    /// The text in lower case when that differs from it, made once: the lexicon is asked about
    /// a word several times per capitalised run.
    let lowercasedText: String?

    var lowercased: String { lowercasedText ?? text }
}

/// Splits running text into words: letters, digits and marks, with hyphens and apostrophes
/// inside a word kept (*Kassym-Jomart*, *O'Brien*). French elision before a capital is split
/// off (*l'Ouzbékistan*, *d’Astana*, *qu'Antony* give *Ouzbékistan*, *Astana*, *Antony*), and so
/// is the English possessive (*Tokayev's* gives *Tokayev*).
package enum TextWords {
    static let elisions: WordSet = ["l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu"]

    /// Particles written joined to a name by a hyphen (*al-Assad*, *ben-Gourion*), whose name's
    /// capital says the word is capitalised.
    private static let hyphenatedParticles = MentionLexicon.particles.union(["ben", "abu", "abou"])

    /// The words of `scalars`. Each word is read as a range of the scalars and its text made from
    /// their UTF-8 bytes: an array and a string built scalar by scalar per word cost a quarter of
    /// a scan of news text.
    static func words(in scalars: [Unicode.Scalar]) -> [TextWord] {
        var words: [TextWord] = []
        words.reserveCapacity(scalars.count / 6 + 8)  // news averages a word per six scalars or more
        func text(_ range: Range<Int>) -> String { string(of: scalars[range]) }
        var index = 0
        var sentenceStart = true
        var separatorSinceWord = false  // punctuation other than spaces since the previous word
        while index < scalars.count {
            let scalar = scalars[index]
            guard Tokenizer.isWordScalar(scalar) else {
                if isSentenceRulePunctuation(scalar) {
                    // A period after a one-letter word or a title abbreviation does not end a sentence.
                    let abbreviation = scalar == "." && (words.last.map { $0.end == index && (($0.text.count == 1) || MentionLexicon.titleAbbreviations.contains($0.text)) } ?? false)
                    if !abbreviation && scalar != "(" && scalar != ")" && scalar != "[" && scalar != "]" && scalar != ":" && scalar != ";" { sentenceStart = true }
                    if scalar == "\n" { sentenceStart = true }
                }
                if !(scalar == " " || scalar == "\u{A0}" || scalar == "\u{202F}" || scalar == "\t") { separatorSinceWord = true }
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count {
                if Tokenizer.isWordScalar(scalars[end]) { end += 1; continue }
                let joiner = scalars[end] == "-" || scalars[end] == "\u{2010}" || Tokenizer.isApostrophe(scalars[end])
                if joiner && end + 1 < scalars.count && Tokenizer.isWordScalar(scalars[end + 1]) { end += 2; continue }
                break
            }
            var start = index
            // French elision: a known prefix and an apostrophe. Before a capital the name follows;
            // before a lower-case letter the word is an ordinary one (*L'invasion*), whatever its capital.
            var elidedCommonWord = false
            if let apostrophe = scalars[start..<end].firstIndex(where: Tokenizer.isApostrophe), apostrophe > start, apostrophe + 1 < end,
               elisions.contains(text(start..<apostrophe).lowercased()) {
                if isUppercase(scalars[apostrophe + 1]) {
                    start = apostrophe + 1
                } else {
                    elidedCommonWord = true
                }
            }
            // English possessive.
            var wordEnd = end
            if wordEnd - start > 2, Tokenizer.isApostrophe(scalars[wordEnd - 2]), scalars[wordEnd - 1] == "s" || scalars[wordEnd - 1] == "S" {
                wordEnd -= 2
            }
            let word = start..<wordEnd
            // *al-Assad*, *el-Sisi*, *ben-Gourion*: a particle joined to a capitalised name.
            var first = scalars[word].first(where: isAlphabetic)
            if let hyphen = scalars[word].firstIndex(of: "-"), hyphen + 1 < wordEnd, hyphenatedParticles.contains(text(start..<hyphen)) {
                first = scalars[hyphen + 1]
            }
            let wordText = text(word)
            words.append(TextWord(
                text: wordText, start: start, end: wordEnd,
                isCapitalised: !elidedCommonWord && (first.map(isUppercase) ?? false),
                joinsPrevious: !separatorSinceWord && !words.isEmpty,
                startsSentence: sentenceStart,
                followedByPeriod: end < scalars.count && scalars[end] == ".",
                lowercasedText: changesWhenLowercased(scalars[word]) ? wordText.lowercased() : nil))
            sentenceStart = false
            separatorSinceWord = false
            index = end
        }
        return words
    }

    /// Whether lowering any of `scalars` changes it (else the text is its own lower case).
    static func changesWhenLowercased(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        scalars.contains { scalar in
            // Latin-1 told without a property lookup: its capitals are A–Z and À–Þ but ×.
            let value = scalar.value
            if value < 0x100 { return (value >= 0x41 && value <= 0x5A) || (value >= 0xC0 && value <= 0xDE && value != 0xD7) }
            return scalar.properties.changesWhenLowercased
        }
    }

    /// The scalars of `text`, decoded from its UTF-8 in place: the standard library's scalar view,
    /// counted and then copied, cost a tenth of a scan of news text.
    package static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { scalars, count in
                var index = 0
                count = 0
                while index < utf8.count {
                    let lead = UInt32(utf8[index])
                    var value = lead
                    // A String holds valid UTF-8: a lead byte says how many continuation bytes follow.
                    if lead >= 0xF0 {
                        value = (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(utf8[index + 2] & 0x3F) << 6 | UInt32(utf8[index + 3] & 0x3F)
                        index += 4
                    } else if lead >= 0xE0 {
                        value = (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                        index += 3
                    } else if lead >= 0xC0 {
                        value = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                        index += 2
                    } else {
                        index += 1
                    }
                    scalars[count] = Unicode.Scalar(value).unsafelyUnwrapped
                    count += 1
                }
            }
        }
    }

    /// How many scalars `text` has: its UTF-8 bytes that are not continuation bytes.
    package static func scalarCount(of text: String) -> Int {
        var text = text
        return text.withUTF8 { utf8 in utf8.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }

    /// The text of `scalars`, made from their UTF-8 bytes in a buffer on the stack: a string
    /// grown scalar by scalar costs several times as much.
    static func string(of scalars: ArraySlice<Unicode.Scalar>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, scalars.count * 4)) { buffer in
            var count = 0
            for scalar in scalars {
                if scalar.isASCII {
                    buffer[count] = UInt8(truncatingIfNeeded: scalar.value)
                    count += 1
                } else {
                    UTF8.encode(scalar) { buffer[count] = $0; count += 1 }
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    /// `properties.isAlphabetic` and `isUppercase`, told without a property lookup for ASCII
    /// (a lookup costs tens of nanoseconds, and runs once or twice per word of the text).
    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A : scalar.properties.isAlphabetic
    }

    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    /// The punctuation the sentence rule looks at: most of it opens a new sentence, where a
    /// capital says nothing (the caller leaves out brackets, colons and semicolons).
    private static func isSentenceRulePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "…", ":", ";", "«", "»", "\"", "“", "”", "(", ")", "[", "]", "\n": true
        default: false
        }
    }
}
