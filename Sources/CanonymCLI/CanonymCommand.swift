import ArgumentParser

@main
struct CanonymCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canonym",
        abstract: "Reconcile spelling variants of names against gazetteers and report their canonical forms.",
        subcommands: [MatchCommand.self]
    )
}
