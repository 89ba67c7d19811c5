/// Which (length, first letter) the words of a small vocabulary have, so that most other words
/// are ruled out by one array read, without hashing: folding an ASCII name must stay well under
/// a microsecond, and `LegalForms` and `NumberWords` look at every word of it.
struct WordShapes: Sendable {
    private let maximumLength: Int
    private let shapes: [Bool]

    init(of words: some Sequence<String>) {
        let words = Array(words)
        maximumLength = words.map(\.utf8.count).max() ?? 0
        var shapes = [Bool](repeating: false, count: (maximumLength + 1) * 26)
        for word in words { if let shape = Self.shape(of: word.utf8, maximumLength: maximumLength) { shapes[shape] = true } }
        self.shapes = shapes
    }

    /// False when no word of the vocabulary has `word`'s length and first letter (a-z).
    func mayHold(_ word: String) -> Bool { mayHold(utf8: word.utf8) }

    /// `mayHold` of a word's UTF-8.
    func mayHold(utf8 word: some Collection<UInt8>) -> Bool {
        guard let shape = Self.shape(of: word, maximumLength: maximumLength) else { return false }
        return shapes[shape]
    }

    private static func shape(of utf8: some Collection<UInt8>, maximumLength: Int) -> Int? {
        guard let first = utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"), utf8.count <= maximumLength else { return nil }
        return utf8.count * 26 + Int(first - UInt8(ascii: "a"))
    }
}
