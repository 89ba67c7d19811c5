import ArgumentParser
import Canonym

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how names were folded, matched and scored, edit by edit.")

    @OptionGroup var gazetteers: GazetteerOptions
    @OptionGroup var matching: MatchingOptions

    @Argument(help: "The names to explain.")
    var names: [String]

    @Option(help: "How many candidates to explain per name.")
    var candidates = 3

    func run() throws {
        let matcher = ProcessLifetime.keep(try matching.matcher(for: try gazetteers.load(), candidateCount: max(1, candidates)))
        let output = OutputWriter()
        for (index, name) in names.enumerated() {
            if index > 0 { output.write("\n") }
            output.write(ExplanationPrinter.render(matcher.match(name), matcher: matcher, folder: .shared))
        }
    }
}

/// The human-readable report of `canonym explain`.
enum ExplanationPrinter {
    static func render(_ match: Match, matcher: Matcher, folder: NameFolder) -> String {
        let form = folder.fold(match.input)
        var out = "\(match.input)\n"
        out += "  folded: " + form.romanizations.map { $0.joined(separator: " ") }.joined(separator: " | ") + "\n"
        if let best = match.best {
            out += "  \(match.status.rawValue) \(JSON.number(best.score)) → \(best.entity.canonical) [\(best.entity.id)]"
            out += best.matchedName == best.entity.canonical ? "\n" : " via \"\(best.matchedName)\"\n"
        } else if match.candidates.isEmpty {
            out += "  unknown: no entity comes near\n"
        } else {
            out += "  unknown\n"
        }
        if let line = decisionLine(match, options: matcher.options) { out += "  \(line)\n" }
        for (rank, candidate) in match.candidates.enumerated() {
            let via = candidate.matchedName == candidate.entity.canonical ? "" : " via \"\(candidate.matchedName)\""
            out += "  \(rank + 1). \(JSON.number(candidate.score)) \(candidate.entity.canonical) [\(candidate.entity.id)]\(via)\n"
            for line in matcher.explain(candidate).lines { out += "       \(line)\n" }
        }
        return out
    }

    /// What a fuzzy decision rested on: the top score, its lead over the next entity, and the
    /// score that lead required. Exact and alias matches need no such line.
    static func decisionLine(_ match: Match, options: MatchOptions) -> String? {
        guard match.status != .exact, match.status != .alias, let top = match.candidates.max(by: { $0.score < $1.score }),
              let lead = match.lead else { return nil }
        if let confidence = match.confidence {
            let verdict = MatchOptions.reaches(confidence: confidence, options.minimumConfidence) ? "reaches" : "is under"
            // The model reads how close the reported entity's other names came, too.
            let others = (match.best ?? top).otherNameScore
            return "decision: confidence \(JSON.number(confidence)) \(verdict) the \(JSON.number(options.minimumConfidence)) needed "
                + "(best score \(JSON.number(top.score)), lead \(JSON.number(lead)), the entity's other names up to \(JSON.number(others)))"
        }
        let threshold = options.threshold(for: top.entity.type), shortfall = options.shortfall(lead: lead)
        let required = threshold + shortfall
        let verdict = options.accepts(score: top.score, type: top.entity.type, lead: lead) ? "reaches" : "is under"
        let leadText = lead < top.score - 1e-9 ? "it leads the next entity by \(JSON.number(lead))" : "no other entity scored"
        guard shortfall > 0 else { return "decision: \(JSON.number(top.score)) \(verdict) the threshold \(JSON.number(threshold)); \(leadText)" }
        return "decision: \(JSON.number(top.score)) \(verdict) the \(JSON.number(required)) needed, threshold \(JSON.number(threshold)) + "
            + "\(JSON.number(shortfall)): \(leadText), under the \(JSON.number(options.wantedLead)) wanted"
    }
}
