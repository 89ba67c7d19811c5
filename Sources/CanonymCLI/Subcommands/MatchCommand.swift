import ArgumentParser
import Canonym

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "match")
    @Argument var names: [String] = []
    func run() throws {
        for name in names {
            let f = NameFolder.shared.fold(name)
            print(f.romanizations)
        }
    }
}
