import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` over `jobs` threads (0: one per core), in order: the elements go in chunks of at
    /// least 64, four per thread, so a slow chunk does not hold up the others.
    func concurrentMap<T: Sendable>(jobs: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let workers = jobs > 0 ? jobs : Swift.max(1, System.coreCount)
        let chunks = Swift.min(Swift.max(1, count / 64), workers * 4)
        let results = Mutex<[[T]]>(Array<[T]>(repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let done = self[(count * chunk / chunks)..<(count * (chunk + 1) / chunks)].map(transform)
            results.withLock { $0[chunk] = done }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
