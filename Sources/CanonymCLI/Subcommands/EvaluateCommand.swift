import ArgumentParser
import Canonym

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure Canonym on labelled names: precision, recall and F1 per threshold, and the worst errors.",
        discussion: """
        QUERIES is a TSV file with the header "query<TAB>expected_id<TAB>subset" (subset optional); an \
        empty expected_id means the name is not in the gazetteer and should come back unknown. \
        Precision counts every answer (any status but unknown); recall is accuracy at rank 1 on the \
        names that are in the gazetteer. Use it to choose --threshold for your own data.
        """)

    @OptionGroup var gazetteers: GazetteerOptions
    @OptionGroup var matching: MatchingOptions

    @Option(name: .customLong("queries"), help: ArgumentHelp("Labelled queries (TSV).", valueName: "path"))
    var queriesPath: String

    @Option(help: "Thresholds to report, comma-separated (default: 0.70,0.75,0.80,0.82,0.84,0.86,0.88,0.90,0.92,0.95; with --confidence-model, levels of confidence: 0.20,0.30,0.40,0.50,0.60,0.70,0.80,0.90).")
    var thresholds: String?

    @Option(help: "Report the threshold (or confidence) that keeps the most recall at this precision or more (0-1).")
    var targetPrecision = 0.95

    @Flag(help: "Break the figures down by the subset column.")
    var bySubset = false

    @Option(help: "How many of the worst errors to list.")
    var errors = 10

    @Option(help: "Output format: text or json.")
    var format: EvaluationFormat = .text

    func validate() throws {
        if parsedThresholds(byConfidence: matching.confidenceModel != nil) == nil { throw ValidationError("--thresholds must be numbers between 0 and 1, separated by commas") }
        if errors < 0 { throw ValidationError("--errors must be 0 or more") }
        if !(0...1).contains(targetPrecision) { throw ValidationError("--target-precision must be between 0 and 1") }
    }

    /// `--thresholds`, or the default levels of score or, for a confidence model, of confidence.
    func parsedThresholds(byConfidence: Bool) -> [Double]? {
        let given = thresholds ?? (byConfidence ? "0.20,0.30,0.40,0.50,0.60,0.70,0.80,0.90"
                                                : "0.70,0.75,0.80,0.82,0.84,0.86,0.88,0.90,0.92,0.95")
        let values = given.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && (0...1).contains($0!) }) else { return nil }
        return values.map { $0! }.sorted()
    }

    func run() throws {
        let (queries, issues) = LabelledQueryReader.read(contentsOf: queriesPath)
        issues.forEach { Diagnostics.emit($0.description) }
        if issues.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
        let matcher = ProcessLifetime.keep(try matching.matcher(for: try gazetteers.load(), candidateCount: 3))
        let levels = parsedThresholds(byConfidence: matcher.options.confidenceModel != nil)!
        let evaluation = Evaluation(matcher: matcher, queries: queries, lowestThreshold: levels.first!)
        let current = matcher.options.confidenceModel == nil ? matcher.options.threshold : matcher.options.minimumConfidence
        let report = EvaluationReport(evaluation: evaluation, thresholds: levels, current: current,
                                      bySubset: bySubset, errorCount: errors, queriesPath: queriesPath, targetPrecision: targetPrecision)
        let output = OutputWriter()
        output.write(format == .json ? report.json() : report.text())
        output.flush()
    }
}

enum EvaluationFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
