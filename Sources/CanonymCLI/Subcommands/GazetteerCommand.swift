import ArgumentParser
import Canonym

struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Work with gazetteer files.",
        subcommands: [Check.self, Compile.self])

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
                + "Without files, the shipped default gazetteers are compiled.")

        @Argument(help: "Gazetteer TSV files.")
        var files: [String] = []

        @Flag(help: "Also compile in the shipped default gazetteers.")
        var withDefaults = false

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The compiled file to write (atomically), e.g. places.canonym.", valueName: "path"))
        var output: String

        func run() throws {
            let sources = (files.isEmpty || withDefaults ? DefaultGazetteers.sources : []) + files.map(GazetteerSource.file)
            let gazetteer = try GazetteerOptions.load(sources)
            let bytes = CompiledGazetteer.encode(gazetteer)
            do { try AtomicFile.write(bytes, to: output) } catch {
                Diagnostics.emit(String(describing: error))
                throw ExitCode(1)
            }
            Diagnostics.emit("\(output): \(gazetteer.entities.count) entities, \(gazetteer.names.count) names, \(bytes.count) bytes")
        }
    }
}
