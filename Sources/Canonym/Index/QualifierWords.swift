/// Words that a place's names carry or leave out without naming another place, learnt from the
/// gazetteer itself: *City of Austin* beside *Austin*, *Aleksandrovsk i Russland* beside
/// *Aleksandrovsk*, *Kalabasas kalyfrnya* beside *Kalabasas*. In a query or a name, such a word
/// then weighs little (``NameScorer/extraQualifierWeight``, ``NameScorer/omittedQualifierPenalty``),
/// wherever it stands; a user's own gazetteer teaches its own (*Kommune*, *Landkreis*).
enum QualifierWords {
    /// The fewest places that must list a name both with and without a word for it to qualify...
    static let minimumPlaces = 3
    /// ...and the least share of the places whose names hold the word that do: *San* is dropped
    /// by dozens of places (*San Juan*, *Juan*), yet belongs to hundreds.
    static let minimumShare = 0.2
    /// Places with more distinct names than this are left out: their pairs grow as the square,
    /// and the other places teach the same words.
    static let namesPerPlaceLimit = 100

    /// The qualifying words of the places among `names` (grouped by entity, as a gazetteer lists
    /// them), in their first romanisation, sorted.
    /// - Complexity: O(Σ distinct names² · words) over places of at most `namesPerPlaceLimit` names.
    static func learn(from names: [GazetteerName], isPlace: (Int) -> Bool) -> [String] {
        var dropped: [String: Int] = [:], held: [String: Int] = [:]
        var start = 0
        while start < names.count {
            let entity = names[start].entity
            var end = start
            while end < names.count && names[end].entity == entity { end += 1 }
            defer { start = end }
            guard isPlace(entity) else { continue }
            var wordSets: [Set<String>] = []
            for k in start..<end {
                let words = Set(names[k].form.tokens)
                if !wordSets.contains(words) { wordSets.append(words) }
            }
            guard wordSets.count <= namesPerPlaceLimit else { continue }
            var droppedHere = Set<String>()
            for longer in wordSets where longer.count > 1 {
                for shorter in wordSets where shorter.count < longer.count && shorter.isSubset(of: longer) {
                    droppedHere.formUnion(longer.subtracting(shorter))
                }
            }
            for word in droppedHere { dropped[word, default: 0] += 1 }
            for word in wordSets.reduce(into: Set<String>(), { $0.formUnion($1) }) { held[word, default: 0] += 1 }
        }
        return dropped.compactMap { word, count in
            count >= minimumPlaces && Double(count) >= minimumShare * Double(held[word] ?? count) ? word : nil
        }.sorted()
    }

    /// The words as stored: each followed by a line feed (a folded word holds none).
    static func encode(_ words: [String]) -> [UInt8] { words.flatMap { Array($0.utf8) + [0x0A] } }

    /// The words of `encode`'s bytes; nil when the bytes do not end a word.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard bytes.last.map({ $0 == 0x0A }) ?? true else { return nil }
        return bytes.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }
}
