/// The index entries of organisations and places by the acronyms they may go by (see
/// ``Initialisms/acronyms(of:)``), for a query written in capitals that no name spells.
///
/// Made on first use rather than stored: acronym queries are rare, and opening a compiled file
/// stays a matter of mapping it.
struct AcronymTable: Sendable {
    private let entriesByAcronym: [String: [Int32]]

    /// - Complexity: O(total length of the index's entries).
    init(index: CandidateIndex, tables: GazetteerTables) {
        var table: [String: [Int32]] = [:]
        var buffers = CandidateIndex.WordBuffers()
        for entry in 0..<index.entryCount {
            let type = tables.type(ofEntity: Int(tables.nameEntity[index.name(ofEntry: entry)]))
            guard type == .organization || type == .place, index.wordCount(ofEntry: entry) >= 2 else { continue }
            for acronym in Initialisms.acronyms(of: buffers.words(ofEntry: entry, in: index)) { table[acronym, default: []].append(Int32(entry)) }
        }
        entriesByAcronym = table
    }

    /// The entries that go by `acronym`, ascending.
    func entries(goingBy acronym: String) -> [Int32] { entriesByAcronym[acronym] ?? [] }
}
