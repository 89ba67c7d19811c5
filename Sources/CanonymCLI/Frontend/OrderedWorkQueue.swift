import Dispatch
import Foundation
import Synchronization

/// Runs work items on `jobs` threads and hands their results back in the order the items were
/// submitted, on the submitting thread, each with the tag it was submitted with.
///
/// At most `4 × jobs` items wait to be handed back: enough that no worker idles while the oldest
/// item is still running or being written (with `2 × jobs`, a scan of many short files took 10%
/// longer on two cores), few enough that memory holds a handful of items, never the whole
/// input. With one job, work runs on the submitting thread at once.
struct OrderedWorkQueue<Tag, Output: Sendable> {
    private let workers: OperationQueue?
    private let window: Int
    private var pending: [(tag: Tag, result: PendingResult<Output>)] = []

    init(jobs: Int) {
        let jobs = max(1, jobs)
        window = 4 * jobs
        if jobs == 1 {
            workers = nil
        } else {
            let queue = OperationQueue()
            queue.maxConcurrentOperationCount = jobs
            workers = queue
        }
    }

    /// Starts `work`, and returns the results now due, oldest first: none while fewer than
    /// `4 × jobs` items wait, else the oldest one (waiting for it if it is still running).
    mutating func submit(_ tag: Tag, _ work: @escaping @Sendable () -> Output) -> [(Tag, Output)] {
        guard let workers else { return [(tag, work())] }
        let result = PendingResult<Output>()
        workers.addOperation { result.fulfil(work()) }
        pending.append((tag, result))
        var due: [(Tag, Output)] = []
        while pending.count > window { due.append(takeOldest()) }
        return due
    }

    /// Waits for every item still running and returns all results not handed back yet, in order.
    mutating func drain() -> [(Tag, Output)] {
        var due: [(Tag, Output)] = []
        while !pending.isEmpty { due.append(takeOldest()) }
        return due
    }

    private mutating func takeOldest() -> (Tag, Output) {
        let (tag, result) = pending.removeFirst()
        return (tag, result.wait())
    }
}

/// A value computed on another thread: `wait()` blocks until `fulfil(_:)` has been called.
private final class PendingResult<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    private let ready = DispatchSemaphore(value: 0)

    func fulfil(_ computed: Value) {
        value.withLock { $0 = computed }
        ready.signal()
    }

    func wait() -> Value {
        ready.wait()
        return value.withLock { $0! }
    }
}
