/// A name found in running text, with what the gazetteer made of it.
///
/// Offsets count Unicode scalars (not bytes, not `Character`s) from the start of the text, so
/// tools in any language can slice the original text with them: `text[start..<end]`.
public struct Mention: Sendable {
    /// Scalar offset of the mention's first scalar.
    public let start: Int
    /// Scalar offset just past the mention's last scalar.
    public let end: Int
    /// The span as written (elided articles and possessive endings left out: *l'Ouzbékistan*
    /// gives *Ouzbékistan*).
    public let text: String
    /// The match. Unknown mentions are kept, with status `.unknown`.
    public let match: Match
    /// A title or honorific written just before the name (*M.*, *President*), kept out of the span.
    public let title: String?
    /// Set when the name was linked because an earlier mention in the same text named the same
    /// entity (*Blinken* after *Antony Blinken*).
    public let resolvedByEarlierMention: Bool
    /// A lone capitalised word opening a sentence, unknown to the gazetteer: kept only when an
    /// earlier mention of the text explains it (*Auyezov.* after *Olzhas Auyezov*).
    var isTentative = false
    /// The span's folded words, made when the span is found (on the thread that matches it): what
    /// resolving a lone surname against earlier mentions reads.
    var foldedWords: [String] = []

    func shifted(by offset: Int) -> Mention {
        guard offset != 0 else { return self }
        var moved = Mention(start: start + offset, end: end + offset, text: text, match: match, title: title,
                            resolvedByEarlierMention: resolvedByEarlierMention)
        moved.isTentative = isTentative
        moved.foldedWords = foldedWords
        return moved
    }
}
