import Canonym
import Foundation

/// Whole text documents for `scan` and `normalize-text`: files or standard input, UTF-8 checked,
/// a bad one reported as FILE:LINE:COLUMN without stopping the others.
enum TextDocuments {
    enum Loaded {
        case text(String)
        case failure(reason: String, location: String)
    }

    static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    static func load(_ path: String) -> Loaded {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else { return .failure(reason: "the file cannot be read", location: "1:1") }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = UTF8Location.ofFirstInvalidByte(in: [UInt8](data)[...])
            return .failure(reason: "the file is not valid UTF-8", location: "\(line):\(column)")
        }
        return .text(text)
    }

    /// Checks that every named file exists and is readable, before any output.
    static func validate(_ paths: [String]) throws {
        for path in paths where path != "-" && !FileManager.default.isReadableFile(atPath: path) {
            let reason = FileManager.default.fileExists(atPath: path) ? "is not readable" : "does not exist"
            throw ValidationErrorMessage("the input file \"\(path)\" \(reason)")
        }
    }
}

struct ValidationErrorMessage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
