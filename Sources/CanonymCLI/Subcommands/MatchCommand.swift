import ArgumentParser
import Canonym
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Match names, one per line, against the gazetteers.",
        discussion: """
        Reads each FILE in turn (or standard input) and writes one JSON object per input line, in input order: \
        input, status (exact, alias, fuzzy, ambiguous, unknown, or error for an unreadable line), \
        id, canonical, score, type, matched. Unreadable lines are reported on stderr as \
        FILE:LINE:COLUMN and still get their output record; the exit code is then 1.
        """)

    @OptionGroup var gazetteers: GazetteerOptions
    @OptionGroup var matching: MatchingOptions

    @Argument(help: ArgumentHelp("Files of names, one per line, read in order; standard input when none or \"-\".", valueName: "file"))
    var files: [String] = []

    @Option(help: "Output format: json (JSON Lines) or tsv.")
    var format: OutputFormat = .json

    @Option(help: "Report this many candidates per name (json: a \"candidates\" array).")
    var candidates = 0

    @Flag(help: "Include the explanation of each score (json: an \"explanation\" array).")
    var explain = false

    @Option(help: "Lines longer than this many bytes are reported as errors.")
    var maxLineBytes = 65_536

    @Flag(help: "Read CSV (RFC 4180) and match the --column fields; every row comes out with columns added.")
    var csv = false

    @Flag(help: "Read TSV (quoted like CSV) and match the --column fields.")
    var tsv = false

    @Option(help: ArgumentHelp("With --csv/--tsv: a column to match, by header name or 1-based number (repeatable).", valueName: "name"))
    var column: [String] = []

    @Flag(help: "Read JSON Lines and match the --field values; every line comes out with keys added.")
    var jsonl = false

    @Option(help: ArgumentHelp("With --jsonl: a field to match; a dotted path goes into nested objects (repeatable).", valueName: "path"))
    var field: [String] = []

    @Flag(help: "With --csv/--tsv: the first row is data, not a header (name columns by number).")
    var noHeader = false

    @Option(help: ArgumentHelp("With --csv/--tsv: the added columns' prefix, one per --column (default NAME_).", valueName: "prefix"))
    var prefix: [String] = []

    @Flag(help: "At the end, print one line on stderr: records, matched values per status, errors, time.")
    var summary = false

    @Option(help: ArgumentHelp("Match on this many threads (default: one per core); the output is the same, in input order.", valueName: "n"))
    var jobs: Int?

    @Flag(inversion: .prefixedNo, help: "Show progress on stderr: rows, rows per second, percentage and ETA for files (default: when stderr is a terminal).")
    var progress: Bool?

    /// Records per batch instead of batches sized by time: lets tests cross batch boundaries with small inputs.
    @Option(help: .hidden)
    var batchSize: Int?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "path"))
    var output: String?

    func validate() throws {
        if [csv, tsv, jsonl].filter({ $0 }).count > 1 { throw ValidationError("choose one of --csv, --tsv and --jsonl") }
        if jsonl && field.isEmpty { throw ValidationError("--jsonl needs at least one --field") }
        if !jsonl && !field.isEmpty { throw ValidationError("--field goes with --jsonl") }
        if jsonl && (!column.isEmpty || noHeader) { throw ValidationError("--column and --no-header go with --csv or --tsv") }
        if (csv || tsv) && column.isEmpty { throw ValidationError("--csv and --tsv need at least one --column") }
        if !(csv || tsv || jsonl) && (!column.isEmpty || noHeader || !prefix.isEmpty) {
            throw ValidationError("--column, --no-header and --prefix go with --csv or --tsv")
        }
        if prefix.count > max(column.count, field.count) { throw ValidationError("give at most one --prefix per --column or --field") }
        if candidates < 0 { throw ValidationError("--candidates must be 0 or more") }
        if maxLineBytes < 1 { throw ValidationError("--max-line-bytes must be positive") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more (the number of threads that match)") }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be 1 or more") }
        // Fail before any output rather than halfway through a batch.
        for path in files where path != "-" && !FileManager.default.isReadableFile(atPath: path) {
            let reason = FileManager.default.fileExists(atPath: path) ? "is not readable" : "does not exist"
            throw ValidationError("the input file \"\(path)\" \(reason)")
        }
    }

    func run() throws {
        let matcher = ProcessLifetime.keep(try matching.matcher(for: try gazetteers.load(), candidateCount: max(candidates, 2)))
        let target = try output.map { try AtomicFile(path: $0) }
        let output = OutputWriter(descriptor: target?.descriptor ?? STDOUT_FILENO)
        let counts = BatchSummary()
        let inputs = files.isEmpty ? [nil] : files.map(Optional.some)
        let showsProgress = progress ?? (isatty(STDERR_FILENO) == 1)
        let reporter = showsProgress ? ProgressReporter(totalBytes: totalSize(of: inputs)) : nil
        defer { if summary { Diagnostics.emit(counts.line) } }
        defer { reporter?.finish(rows: counts.records) }  // runs first: the summary goes below the progress line
        let batches = OrderedBatchMatcher(matcher: matcher, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                          fixedBatchSize: batchSize) { bytesDone in
            reporter?.update(rows: counts.records, bytesDone: bytesDone)
        }
        // Each mode matches one input and returns how many of its records were errors.
        let process: (InputFile) throws -> Int
        if jsonl {
            let lines = JSONLinesMatching(fields: field, prefixes: prefix, reportsConfidence: matcher.options.confidenceModel != nil)
            process = { try lines.run(input: $0, output: output, maxLineBytes: maxLineBytes, batches: batches, counts: counts) }
        } else if csv || tsv {
            let table = TableMatching(delimiter: UInt8(ascii: csv ? "," : "\t"), columns: column, prefixes: prefix, hasHeader: !noHeader,
                                      reportsConfidence: matcher.options.confidenceModel != nil)
            process = { try table.run(input: $0, output: output, batches: batches, counts: counts) }
        } else {
            let renderer = MatchRenderer(format: format, candidateCount: candidates, explain: explain, matcher: matcher)
            if let header = renderer.header { output.write(header) }
            let lines = LineMatching(renderer: renderer, maxLineBytes: maxLineBytes)
            process = { try lines.run(input: $0, output: output, batches: batches, counts: counts) }
        }
        var errors = 0
        for path in inputs {
            let input = try InputFile(path: path)
            defer { input.close() }
            do {
                errors += try process(input)
            } catch let failure as TableMatching.Failure {
                output.flush()
                Diagnostics.emit(failure.description)
                throw ExitCode(2)
            } catch {
                output.flush()
                Diagnostics.error("\(input.displayName): cannot read: \(error)")
                throw ExitCode(2)
            }
        }
        output.flush()
        try target?.commit()
        if errors > 0 { throw ExitCode(1) }
    }

    /// The inputs' total size when every one is a regular file; nil when any is a pipe or a terminal.
    private func totalSize(of inputs: [String?]) -> Int? {
        var total = 0
        for path in inputs {
            guard let size = InputFile.regularFileSize(path: path) else { return nil }
            total += size
        }
        return total
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, tsv
}

/// Decision settings shared by the commands that match.
struct MatchingOptions: ParsableArguments {
    @Option(help: "Minimum score for a fuzzy match that leads the next entity by --lead or more (0-1; default 0.85).")
    var threshold: Double?

    @Option(help: "The lead over the next entity at which --threshold is enough; a smaller lead raises the score needed by the difference (0 turns it off; default 0.08).")
    var lead: Double?

    @Option(help: ArgumentHelp("A threshold for one entity type, as TYPE=SCORE (repeatable), e.g. place=0.9.",
                               valueName: "type=score"))
    var thresholdFor: [String] = []

    @Option(help: "Another entity within this score of the best makes the match ambiguous (default 0.02).")
    var margin: Double?

    @Option(help: ArgumentHelp("How many gazetteer names the index proposes for scoring per name (default 150): more is slower and finds a little more.",
                               valueName: "n"))
    var indexCandidates: Int?

    @Option(help: ArgumentHelp("A confidence model from `canonym gazetteer calibrate`: a fuzzy match is then accepted when the model's confidence that it is right reaches --min-confidence, instead of by --threshold and --lead.",
                               valueName: "path"))
    var confidenceModel: String?

    @Option(help: "The confidence (0-1) a fuzzy match needs under a confidence model (default 0.5: more likely right than wrong).")
    var minConfidence: Double?

    @Flag(help: "Decide by --threshold and --lead even when the compiled gazetteer carries a confidence model.")
    var thresholdRule = false

    @Option(help: ArgumentHelp("Edit costs from `canonym gazetteer learn-costs`, in place of the dearer standard ones.", valueName: "path"))
    var costs: String?

    /// `--threshold-for` values, parsed; nil when one is malformed.
    var thresholdsByType: [EntityType: Double]? {
        var result: [EntityType: Double] = [:]
        for item in thresholdFor {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let type = EntityType(rawValue: parts[0]), let value = Double(parts[1]), (0...1).contains(value) else { return nil }
            result[type] = value
        }
        return result
    }

    /// The matcher these options describe over `gazetteer`; a file that cannot be read is reported (exit 2).
    func matcher(for gazetteer: Gazetteer, candidateCount: Int) throws -> Matcher {
        Matcher(gazetteer: gazetteer, options: try options(for: gazetteer, candidateCount: candidateCount), scorer: try LearntCostsFile.scorer(costs))
    }

    /// The confidence model that decides over `gazetteer`: the one given, else the one compiled
    /// in it (unless `--threshold-rule`); a file that cannot be read is reported (exit 2).
    func model(for gazetteer: Gazetteer) throws -> ConfidenceModel? {
        if let confidenceModel { return try ConfidenceModelFile.read(confidenceModel) }
        return thresholdRule ? nil : gazetteer.confidenceModel
    }

    /// The options as given, over `gazetteer`.
    func options(for gazetteer: Gazetteer, candidateCount: Int) throws -> MatchOptions {
        var options = MatchOptions()
        options.confidenceModel = try model(for: gazetteer)
        if minConfidence != nil && options.confidenceModel == nil {
            throw ValidationError("--min-confidence needs --confidence-model, or a compiled gazetteer that carries one")
        }
        if let minConfidence { options.minimumConfidence = minConfidence }
        if let threshold { options.threshold = threshold }
        options.thresholdByType = thresholdsByType ?? [:]
        if let margin { options.ambiguityMargin = margin }
        if let lead { options.wantedLead = lead }
        if let indexCandidates { options.indexCandidateLimit = indexCandidates }
        options.candidateCount = candidateCount
        return options
    }

    func validate() throws {
        if let threshold, !(0...1).contains(threshold) { throw ValidationError("--threshold must be between 0 and 1") }
        if let margin, !(0...1).contains(margin) { throw ValidationError("--margin must be between 0 and 1") }
        if let lead, !(0...1).contains(lead) { throw ValidationError("--lead must be between 0 and 1") }
        if let indexCandidates, indexCandidates < 1 { throw ValidationError("--index-candidates must be 1 or more") }
        if let minConfidence, !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be between 0 and 1") }
        if thresholdRule && confidenceModel != nil { throw ValidationError("give --threshold-rule or --confidence-model, not both") }
        if thresholdsByType == nil {
            throw ValidationError("--threshold-for takes TYPE=SCORE with TYPE one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")) and SCORE between 0 and 1")
        }
    }
}

extension MatchCommand: TakesTrailingOperands {
    mutating func appendTrailingOperands(_ operands: [String]) throws {
        files += operands
        try validate()
    }
}
