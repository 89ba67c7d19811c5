import ArgumentParser
import Foundation

/// Files a command learnt and saved (confidence models, edit costs), read back.
enum SavedFile {
    /// `decode` of the bytes at `path`; a file that cannot be read, or whose bytes `decode`
    /// refuses, is reported as `PATH: error: …` (`problem` before the reason) and ends the run (exit 2).
    static func decode<Value, Failure: Error>(_ path: String, what: String, problem: String = "",
                                              _ decode: (Data) throws(Failure) -> Value) throws -> Value {
        guard let data = FileManager.default.contents(atPath: path) else {
            Diagnostics.emit("\(path): error: cannot read \(what) (no such file, or not readable)")
            throw ExitCode(2)
        }
        do { return try decode(data) } catch {
            Diagnostics.emit("\(path): error: \(problem)\(error)")
            throw ExitCode(2)
        }
    }
}
