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
            return .failure(reason: "the file is not valid UTF-8", location: invalidUTF8Location([UInt8](data)))
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

    /// LINE:COLUMN of the first byte that breaks UTF-8.
    static func invalidUTF8Location(_ bytes: [UInt8]) -> String {
        let (line, column) = invalidUTF8Position(bytes)
        return "\(line):\(column)"
    }

    /// 1-based line and column (in characters) of the first byte that breaks UTF-8.
    static func invalidUTF8Position(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            var next = index + 1
            while next < bytes.count && next - index < 4 && bytes[next] & 0xC0 == 0x80 { next += 1 }
            guard String(validating: bytes[index..<next], as: UTF8.self) != nil else { break }
            if bytes[index] == 0x0A { line += 1; lineStart = next }
            index = next
        }
        return (line, String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1)
    }
}

struct ValidationErrorMessage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
