import Synchronization

/// A dictionary shared by threads that is emptied when it reaches `limit` entries: for values
/// that are pure functions of their keys, so what is cached when changes the time taken only.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let table = Mutex<[Key: Value]>([:])
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// The cached value for `key`, or `compute()`'s, cached. `compute` runs outside the lock.
    func value(for key: Key, _ compute: () -> Value) -> Value {
        if let hit = table.withLock({ $0[key] }) { return hit }
        let value = compute()
        table.withLock { table in
            if table.count >= limit { table.removeAll(keepingCapacity: true) }
            table[key] = value
        }
        return value
    }
}
