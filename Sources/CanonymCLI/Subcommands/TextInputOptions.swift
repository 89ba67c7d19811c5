import ArgumentParser

/// The text files `scan` and `normalize-text` read: the file arguments, then the files of a
/// `--files-from` list; standard input when neither is given.
struct TextInputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Text files (UTF-8); standard input when none or \"-\".", valueName: "file"))
    var files: [String] = []

    @Option(name: .customLong("files-from"),
            help: ArgumentHelp("Also read the files listed in this file, one path per line (\"-\": standard input), after the file arguments: for more files than a command line holds.", valueName: "list"))
    var filesFrom: String?

    func validate() throws {
        do {
            try TextDocuments.validate(files)
            try ListedFiles.validate(list: filesFrom)
        } catch { throw ValidationError("\(error)") }
        if filesFrom == "-" && files.contains("-") {
            throw ValidationError("standard input cannot be both the list of files (--files-from -) and a text to read")
        }
    }

    /// Appends file operands set aside while parsing (`TrailingOperands`), checked as parsing checks them.
    mutating func append(_ operands: [String]) throws {
        files += operands
        try validate()
    }

    /// Calls `body` with each input in order: the file arguments (standard input when there are
    /// none and no list), then each line of the list, read as it is needed.
    func forEach(_ body: (ListedFiles.Listed) throws -> Void) throws {
        for path in files.isEmpty && filesFrom == nil ? ["-"] : files { try body(.path(path)) }
        guard let filesFrom else { return }
        let list = try InputFile(path: filesFrom)
        defer { list.close() }
        try ListedFiles.forEach(in: list, body)
    }
}
