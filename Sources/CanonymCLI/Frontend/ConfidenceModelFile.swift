import ArgumentParser
import Canonym
import Foundation

/// Reads and writes the confidence models of `canonym gazetteer calibrate`.
enum ConfidenceModelFile {
    /// The model saved at `path`; what is wrong with it is reported as `PATH: error: …` (exit 2).
    static func read(_ path: String) throws -> ConfidenceModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            Diagnostics.emit("\(path): error: cannot read the confidence model (no such file, or not readable)")
            throw ExitCode(2)
        }
        do { return try ConfidenceModel.decode(data) } catch {
            Diagnostics.emit("\(path): error: not a confidence model of this Canonym: \(error)")
            throw ExitCode(2)
        }
    }
}
