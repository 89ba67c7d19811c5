/// ICU's answers to many short texts in one call, for the letter tables (`CyrillicLetters`,
/// `ArabicLetters`): each answer as the ASCII letters and digits `asciiWords` keeps of it.
enum LetterTableAnswers {
    /// `romanize` (ICU's two steps) of each of `questions`, asked once with them joined by
    /// spaces; nil for an answer that holds a word separator, and nil for all when the answer
    /// does not come back one word per question.
    static func ask(_ questions: [String], transform: String, romanize: (String, String) -> String?) -> [[UInt8]?]? {
        guard let answer = romanize(questions.joined(separator: " "), transform) else { return nil }
        // Cut at space scalars: a mark after a space makes one character with it.
        let words = answer.unicodeScalars.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count == questions.count else { return nil }
        return words.map { kept(String(String.UnicodeScalarView($0))) }
    }

    /// The ASCII letters and digits of one answer, lowered; nil when it holds a word separator.
    private static func kept(_ word: String) -> [UInt8]? {
        var kept: [UInt8] = []
        for byte in word.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): kept.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): kept.append(byte | 0x20)
            case UInt8(ascii: "-"), UInt8(ascii: "\t"): return nil
            default: break
            }
        }
        return kept
    }
}
