/// Writes a text back with its linked mentions replaced by, or annotated with, their canonical
/// forms. Unknown mentions, and everything between mentions, are left exactly as they were.
public enum TextRewriter {
    public enum Mode: String, Sendable, CaseIterable {
        /// *Tokaïev* → *Kassym-Jomart Tokayev*.
        case replace
        /// *Tokaïev* → *Tokaïev [Kassym-Jomart Tokayev]*; nothing added where the two are the same.
        case annotate
    }

    /// - Parameter mentions: mentions of `text`, as ``MentionFinder`` returns them (sorted, not overlapping).
    /// - Complexity: O(length of the text).
    public static func rewrite(_ text: String, mentions: [Mention], mode: Mode) -> String {
        let scalars = TextWords.scalars(of: text)
        var out = String.UnicodeScalarView()
        var position = 0
        for mention in mentions where mention.start >= position {
            out.append(contentsOf: scalars[position..<mention.start])
            let written = scalars[mention.start..<mention.end]
            if let canonical = mention.match.entity?.canonical, mention.match.status != .unknown, canonical != mention.text {
                switch mode {
                case .replace: out.append(contentsOf: canonical.unicodeScalars)
                case .annotate: out.append(contentsOf: written); out.append(contentsOf: " [\(canonical)]".unicodeScalars)
                }
            } else {
                out.append(contentsOf: written)
            }
            position = mention.end
        }
        out.append(contentsOf: scalars[position...])
        return String(out)
    }
}
