import Canonym
import Dispatch
import Synchronization

/// One input record, read and ready to match: the names to match in it (none for a record that
/// could not be read), what its input mode needs to write it out, and its size in the input.
struct PendingRecord<Context> {
    let context: Context
    let names: [String]
    let inputBytes: Int
}

/// Matches the names of a stream of records on `jobs` threads, a batch of records at a time,
/// and hands every record back with its matches in input order. The output is therefore the
/// same, byte for byte, whatever the number of jobs, and memory holds one batch (at most 4096
/// records or 8 MB of input), never the whole input.
///
/// Reading, writing and counting stay on the calling thread, so the input modes need no locks;
/// only `Matcher.match`, which dominates the time, runs in parallel. Unless fixed, a batch is
/// sized to take about a quarter of a second: long enough that workers seldom wait at its end,
/// short enough for progress to move and for a slow pipe to be answered promptly.
final class OrderedBatchMatcher {
    let matcher: Matcher
    let jobs: Int
    /// Called after each batch is written, with the input bytes of every record written so far.
    private let batchWritten: (_ inputBytesDone: Int) -> Void
    private let fixedBatchSize: Int?
    private var batchSize: Int
    private var inputBytesDone = 0

    private static let targetBatchSeconds = 0.25
    private let smallestBatch: Int
    private static let largestBatch = 4096
    /// Long records end a batch early, so memory stays small whatever the lines' lengths.
    private static let largestBatchBytes = 1 << 23

    init(matcher: Matcher, jobs: Int, fixedBatchSize: Int? = nil, batchWritten: @escaping (_ inputBytesDone: Int) -> Void = { _ in }) {
        self.matcher = matcher
        self.jobs = max(1, jobs)
        self.fixedBatchSize = fixedBatchSize
        self.batchWritten = batchWritten
        smallestBatch = max(16, 4 * self.jobs)
        batchSize = fixedBatchSize ?? smallestBatch
    }

    /// Reads records with `read` until it returns nil, and calls `write` for each, in order, with
    /// the matches of its names (same order as `names`). When `read` throws, the records read
    /// before the failure are still matched and written, then the error is rethrown.
    func run<Context>(read: () throws -> PendingRecord<Context>?,
                      write: (_ context: Context, _ matches: ArraySlice<Match>) throws -> Void) throws {
        var exhausted = false
        while !exhausted {
            let started = ContinuousClock.now
            var batch: [PendingRecord<Context>] = []
            batch.reserveCapacity(batchSize)
            var batchBytes = 0
            var readFailure: (any Error)?
            do {
                while batch.count < batchSize && batchBytes < Self.largestBatchBytes {
                    guard let record = try read() else { exhausted = true; break }
                    batch.append(record)
                    batchBytes += record.inputBytes
                }
            } catch {
                readFailure = error
            }
            if batch.isEmpty, readFailure == nil { return }

            let matches = matchInParallel(batch.flatMap(\.names))
            var next = matches.startIndex
            for record in batch {
                try write(record.context, matches[next..<next + record.names.count])
                next += record.names.count
                inputBytesDone += record.inputBytes
            }
            batchWritten(inputBytesDone)
            if let readFailure { throw readFailure }
            if fixedBatchSize == nil { resize(after: batch.count, took: started.duration(to: .now)) }
        }
    }

    /// Scales the next batch so that it takes about `targetBatchSeconds` at the rate just seen.
    private func resize(after records: Int, took duration: Duration) {
        let seconds = max(1e-6, Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        let size = Double(records) * Self.targetBatchSeconds / seconds
        batchSize = Int(min(Double(Self.largestBatch), max(Double(smallestBatch), size)))
    }

    /// The match of every name, in the names' order. Each worker takes the next unmatched name, so
    /// one slow name does not hold up a whole share of the batch.
    private func matchInParallel(_ names: [String]) -> [Match] {
        let matcher = self.matcher
        let workers = min(jobs, names.count)
        if workers <= 1 { return names.map { matcher.match($0) } }
        let nextName = Atomic<Int>(0)
        let done = Mutex<[(index: Int, match: Match)]>([])
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var mine: [(index: Int, match: Match)] = []
            while true {
                let index = nextName.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < names.count else { break }
                mine.append((index, matcher.match(names[index])))
            }
            done.withLock { $0.append(contentsOf: mine) }
        }
        return done.withLock { $0 }.sorted { $0.index < $1.index }.map(\.match)
    }
}
