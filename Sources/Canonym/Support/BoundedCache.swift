import Synchronization

/// A table shared by threads that is emptied when it reaches `limit` entries: for values
/// that are pure functions of their keys, so what is cached when changes the time taken only.
///
/// Keys are hashed (`FNV1a`) and compared as bytes, in an open-addressed table of their own:
/// a `Dictionary` hashes with SipHash, set up anew per lookup, and normalises a non-ASCII string
/// before hashing or comparing it. For a scan's short words that was most of each lookup, and
/// the lookups a tenth of the scan.
final class BoundedCache<Key: CacheKey, Value: Sendable>: Sendable {
    private let table = Mutex(Table())
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// How many entries the cache holds.
    var count: Int { table.withLock { $0.count } }

    /// The cached value for `key`, or `compute()`'s, cached. `compute` runs outside the lock.
    func value(for key: Key, _ compute: () -> Value) -> Value {
        let hash = key.cacheHash
        if let hit = table.withLock({ $0.value(for: key, hash: hash) }) { return hit }
        let value = compute()
        table.withLock { table in
            // Another thread may have computed it meanwhile.
            guard table.value(for: key, hash: hash) == nil else { return }
            if table.count >= limit { table.removeAll() }
            table.insert(value, for: key, hash: hash)
        }
        return value
    }

    /// Entries in the order they were added; slots (a power of two, at most half full) hold an
    /// entry's index + 1 (0: empty) and are probed linearly from the key's hash.
    private struct Table {
        private var entries: [(hash: UInt64, key: Key, value: Value)] = []
        private var slots = [Int32](repeating: 0, count: 16)

        var count: Int { entries.count }

        func value(for key: Key, hash: UInt64) -> Value? {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                let entry = Int(slots[slot]) - 1
                if entries[entry].hash == hash, entries[entry].key.hasSameBytes(as: key) { return entries[entry].value }
                slot = (slot + 1) & mask
            }
            return nil
        }

        /// Adds an entry for a key the table does not hold.
        mutating func insert(_ value: Value, for key: Key, hash: UInt64) {
            if 2 * (entries.count + 1) > slots.count {
                slots = [Int32](repeating: 0, count: 2 * slots.count)
                for index in entries.indices { place(index, hash: entries[index].hash) }
            }
            entries.append((hash, key, value))
            place(entries.count - 1, hash: hash)
        }

        private mutating func place(_ entry: Int, hash: UInt64) {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }

        mutating func removeAll() {
            entries.removeAll(keepingCapacity: true)
            for index in slots.indices { slots[index] = 0 }
        }
    }
}

/// What a ``BoundedCache`` is keyed by: a value that is its bytes.
protocol CacheKey: Sendable {
    /// `FNV1a` over the key's bytes.
    var cacheHash: UInt64 { get }
    func hasSameBytes(as other: Self) -> Bool
}

extension String: CacheKey {
    /// The UTF-8 bytes: two strings that differ only in normalisation are two keys, so a cached
    /// value made from a key's text always holds that very text.
    var cacheHash: UInt64 { withUTF8Bytes { FNV1a.hash($0) } }

    func hasSameBytes(as other: String) -> Bool {
        utf8.count == other.utf8.count && withUTF8Bytes { mine in
            other.withUTF8Bytes { theirs in mine.indices.allSatisfy { mine[$0] == theirs[$0] } }
        }
    }

    private func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
