/// A word of running text, located by Unicode-scalar offsets.
struct TextWord: Sendable {
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
    /// The text, made when the word is cut for capitalised words only: they are folded, matched
    /// and joined into spans, where few of a text's other words are read at all.
    let madeText: String?
}

/// The words of a chunk of text with the scalars they are ranges of: a word's text is made
/// (``text(_:)``), or a lexicon asked about it (``word(_:isIn:lowercased:)``), from its scalars.
struct ChunkWords: Sendable {
    let scalars: [Unicode.Scalar]
    let list: [TextWord]

    var count: Int { list.count }
    subscript(index: Int) -> TextWord { list[index] }

    /// The text of word `index`: made when it was cut if capitalised, else now.
    func text(_ index: Int) -> String {
        let word = list[index]
        return word.madeText ?? TextWords.string(of: scalars[word.start..<word.end])
    }

    /// The texts of the words of `span` joined by `separator`. One string grown in place: an
    /// array of the words' texts joined was two allocations more per span tried.
    func text(of span: Range<Int>, separator: String = " ") -> String {
        guard span.count > 1 else { return span.isEmpty ? "" : text(span.lowerBound) }
        var joined = text(span.lowerBound)
        for index in span.dropFirst() {
            joined += separator
            joined += text(index)
        }
        return joined
    }

    /// Whether `set` holds word `index` as written or, when `lowercased`, in lower case.
    func word(_ index: Int, isIn set: WordSet, lowercased: Bool) -> Bool {
        set.contains(scalars[list[index].start..<list[index].end], lowercasing: lowercased)
    }
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

    /// The words of `scalars`, each read as a range of them in one pass. Only a capitalised
    /// word's text is made here (a string per word of the text was a third of the cost of cutting
    /// it), and lexicons are asked about a word's scalars, with no string made.
    static func words(in scalars: [Unicode.Scalar]) -> ChunkWords {
        var words: [TextWord] = []
        words.reserveCapacity(scalars.count / 6 + 8)  // news averages a word per six scalars or more
        var index = 0
        var sentenceStart = true
        var separatorSinceWord = false  // punctuation other than spaces since the previous word
        while index < scalars.count {
            let scalar = scalars[index]
            // A space, the commonest scalar between words, asks for nothing.
            if scalar == " " {
                index += 1
                continue
            }
            guard Tokenizer.isWordScalar(scalar) else {
                if isSentenceRulePunctuation(scalar) {
                    // A period after a one-letter word or a title abbreviation does not end a sentence.
                    let abbreviation = scalar == "." && (words.last.map { $0.end == index && isAbbreviation($0, in: scalars) } ?? false)
                    if !abbreviation && scalar != "(" && scalar != ")" && scalar != "[" && scalar != "]" && scalar != ":" && scalar != ";" { sentenceStart = true }
                    if scalar == "\n" { sentenceStart = true }
                }
                if !(scalar == " " || scalar == "\u{A0}" || scalar == "\u{202F}" || scalar == "\t") { separatorSinceWord = true }
                index += 1
                continue
            }
            // The first apostrophe and hyphen are noted on the way. An apostrophe that is a word
            // scalar (a modifier letter) is never ASCII; a hyphen only ever joins.
            var apostrophe: Int? = scalar.isASCII || !Tokenizer.isApostrophe(scalar) ? nil : index
            var hyphen: Int?
            var end = index + 1
            // ASCII letters and digits, most of a word's scalars, read first in a tight loop.
            scalars.withUnsafeBufferPointer { scalars in
                while end < scalars.count, isASCIILetterOrDigit(scalars[end].value) { end += 1 }
            }
            while end < scalars.count {
                let next = scalars[end]
                if Tokenizer.isWordScalar(next) {
                    if apostrophe == nil, !next.isASCII, Tokenizer.isApostrophe(next) { apostrophe = end }
                    end += 1
                    continue
                }
                let isHyphen = next == "-", isApostrophe = !isHyphen && Tokenizer.isApostrophe(next)
                guard isHyphen || isApostrophe || next == "\u{2010}", end + 1 < scalars.count, Tokenizer.isWordScalar(scalars[end + 1]) else { break }
                if isHyphen, hyphen == nil { hyphen = end }
                if isApostrophe, apostrophe == nil { apostrophe = end }
                end += 1  // the word scalar after the joiner is read as the loop goes on
            }
            var start = index
            // French elision: a known prefix and an apostrophe. Before a capital the name follows;
            // before a lower-case letter the word is an ordinary one (*L'invasion*), whatever its capital.
            var elidedCommonWord = false
            if let apostrophe, apostrophe > start, apostrophe + 1 < end, elisions.contains(scalars[start..<apostrophe], lowercasing: true) {
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
            // *al-Assad*, *el-Sisi*, *ben-Gourion*: a particle joined to a capitalised name. The
            // hyphen noted is the word's first: an elided prefix and a possessive hold none.
            // Found by index, not in a slice of the scalars: fewer instructions per word.
            var first = word.firstIndex { isAlphabetic(scalars[$0]) }.map { scalars[$0] }
            if let hyphen, hyphen + 1 < wordEnd, hyphenatedParticles.contains(scalars[start..<hyphen], lowercasing: false) {
                first = scalars[hyphen + 1]
            }
            let isCapitalised = !elidedCommonWord && (first.map(isUppercase) ?? false)
            words.append(TextWord(
                start: start, end: wordEnd,
                isCapitalised: isCapitalised,
                joinsPrevious: !separatorSinceWord && !words.isEmpty,
                startsSentence: sentenceStart,
                followedByPeriod: end < scalars.count && scalars[end] == ".",
                madeText: isCapitalised ? string(of: scalars[word]) : nil))
            sentenceStart = false
            separatorSinceWord = false
            index = end
        }
        return ChunkWords(scalars: scalars, list: words)
    }

    /// A word of one character, or a title abbreviation (*M*, *Mme*): a full stop after it does
    /// not end the sentence.
    private static func isAbbreviation(_ word: TextWord, in scalars: [Unicode.Scalar]) -> Bool {
        let letters = scalars[word.start..<word.end]
        // ASCII letters and digits are a character each; other scalars may combine.
        let isOneCharacter = letters.count == 1 || (!letters.allSatisfy(\.isASCII) && string(of: letters).count == 1)
        return isOneCharacter || MentionLexicon.titleAbbreviations.contains(letters, lowercasing: false)
    }

    /// The scalars of `text`, decoded from its UTF-8 in place: the standard library's scalar view,
    /// counted and then copied, cost a tenth of a scan of news text. Runs of eight ASCII bytes
    /// (most of news) are widened together, and values are stored as the `UInt32`s scalars are:
    /// `Unicode.Scalar(_:)` checks each, which a String's valid UTF-8 does not need.
    package static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8(scalars(ofValidUTF8:))
    }

    /// `scalars(of:)` of bytes that `UTF8Validation` has found valid (anything else is read wrong).
    package static func scalars(ofValidUTF8 utf8: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { scalars, count in
            count = 0
            guard let bytes = utf8.baseAddress, let start = scalars.baseAddress else { return }
            start.withMemoryRebound(to: UInt32.self, capacity: utf8.count) { values in
                var index = 0
                while index < utf8.count {
                    if index + 8 <= utf8.count {
                        let eight = UnsafeRawPointer(bytes + index).loadUnaligned(as: SIMD8<UInt8>.self)
                        if unsafeBitCast(eight, to: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                            UnsafeMutableRawPointer(values + count).storeBytes(of: SIMD8<UInt32>(truncatingIfNeeded: eight), as: SIMD8<UInt32>.self)
                            index += 8
                            count += 8
                            continue
                        }
                    }
                    let lead = UInt32(bytes[index])
                    var value = lead
                    // A String holds valid UTF-8: a lead byte says how many continuation bytes follow.
                    if lead >= 0xF0 {
                        value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    } else if lead >= 0xE0 {
                        value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    } else if lead >= 0xC0 {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    } else {
                        index += 1
                    }
                    values[count] = value
                    count += 1
                }
            }
        }
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

    @inline(__always) private static func isASCIILetterOrDigit(_ value: UInt32) -> Bool {
        value &- 0x30 < 10 || (value | 0x20) &- 0x61 < 26
    }

    /// `properties.isAlphabetic` and `isUppercase`, told without a property lookup for ASCII and
    /// the letters of Latin-1 (a lookup costs hundreds of instructions, and runs once or twice
    /// per word of the text; French capitals are *É*, *À*). `TextWordsTests` holds the shortcuts
    /// to the properties.
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0xC0 && value <= 0xFF { return value != 0xD7 && value != 0xF7 }
        return scalar.properties.isAlphabetic
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value >= 0xC0 && value <= 0xFF { return value <= 0xDE && value != 0xD7 }
        return scalar.properties.isUppercase
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
