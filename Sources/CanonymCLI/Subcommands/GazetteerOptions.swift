import ArgumentParser
import Canonym

/// Which gazetteers a command works with: the shipped defaults unless `--gazetteer` is given.
struct GazetteerOptions: ParsableArguments {
    @Option(name: .customLong("gazetteer"), help: ArgumentHelp(
        "A gazetteer TSV file (repeatable), or one compiled file. When given, these are the whole world of entities.",
        valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Also load the shipped default gazetteers when --gazetteer is given.")
    var withDefaults = false

    /// Loads the gazetteers; on errors prints each one as FILE:LINE:COLUMN and exits with 2.
    /// A compiled gazetteer (`canonym gazetteer compile`) is opened as it is, and only alone.
    func load() throws -> Gazetteer {
        if let compiled = paths.first(where: CompiledGazetteer.isCompiled(path:)) {
            guard paths.count == 1, !withDefaults else {
                Diagnostics.emit("error: a compiled gazetteer (\(compiled)) is used alone; compile all the files together (canonym gazetteer compile --with-defaults A.tsv B.tsv -o all.canonym)")
                throw ExitCode(2)
            }
            do { return try CompiledGazetteer.open(path: compiled) } catch {
                Diagnostics.emit(error.description)
                throw ExitCode(2)
            }
        }
        if paths.isEmpty { return try Self.reporting { () throws(GazetteerError) in try DefaultGazetteers.load() } }
        return try Self.load((withDefaults ? DefaultGazetteers.sources : []) + paths.map(GazetteerSource.file))
    }

    /// Loads gazetteer sources; on errors prints each one as FILE:LINE:COLUMN and exits with 2.
    static func load(_ sources: [GazetteerSource]) throws -> Gazetteer {
        try reporting { () throws(GazetteerError) in try Gazetteer.load(sources) }
    }

    private static func reporting(_ load: () throws(GazetteerError) -> Gazetteer) throws -> Gazetteer {
        let result: Result<Gazetteer, GazetteerError> = Result { () throws(GazetteerError) in try load() }
        switch result {
        case .success(let gazetteer):
            return gazetteer
        case .failure(let failure):
            let errors = failure.issues.filter { $0.severity == .error }
            errors.forEach { Diagnostics.emit($0.description) }
            throw ExitCode(2)
        }
    }
}

/// The gazetteer TSV files a `gazetteer` subcommand works on: the shipped defaults without files.
struct GazetteerFiles: ParsableArguments {
    @Argument(help: "Gazetteer TSV files.")
    var files: [String] = []

    @Flag(help: "Also take in the shipped default gazetteers.")
    var withDefaults = false

    /// Loads the files; on errors prints each one as FILE:LINE:COLUMN and exits with 2.
    func load() throws -> Gazetteer {
        try GazetteerOptions.load((files.isEmpty || withDefaults ? DefaultGazetteers.sources : []) + files.map(GazetteerSource.file))
    }
}
