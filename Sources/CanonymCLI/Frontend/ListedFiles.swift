import Foundation

/// The paths of a `--files-from` list, one per line, read as they are needed: a list of
/// millions of files is never held whole (a command line that long makes argument parsing
/// slow, and may not fit at all). Blank lines are skipped.
enum ListedFiles {
    enum Listed {
        case path(String)
        /// A line that names no file that can be read: what it says, why, and where (LIST:LINE:COLUMN).
        case unusable(path: String, reason: String, location: String)
    }

    /// Checks that the list exists and is readable, before any output.
    static func validate(list: String?) throws {
        guard let list, list != "-", !FileManager.default.isReadableFile(atPath: list) else { return }
        let reason = FileManager.default.fileExists(atPath: list) ? "is not readable" : "does not exist"
        throw ValidationErrorMessage("the list of files \"\(list)\" \(reason)")
    }

    static func forEach(in list: InputFile, _ body: (Listed) throws -> Void) throws {
        var reader = LineReader(descriptor: list.descriptor, maxLineBytes: 1 << 16)
        while let line = try reader.next() {
            switch line {
            case .text(let path, let number):
                guard !path.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
                if FileManager.default.isReadableFile(atPath: path) {
                    try body(.path(path))
                } else {
                    let reason = FileManager.default.fileExists(atPath: path) ? "the listed file is not readable" : "the listed file does not exist"
                    try body(.unusable(path: path, reason: reason, location: "\(list.displayName):\(number):1"))
                }
            case .unreadable(let raw, let number, let column, let reason):
                try body(.unusable(path: raw, reason: "the path in the list cannot be read: \(reason)", location: "\(list.displayName):\(number):\(column)"))
            }
        }
    }
}
