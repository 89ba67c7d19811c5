/// The index entries of organisations and places by the acronyms they may go by (see
/// ``Initialisms/acronyms(of:)``), for a query written in capitals that no name spells.
///
/// Made on first use rather than stored: acronym queries are rare, and opening a compiled file
/// stays a matter of mapping it.
struct AcronymTable: Sendable {
    /// Every (acronym, entry) pair, ascending: acronyms as `Initialisms.AcronymKey` values, side
    /// by side with their entries. A sorted array, not a dictionary of arrays: made in one pass
    /// and one sort over a million names.
    private let keys: [UInt64]
    private let entries: [Int32]

    /// - Complexity: O(total length of the index's entries + p log p) for p pairs.
    init(index: CandidateIndex, tables: GazetteerTables) {
        var pairs: [(key: UInt64, entry: Int32)] = []
        for entry in 0..<index.entryCount {
            guard index.wordCount(ofEntry: entry) >= 2 else { continue }
            let type = tables.type(ofEntity: Int(tables.nameEntity[index.name(ofEntry: entry)]))
            guard type == .organization || type == .place else { continue }
            let acronyms = Initialisms.acronymKeys(of: index.wordLetters(ofEntry: entry))
            if let key = acronyms.all { pairs.append((key, Int32(entry))) }
            if let key = acronyms.significant { pairs.append((key, Int32(entry))) }
        }
        pairs.sort { ($0.key, $0.entry) < ($1.key, $1.entry) }
        keys = pairs.map(\.key)
        entries = pairs.map(\.entry)
    }

    /// The entries that go by `acronym`, ascending.
    func entries(goingBy acronym: String) -> [Int32] {
        guard let key = Initialisms.AcronymKey.of(acronym.utf8) else { return [] }
        let start = firstIndex(notBelow: key), end = firstIndex(notBelow: key + 1)
        return Array(entries[start..<end])
    }

    /// The first index whose key is `key` or more (binary search).
    private func firstIndex(notBelow key: UInt64) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
