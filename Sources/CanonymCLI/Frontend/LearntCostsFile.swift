import ArgumentParser
import Canonym
import Foundation

/// Reads the edit costs of `canonym gazetteer learn-costs`.
enum LearntCostsFile {
    /// The costs saved at `path`; what is wrong with them is reported as `PATH: error: …` (exit 2).
    static func read(_ path: String) throws -> CostLearning.Costs {
        guard let data = FileManager.default.contents(atPath: path) else {
            Diagnostics.emit("\(path): error: cannot read the learnt costs (no such file, or not readable)")
            throw ExitCode(2)
        }
        do { return try CostLearning.Costs.decode(data) } catch {
            Diagnostics.emit("\(path): error: \(error)")
            throw ExitCode(2)
        }
    }
}
