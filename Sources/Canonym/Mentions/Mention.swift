/// A name found in running text, with what the gazetteer made of it.
///
/// Offsets count Unicode scalars (not bytes, not `Character`s) from the start of the text, so
/// tools in any language can slice the original text with them: `text[start..<end]`.
public struct Mention: Sendable {
    /// Behind one reference, as a ``Match``'s fields are: mentions are copied as they are found,
    /// sorted, resolved and shifted.
    private struct Fields {
        let start: Int, end: Int
        let text: String
        let match: Match
        let title: String?
        let resolvedByEarlierMention: Bool
        let foldedWords: [String]
    }
    private let shared: SharedValue<Fields>
    private var fields: Fields { _read { yield shared.value } }

    /// Scalar offset of the mention's first scalar.
    public var start: Int { fields.start }
    /// Scalar offset just past the mention's last scalar.
    public var end: Int { fields.end }
    /// The span as written (elided articles and possessive endings left out: *l'Ouzbékistan*
    /// gives *Ouzbékistan*).
    public var text: String { _read { yield fields.text } }
    /// The match. Unknown mentions are kept, with status `.unknown`.
    public var match: Match { _read { yield fields.match } }
    /// A title or honorific written just before the name (*M.*, *President*), kept out of the span.
    public var title: String? { _read { yield fields.title } }
    /// Set when the name was linked because an earlier mention in the same text named the same
    /// entity (*Blinken* after *Antony Blinken*).
    public var resolvedByEarlierMention: Bool { fields.resolvedByEarlierMention }
    /// The span's folded words, made when the span is found (on the thread that matches it): what
    /// resolving a lone surname against earlier mentions reads.
    package var foldedWords: [String] { _read { yield fields.foldedWords } }
    /// A lone capitalised word opening a sentence, unknown to the gazetteer: kept only when an
    /// earlier mention of the text explains it (*Auyezov.* after *Olzhas Auyezov*).
    var isTentative = false

    init(start: Int, end: Int, text: String, match: Match, title: String?, resolvedByEarlierMention: Bool, foldedWords: [String]) {
        shared = SharedValue(Fields(start: start, end: end, text: text, match: match, title: title,
                                    resolvedByEarlierMention: resolvedByEarlierMention, foldedWords: foldedWords))
    }

    func shifted(by offset: Int) -> Mention {
        guard offset != 0 else { return self }
        var moved = Mention(start: start + offset, end: end + offset, text: text, match: match, title: title,
                            resolvedByEarlierMention: resolvedByEarlierMention, foldedWords: foldedWords)
        moved.isTentative = isTentative
        return moved
    }
}
