import ArgumentParser
import Canonym

/// Which gazetteers a command works with: the shipped defaults unless `--gazetteer` is given.
struct GazetteerOptions: ParsableArguments {
    @Option(name: .customLong("gazetteer"), help: ArgumentHelp(
        "A gazetteer TSV file (repeatable). When given, these files are the whole world of entities.",
        valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Also load the shipped default gazetteers when --gazetteer is given.")
    var withDefaults = false

    var sources: [GazetteerSource] {
        paths.isEmpty ? DefaultGazetteers.sources : (withDefaults ? DefaultGazetteers.sources : []) + paths.map(GazetteerSource.file)
    }

    /// Loads the gazetteers; on errors prints each one as FILE:LINE:COLUMN and exits with 2.
    func load() throws -> Gazetteer {
        let result: Result<Gazetteer, GazetteerError> = Result { () throws(GazetteerError) in try Gazetteer.load(sources) }
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
