/// Words that a place's names carry or leave out without naming another place, learnt from the
/// gazetteer itself: *City of Austin* beside *Austin*, *Aleksandrovsk i Russland* beside
/// *Aleksandrovsk*, *Kalabasas kalyfrnya* beside *Kalabasas*; and the region or country that
/// closes names of one country's places only (*shybwygan wskwnsn*, Sheboygan, Wisconsin: a
/// locator). In a query or a name, such a word then weighs little
/// (``NameScorer/extraQualifierWeight``, ``NameScorer/omittedQualifierPenalty``), wherever it
/// stands; a user's own gazetteer teaches its own (*Kommune*, *Landkreis*).
enum QualifierWords {
    /// The fewest places that must list a name both with and without a word for it to qualify...
    static let minimumPlaces = 3
    /// ...and the least share of the places whose names hold the word that do: *San* is dropped
    /// by dozens of places (*San Juan*, *Juan*), yet belongs to hundreds.
    static let minimumShare = 0.2
    /// Places with more names than this are left out: their pairs grow as the square,
    /// and the other places teach the same words.
    static let namesPerPlaceLimit = 100

    /// The fewest places whose names a locator must close...
    static let minimumLocatorPlaces = 5
    /// ...and the least share of them in one country: *Beach*, *Station* close names of one
    /// country's places too, and weigh little with the locators (held-out splits gained with them).
    static let locatorCountryShare = 0.95
    /// Locators are this long or longer: *Jr*, *de* are no regions.
    static let minimumLocatorLetters = 3

    /// The qualifying words of the places among `names` (grouped by entity, as a gazetteer lists
    /// them), in their first romanisation: those `droppedWords` and `locators` find, sorted, and
    /// the country each locator names.
    /// - Complexity: as `droppedWords`.
    static func learn(from names: [GazetteerName], isPlace: (Int) -> Bool, country: (Int) -> String?) -> Learnt {
        let located = locators(from: names, isPlace: isPlace, country: country)
        return Learnt(words: Set(droppedWords(from: names, isPlace: isPlace)).union(located.keys).sorted(), locatorCountries: located)
    }

    /// What `learn` found.
    struct Learnt: Equatable {
        var words: [String] = []
        /// Each locator's country (ISO 3166 alpha-2).
        var locatorCountries: [String: String] = [:]
    }

    /// Words some places' names drop to make others, held by few places besides.
    /// - Complexity: O(Σ names² · words) over places of at most `namesPerPlaceLimit`
    ///   names with a name of two words or more, then one lookup per word of every place's names.
    static func droppedWords(from names: [GazetteerName], isPlace: (Int) -> Bool) -> [String] {
        // The places of each entity's names, as ranges of `names`.
        var places: [Range<Int>] = []
        var start = 0
        while start < names.count {
            let entity = names[start].entity
            var end = start + 1
            while end < names.count && names[end].entity == entity { end += 1 }
            if isPlace(entity) { places.append(start..<end) }
            start = end
        }
        // Words some place drops from one of its names to make another, by how many places do.
        var dropped: [String: Int] = [:]
        for place in places where place.count > 1 && place.count <= namesPerPlaceLimit
            && names[place].contains(where: { $0.form.tokens.count > 1 }) {
            var droppedHere: [String] = []
            for longer in place where names[longer].form.tokens.count > 1 {
                let longerWords = names[longer].form.tokens
                for shorter in place where names[shorter].form.tokens.count < longerWords.count {
                    let shorterWords = names[shorter].form.tokens
                    guard shorterWords.allSatisfy(longerWords.contains) else { continue }
                    for word in longerWords where !shorterWords.contains(word) && !droppedHere.contains(word) { droppedHere.append(word) }
                }
            }
            for word in droppedHere { dropped[word, default: 0] += 1 }
        }
        // How many places hold each word dropped often enough, in any of their names; most words
        // are none of them, which the set's cheap hash tells before the dictionary's is computed.
        var held = dropped.filter { $0.value >= minimumPlaces }.mapValues { _ in 0 }
        guard !held.isEmpty else { return [] }
        let candidates = WordSet(held.keys)
        var heldHere: [String] = []
        for place in places {
            heldHere.removeAll(keepingCapacity: true)
            for k in place {
                for word in names[k].form.tokens where candidates.contains(word) && !heldHere.contains(word) { heldHere.append(word) }
            }
            for word in heldHere { held[word]! += 1 }
        }
        return held.compactMap { word, places in
            Double(dropped[word]!) >= minimumShare * Double(places) ? word : nil
        }
    }

    /// Words that close the names of `minimumLocatorPlaces` places or more, nearly all in one
    /// country (`locatorCountryShare`), and begin no place's name: a region or country written
    /// after the place (*kalyfrnya*, *awhayw*, *i Russland*'s *russland*, *pakstan*), with that country.
    /// - Complexity: O(total words of places' names).
    static func locators(from names: [GazetteerName], isPlace: (Int) -> Bool, country: (Int) -> String?) -> [String: String] {
        // The places each word closes a name of, by country. Names come grouped by entity, so a
        // place is counted once per word by remembering the last one counted.
        struct Closing {
            var lastPlace = -1
            var byCountry: [String: Int] = [:]
            mutating func count(place: Int, in country: String) {
                guard place != lastPlace else { return }
                lastPlace = place
                byCountry[country, default: 0] += 1
            }
        }
        var closing: [String: Closing] = [:]
        closing.reserveCapacity(names.count / 8)
        for k in names.indices where names[k].form.tokens.count > 1 {  // by index: a name copied per loop cost a fifth
            let entity = names[k].entity
            guard let last = names[k].form.tokens.last, last.utf8.count >= minimumLocatorLetters, isPlace(entity),
                  let country = country(entity) else { continue }
            closing[last, default: Closing()].count(place: entity, in: country)
        }
        var candidates: [String: String] = [:]
        for (word, closed) in closing {
            let places = closed.byCountry.values.reduce(0, +)
            guard let (country, inOneCountry) = closed.byCountry.max(by: { $0.value < $1.value }), places >= minimumLocatorPlaces,
                  Double(inOneCountry) >= locatorCountryShare * Double(places) else { continue }
            candidates[word] = country
        }
        guard !candidates.isEmpty else { return [:] }
        // ...and begin none: most first words are none of them, which the set's cheap hash tells.
        let candidateSet = WordSet(candidates.keys)
        for k in names.indices {
            if let first = names[k].form.tokens.first, candidateSet.contains(first), isPlace(names[k].entity) { candidates[first] = nil }
        }
        return candidates
    }

    /// The words as stored: each followed by a line feed (a folded word holds none), a locator's
    /// by a tab and its country before it.
    static func encode(_ learnt: Learnt) -> [UInt8] {
        learnt.words.flatMap { word in
            Array(word.utf8) + (learnt.locatorCountries[word].map { [0x09] + Array($0.utf8) } ?? []) + [0x0A]
        }
    }

    /// What `encode` wrote; nil when the bytes do not end a word.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Learnt? {
        guard bytes.last.map({ $0 == 0x0A }) ?? true else { return nil }
        var learnt = Learnt()
        for line in bytes.split(separator: 0x0A) {
            let parts = line.split(separator: 0x09, maxSplits: 1, omittingEmptySubsequences: false)
            let word = String(decoding: parts[0], as: UTF8.self)
            learnt.words.append(word)
            if parts.count == 2 { learnt.locatorCountries[word] = String(decoding: parts[1], as: UTF8.self) }
        }
        return learnt
    }
}
