import ArgumentParser

/// A command whose file operands can be given to it after parsing.
protocol TakesTrailingOperands: ParsableCommand {
    /// Appends `operands` to the command's files and checks them as parsing would have.
    mutating func appendTrailingOperands(_ operands: [String]) throws
}

/// Sets aside the operands after a command line's last option before ArgumentParser reads it.
///
/// ArgumentParser merges the input positions of an array argument one value at a time, rehashing
/// every earlier one: 4,000 file names (`canonym scan articles/*.txt`) took 0.31 s to parse and
/// 8,000 took 1.17 s, growing as the square. After the last option (`-x`, `--name`), an
/// argument is either that option's value (the first) or an operand (the rest): options here
/// take one value each. Those operands are handed to the command once the rest is parsed.
enum TrailingOperands {
    /// `arguments` (without the program's name) as the part to parse and the operands set aside.
    static func split(_ arguments: [String]) -> (parsed: [String], operands: [String]) {
        // After `--`, anything may be an operand, options too: leave it all to the parser.
        guard !arguments.contains("--") else { return (arguments, []) }
        let lastOption = arguments.lastIndex { $0.count > 1 && $0.hasPrefix("-") } ?? -1
        // Through that option's value; without options, through the command's names and an operand.
        let kept = min(arguments.count, max(lastOption + 2, 3))
        return (Array(arguments[..<kept]), Array(arguments[kept...]))
    }

    /// The command for `arguments`: parsed without its trailing operands, then given them (see
    /// `parseSettingAside`); otherwise parsed whole, so that any error reads exactly as ArgumentParser gives it.
    static func parse<Root: ParsableCommand>(_ arguments: [String], as root: Root.Type) throws -> ParsableCommand {
        try parseSettingAside(arguments, as: root) ?? root.parseAsRoot(arguments)
    }

    /// The command for `arguments` parsed without its trailing operands, which are then appended;
    /// nil when there are none, when the command takes none, or when either step fails.
    static func parseSettingAside<Root: ParsableCommand>(_ arguments: [String], as root: Root.Type) -> ParsableCommand? {
        let (parsed, operands) = split(arguments)
        guard !operands.isEmpty, var command = (try? root.parseAsRoot(parsed)) as? any TakesTrailingOperands,
              (try? command.appendTrailingOperands(operands)) != nil else { return nil }
        return command
    }
}
