import ArgumentParser
import Canonym

@main
struct CanonymCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canonym",
        abstract: "Reconcile spelling variants of names against gazetteers and report their canonical forms.",
        version: CanonymVersion.string,
        subcommands: [MatchCommand.self, ScanCommand.self, NormalizeTextCommand.self, ExplainCommand.self, EvaluateCommand.self, GazetteerCommand.self]
    )
}
