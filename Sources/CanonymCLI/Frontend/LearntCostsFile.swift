import ArgumentParser
import Canonym
import Foundation

/// Reads the edit costs of `canonym gazetteer learn-costs`.
enum LearntCostsFile {
    /// The costs saved at `path`; what is wrong with them is reported as `PATH: error: …` (exit 2).
    static func read(_ path: String) throws -> CostLearning.Costs {
        try SavedFile.decode(path, what: "the learnt costs") { data throws(CostsError) in try CostLearning.Costs.decode(data) }
    }

    /// The standard scorer, with the costs saved at `path` (`--costs`) when one is given.
    static func scorer(_ path: String?) throws -> NameScorer {
        guard let path else { return NameScorer() }
        return NameScorer(model: try read(path).applied(to: .standard))
    }
}
