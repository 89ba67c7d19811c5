import ArgumentParser
import Canonym

struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Work with gazetteer files.",
        subcommands: [Check.self, Compile.self, Calibrate.self, LearnCosts.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate gazetteer files: print every problem as FILE:LINE:COLUMN, exit 1 on errors.",
            discussion: "Files are checked together, as they would be merged: an id defined in two files is an error. "
                + "Without files, the shipped default gazetteers are checked.")

        @Argument(help: "Gazetteer TSV files.")
        var files: [String] = []

        @Flag(help: "Print errors only, not warnings (ambiguous names, ignored cells).")
        var quiet = false

        func run() throws {
            if let compiled = files.first(where: CompiledGazetteer.isCompiled(path:)) {
                // A compiled file was checked when it was compiled: verify it opens, and say what it holds.
                guard files.count == 1 else {
                    Diagnostics.error("\(compiled) is a compiled gazetteer: check it alone, or check the TSV files it was compiled from")
                    throw ExitCode(1)
                }
                do {
                    let gazetteer = try CompiledGazetteer.open(path: compiled)
                    print("\(gazetteer.entities.count) entities, \(gazetteer.names.count) names (compiled)")
                    return
                } catch {
                    Diagnostics.emit(error.description)
                    throw ExitCode(1)
                }
            }
            let sources = files.isEmpty ? DefaultGazetteers.sources : files.map(GazetteerSource.file)
            let (gazetteer, issues) = Gazetteer.check(sources)
            let errors = issues.filter { $0.severity == .error }.count
            for issue in issues where !(quiet && issue.severity == .warning) { Diagnostics.emit(issue.description) }
            let warnings = issues.count - errors
            if let gazetteer {
                print("\(gazetteer.entities.count) entities, \(gazetteer.names.count) names; \(warnings) warning\(warnings == 1 ? "" : "s")")
            } else {
                print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
                throw ExitCode(1)
            }
        }
    }

    struct Compile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fold and index gazetteer files once, into one compiled file that --gazetteer opens fast.",
            discussion: "The files are merged and checked as `gazetteer check` does; any error stops the compilation. "
                + "A compiled file is refused by another Canonym or ICU version (their folding may differ): compile it again. "
                + "With --calibrate (or --confidence-model), the file carries a confidence model, by which the commands that open "
                + "it then decide (unless given --threshold-rule or another model). "
                + "Without files, the shipped default gazetteers are compiled.")

        @OptionGroup var input: GazetteerFiles

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The compiled file to write (atomically), e.g. places.canonym.", valueName: "path"))
        var output: String

        @Flag(help: "Learn a confidence model from the gazetteer, as `gazetteer calibrate` does (seed 1), and compile it in.")
        var calibrate = false

        @Option(help: ArgumentHelp("A confidence model from `gazetteer calibrate` of the same files, to compile in.", valueName: "path"))
        var confidenceModel: String?

        func validate() throws {
            if calibrate && confidenceModel != nil { throw ValidationError("give --calibrate or --confidence-model, not both") }
        }

        func run() throws {
            let gazetteer = try input.load()
            let model = calibrate ? try Calibrate.learn(from: gazetteer).model : try confidenceModel.map(ConfidenceModelFile.read)
            var length = 0
            try AtomicFile.writeOutput(to: output) { append in length = try CompiledGazetteer.encode(gazetteer, confidenceModel: model, into: append) }
            let carried = model.map { ", a confidence model learnt from \($0.provenance.entities) entities" } ?? ""
            Diagnostics.emit("\(output): \(gazetteer.entities.count) entities, \(gazetteer.names.count) names\(carried), \(length) bytes")
        }
    }

    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Learn from gazetteer files how far a fuzzy score can be trusted: a confidence model for --confidence-model.",
            discussion: "Some entities' aliases are held out and some entities left out altogether; the rest is matched against those "
                + "names, and a logistic model learns from the best score, the rivals' scores, the query's length, whether the "
                + "entity's own name matched, and the scripts and case of the query and the matched name which answers were "
                + "right. The model's confidence is a probability: of held-out names given 0.7, about seven in ten were right. It needs entities with two aliases or more. "
                + "Without files, the shipped default gazetteers are used.")

        @OptionGroup var input: GazetteerFiles

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The model to write (atomically), e.g. places-confidence.json.", valueName: "path"))
        var output: String

        @Option(help: "Which names are held out: another seed holds out others.")
        var seed: UInt64 = 1

        @Option(help: ArgumentHelp("Edit costs from `canonym gazetteer learn-costs`, as the matching will use them.", valueName: "path"))
        var costs: String?

        func run() throws {
            let gazetteer = try input.load()
            let result = try Self.learn(from: gazetteer, scorer: try LearntCostsFile.scorer(costs), seed: seed)
            try AtomicFile.writeOutput(Array(result.model.encoded()), to: output)
            let provenance = result.model.provenance
            var report = "\(output): learnt from \(result.learntFrom) held-out names of \(provenance.entities) entities "
                + "(\(provenance.heldOutAliases) aliases held out, \(provenance.absentNames) names of entities left out; "
                + "the others were found by lookup)\n"
            report += "of the held-out names' best answers in each confidence range, how many were right:\n"
            for bin in result.reliability where bin.answers > 0 {
                report += String(format: "  %.2f–%.2f  %6d  %5.1f%%\n", bin.lower, bin.upper, bin.answers, (bin.accuracy ?? 0) * 100)
            }
            let output = OutputWriter()
            output.write(report)
            output.flush()
        }

        /// A model learnt from `gazetteer`; why it cannot be is reported (exit 1).
        static func learn(from gazetteer: Gazetteer, scorer: NameScorer = NameScorer(), seed: UInt64 = 1) throws -> Calibration.Result {
            do { return try Calibration.calibrate(gazetteer, scorer: scorer, seed: seed) } catch {
                Diagnostics.error("cannot calibrate: \(error)")
                throw ExitCode(1)
            }
        }
    }

    struct LearnCosts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "learn-costs",
            abstract: "Learn from gazetteer files what spelling edits cost: edit costs for --costs.",
            discussion: "Every alias is aligned with its entity's canonical form, word by word, and the single-letter edits "
                + "between words alike enough to be one name are counted. An edit the gazetteer makes often, for the letters "
                + "it could have touched, becomes cheaper than the standard cost (never dearer): the file lists each with its "
                + "count, its cost and the standard one, for review. Without files, the shipped default gazetteers are used.")

        @OptionGroup var input: GazetteerFiles

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The costs to write (atomically), e.g. places-costs.json.", valueName: "path"))
        var output: String

        func run() throws {
            let costs = CostLearning.learn(from: try input.load())
            try AtomicFile.writeOutput(Array(costs.encoded()), to: output)
            var report = "\(output): \(costs.edits.count) edits learnt from \(costs.alignedWords) alias words aligned with their canonical forms\n"
            for edit in costs.edits {
                let shown = edit.to.isEmpty ? "\(edit.from)→∅" : "\(edit.from)↔\(edit.to)"
                report += "  \(shown.padding(toLength: 5, withPad: " ", startingAt: 0)) \(String(format: "%.2f", edit.cost)) (standard \(String(format: "%.2f", edit.baseCost)))"
                    + "  \(edit.count) of \(edit.opportunities) letters\n"
            }
            let writer = OutputWriter()
            writer.write(report)
            writer.flush()
        }
    }
}
