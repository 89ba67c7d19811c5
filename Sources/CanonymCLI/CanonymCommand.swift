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

    /// ArgumentParser's `main`, with a long run of file operands set aside while parsing (see `TrailingOperands`).
    static func main() {
        do {
            var command = try TrailingOperands.parse(Array(CommandLine.arguments.dropFirst()), as: Self.self)
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
