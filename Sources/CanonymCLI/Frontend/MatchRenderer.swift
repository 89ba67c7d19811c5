import Canonym

/// Turns matches into output records: JSON Lines (the contract of DESIGN.md 3.2) or TSV.
struct MatchRenderer {
    let format: OutputFormat
    let candidateCount: Int
    let explain: Bool
    let matcher: Matcher

    /// Under a confidence model each record also says how likely its best candidate is right.
    var reportsConfidence: Bool { matcher.options.confidenceModel != nil }

    var header: String? {
        format == .tsv ? "input\tstatus\tid\tcanonical\tscore\ttype\tmatched" + (reportsConfidence ? "\tconfidence\n" : "\n") : nil
    }

    func render(_ match: Match) -> String {
        let best = match.best
        switch format {
        case .json:
            var fields: [(String, String)] = [
                ("input", JSON.string(match.input)),
                ("status", JSON.string(match.status.rawValue)),
                ("id", JSON.optional(best?.entity.id)),
                ("canonical", JSON.optional(best?.entity.canonical)),
                ("score", JSON.number(best?.score)),
                ("type", JSON.optional(best?.entity.type.rawValue)),
                ("matched", JSON.optional(best?.matchedName)),
            ]
            if reportsConfidence { fields.append(("confidence", JSON.number(match.confidence))) }
            if candidateCount > 0 {
                fields.append(("candidates", JSON.array(match.candidates.prefix(candidateCount).map { candidate in
                    JSON.object([("id", JSON.string(candidate.entity.id)), ("canonical", JSON.string(candidate.entity.canonical)),
                                 ("score", JSON.number(candidate.score)), ("matched", JSON.string(candidate.matchedName))])
                })))
            }
            if explain, let shown = best ?? match.candidates.first {
                fields.append(("explanation", JSON.array(matcher.explain(shown).lines.map(JSON.string))))
            }
            return JSON.object(fields) + "\n"
        case .tsv:
            let cells = [match.input, match.status.rawValue, best?.entity.id ?? "", best?.entity.canonical ?? "",
                         best.map { JSON.number($0.score) } ?? "", best?.entity.type.rawValue ?? "", best?.matchedName ?? ""]
                + (reportsConfidence ? [match.confidence.map { JSON.number($0) } ?? ""] : [])
            return cells.map(Self.tsvCell).joined(separator: "\t") + "\n"
        }
    }

    func renderError(input: String, message: String) -> String {
        switch format {
        case .json:
            return JSON.object([("input", JSON.string(input)), ("status", JSON.string("error")), ("id", "null"),
                                ("canonical", "null"), ("score", "null"), ("message", JSON.string(message))]) + "\n"
        case .tsv:
            return ([input, "error", "", "", "", "", message] + (reportsConfidence ? [""] : [])).map(Self.tsvCell).joined(separator: "\t") + "\n"
        }
    }

    /// Tabs and line breaks inside a cell would break the row: they become spaces.
    static func tsvCell(_ text: String) -> String {
        text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" })
            ? String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) : text
    }
}
