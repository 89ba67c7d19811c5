import Foundation

/// Counts of a batch run, for `--summary`: records read, matched values per status, time taken.
final class BatchSummary {
    private(set) var records = 0
    private var statuses: [String: Int] = [:]
    private let started = ContinuousClock.now

    func countRecord() { records += 1 }
    func count(status: String) { statuses[status, default: 0] += 1 }

    /// `summary: 3 records; 1 alias, 1 fuzzy, 1 error; 0.02 s`
    var line: String {
        let order = ["exact", "alias", "fuzzy", "ambiguous", "unknown", "error"]
        let parts = order.compactMap { status in statuses[status].map { "\($0) \(status)" } }
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return "summary: \(records) record\(records == 1 ? "" : "s"); \(parts.isEmpty ? "nothing matched" : parts.joined(separator: ", ")); "
            + String(format: "%.2f s", seconds)
    }
}
