import ArgumentParser
import Canonym
import Foundation

/// Reads the confidence models of `canonym gazetteer calibrate`.
enum ConfidenceModelFile {
    /// The model saved at `path`; what is wrong with it is reported as `PATH: error: …` (exit 2).
    static func read(_ path: String) throws -> ConfidenceModel {
        try SavedFile.decode(path, what: "the confidence model", problem: "not a confidence model of this Canonym: ") {
            data throws(ConfidenceModelError) in try ConfidenceModel.decode(data)
        }
    }
}
