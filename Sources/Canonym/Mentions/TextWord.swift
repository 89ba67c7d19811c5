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

    var lowercased: String { text.lowercased() }
}

/// Splits running text into words: letters, digits and marks, with hyphens and apostrophes
/// inside a word kept (*Kassym-Jomart*, *O'Brien*). French elision before a capital is split
/// off (*l'Ouzbékistan*, *d’Astana*, *qu'Antony* give *Ouzbékistan*, *Astana*, *Antony*), and so
/// is the English possessive (*Tokayev's* gives *Tokayev*).
enum TextWords {
    static let elisions: Set<String> = ["l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu"]

    static func words(in scalars: [Unicode.Scalar]) -> [TextWord] {
        var words: [TextWord] = []
        var index = 0
        var sentenceStart = true
        var separatorSinceWord = false  // punctuation other than spaces since the previous word
        while index < scalars.count {
            let scalar = scalars[index]
            guard Tokenizer.isWordScalar(scalar) else {
                if ".!?…:;«»\"“”()[]\n".unicodeScalars.contains(scalar) {
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
            var piece = Array(scalars[start..<end])
            // French elision: a known prefix and an apostrophe. Before a capital the name follows;
            // before a lower-case letter the word is an ordinary one (*L'invasion*), whatever its capital.
            var elidedCommonWord = false
            if let apostrophe = piece.firstIndex(where: Tokenizer.isApostrophe), apostrophe > 0, apostrophe + 1 < piece.count,
               elisions.contains(String(String.UnicodeScalarView(piece[..<apostrophe])).lowercased()) {
                if piece[apostrophe + 1].properties.isUppercase {
                    start += apostrophe + 1
                    piece.removeFirst(apostrophe + 1)
                } else {
                    elidedCommonWord = true
                }
            }
            // English possessive.
            var wordEnd = end
            if piece.count > 2, Tokenizer.isApostrophe(piece[piece.count - 2]), piece.last == "s" || piece.last == "S" {
                piece.removeLast(2)
                wordEnd -= 2
            }
            let text = String(String.UnicodeScalarView(piece))
            // *al-Assad*, *el-Sisi*, *ben-Gourion*: a particle joined to a capitalised name.
            var first = piece.first(where: { $0.properties.isAlphabetic })
            if let hyphen = piece.firstIndex(of: "-"), hyphen + 1 < piece.count,
               MentionLexicon.particles.union(["ben", "abu", "abou"]).contains(String(String.UnicodeScalarView(piece[..<hyphen]))) {
                first = piece[hyphen + 1]
            }
            words.append(TextWord(
                text: text, start: start, end: wordEnd,
                isCapitalised: !elidedCommonWord && (first?.properties.isUppercase ?? false),
                joinsPrevious: !separatorSinceWord && !words.isEmpty,
                startsSentence: sentenceStart,
                followedByPeriod: end < scalars.count && scalars[end] == "."))
            sentenceStart = false
            separatorSinceWord = false
            index = end
        }
        return words
    }
}
