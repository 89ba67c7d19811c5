import Canonym

/// Renders an ``Evaluation`` for `canonym evaluate`: a table per threshold, the reliability of
/// scores, subsets, and the worst errors; or the same as one JSON object.
struct EvaluationReport {
    let evaluation: Evaluation
    let thresholds: [Double]
    let current: Double
    let bySubset: Bool
    let errorCount: Int
    let queriesPath: String
    /// The precision whose best recall the report gives (`Evaluation.highestRecall(atPrecision:)`).
    let targetPrecision: Double

    private func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
    }

    private func ratio(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "-"
    }

    /// What the levels are: score thresholds, or confidences under a confidence model.
    private var level: String { evaluation.thresholdsAreConfidences ? "confidence" : "threshold" }

    private var levels: [Double] { Array(Set(thresholds + [current])).sorted() }

    /// A level of the whole curve, as the text gives it: four decimals, what `--threshold` or
    /// `--min-confidence` takes back.
    private func summary(_ m: EvaluationMetrics) -> String {
        String(format: "\(level) %.4f: precision %@, recall %@, F1 %@", m.threshold, ratio(m.precision), ratio(m.recall), ratio(m.f1))
            + (m.absentUnknownRate.map { ", absent→unknown \(percent($0))" } ?? "")
    }

    func text() -> String {
        let all = evaluation.metrics(threshold: current)
        var out = "\(queriesPath): \(all.count) names, \(all.positives) in the gazetteer, \(all.negatives) absent\n\n"
        out += level.padding(toLength: 11, withPad: " ", startingAt: 0) + "answered  precision  recall     F1  absent→unknown\n"
        for level in levels {
            let m = evaluation.metrics(threshold: level)
            let mark = abs(level - current) < 1e-9 ? " *" : "  "
            out += String(format: "%9.2f%@ %8d  %9@  %6@  %5@  %14@\n", level, mark, m.answered,
                          ratio(m.precision), ratio(m.recall), ratio(m.f1), percent(m.absentUnknownRate))
        }
        out += "  (* the \(level) in use)\n"
        // Over every level where an answer joins, not only the rows above.
        if let best = evaluation.bestF1() { out += "best F1 at \(summary(best))\n" }
        let precision = String(format: "%.2f", targetPrecision)
        out += evaluation.highestRecall(atPrecision: targetPrecision).map { "most recall at precision \(precision) or more at \(summary($0))\n" }
            ?? "no \(level) reaches precision \(precision)\n"

        out += evaluation.thresholdsAreConfidences ? "\nreliability: of the answers in each range of confidence, how many were right\n"
            : "\nreliability: of the answers scored in each range, how many were right\n"
        for bin in evaluation.reliability() where bin.answers > 0 {
            out += String(format: "  %.2f–%.2f  %6d answers  %@ right\n", bin.lower, bin.upper, bin.answers, percent(bin.accuracy))
        }
        if bySubset {
            out += String(format: "\nby subset at \(level) %.2f\n", current)
            out += "  subset                          n  precision  recall     F1  absent→unknown\n"
            for subset in evaluation.subsets {
                let m = evaluation.metrics(threshold: current, subset: subset)
                out += "  \(subset.padding(toLength: 28, withPad: " ", startingAt: 0)) " + String(format: "%5d  %9@  %6@  %5@  %14@\n",
                    m.count, ratio(m.precision), ratio(m.recall), ratio(m.f1), percent(m.absentUnknownRate))
            }
        }
        let namesakes = evaluation.namesakes(threshold: current)
        if namesakes.count > 0 {
            out += String(format: "\nnamesakes at \(level) %.2f: %d names in the gazetteer came nearest a name that the expected entity\n", current, namesakes.count)
            out += "  shares with another (no spelling tells them apart): \(namesakes.right) right, \(namesakes.wrong) wrong, \(namesakes.unknown) unknown\n"
            out += "  right on every other name, F1 could reach \(ratio(namesakes.f1Ceiling)) at most\n"
        }
        if all.positives > 0 {
            let outOfReach = evaluation.outOfReachCount
            out += "\nout of reach: \(outOfReach) of the \(all.positives) names in the gazetteer (\(percent(Double(outOfReach) / Double(all.positives)))) "
                + "have the expected entity nowhere among the \(Evaluation.nearestCount) nearest candidates: no threshold finds them\n"
        }
        let worst = evaluation.worstErrors(threshold: current, limit: errorCount)
        if !worst.isEmpty {
            out += String(format: "\nworst errors at \(level) %.2f\n", current)
            for outcome in worst { out += "  " + describe(outcome) + "\n" }
        }
        return out
    }

    private func describe(_ outcome: Evaluation.Outcome) -> String {
        let query = outcome.query
        let expected = (query.expectedID.map { "expected \($0)" } ?? "expected unknown")
            + (outcome.isAmongNamesakes ? " (namesake)" : outcome.isOutOfReach ? " (out of reach)" : "")
        let location = "\(query.location.file):\(query.location.line)"
        if outcome.isAnswered(at: current), let best = outcome.match.best {
            return "\(location): \"\(query.query)\" → \(best.entity.canonical) [\(best.entity.id)] \(JSON.number(best.score)) via \"\(best.matchedName)\"; \(expected)"
        }
        let near = outcome.match.candidates.first.map { "nearest \($0.entity.canonical) [\($0.entity.id)] \(JSON.number($0.score))" } ?? "no candidate"
        return "\(location): \"\(query.query)\" → unknown (\(near)); \(expected)"
    }

    func json() -> String {
        func metrics(_ m: EvaluationMetrics) -> String {
            JSON.object([("threshold", JSON.number(m.threshold)), ("n", String(m.count)), ("positives", String(m.positives)),
                         ("negatives", String(m.negatives)), ("answered", String(m.answered)), ("correct", String(m.correct)),
                         ("precision", JSON.number(m.precision)), ("recall", JSON.number(m.recall)), ("f1", JSON.number(m.f1)),
                         ("absent_unknown_rate", JSON.number(m.absentUnknownRate))])
        }
        func namesakes(_ n: NamesakeFigures) -> String {
            JSON.object([("count", String(n.count)), ("right", String(n.right)), ("wrong", String(n.wrong)),
                         ("unknown", String(n.unknown)), ("f1_ceiling", JSON.number(n.f1Ceiling))])
        }
        var fields: [(String, String)] = [
            ("queries", JSON.string(queriesPath)),
            ("threshold", JSON.number(current)),
            // What the thresholds are levels of (and reliability's ranges): "score", or "confidence" under a model.
            ("threshold_of", JSON.string(evaluation.thresholdsAreConfidences ? "confidence" : "score")),
            ("metrics", metrics(evaluation.metrics(threshold: current))),
            ("by_threshold", JSON.array(levels.map { metrics(evaluation.metrics(threshold: $0)) })),
            ("best_f1", evaluation.bestF1().map(metrics) ?? "null"),
            ("target_precision", JSON.number(targetPrecision)),
            ("at_target_precision", evaluation.highestRecall(atPrecision: targetPrecision).map(metrics) ?? "null"),
            ("reliability", JSON.array(evaluation.reliability().map {
                JSON.object([("lower", JSON.number($0.lower)), ("upper", JSON.number($0.upper)),
                             ("answers", String($0.answers)), ("accuracy", JSON.number($0.accuracy))])
            })),
            ("namesakes", namesakes(evaluation.namesakes(threshold: current))),
            ("out_of_reach", String(evaluation.outOfReachCount)),
            ("worst_errors", JSON.array(evaluation.worstErrors(threshold: current, limit: errorCount).map { JSON.string(describe($0)) })),
        ]
        if bySubset {
            fields.append(("by_subset", JSON.object(evaluation.subsets.map { ($0, metrics(evaluation.metrics(threshold: current, subset: $0))) })))
        }
        return JSON.object(fields) + "\n"
    }
}
