import Dispatch
import Synchronization

/// Proposes the gazetteer names worth scoring for a query, so that a query touches a few
/// hundred names rather than the whole gazetteer.
///
/// Every romanisation of every name is an *entry*. Entries are indexed by the bigrams of their
/// words' skeletons and letters (see `grams(of:)`). A query collects, for each entry, how many
/// of its bigrams it shares (count filtering), and the entries with the highest share (Dice
/// coefficient) are proposed.
///
/// Only the query's rarer bigrams admit new entries: the commonest ones (*an*, *a$*) are shared
/// by a large part of any gazetteer and would make every query touch it all; they still count
/// for the entries a rarer bigram brought in.
final class CandidateIndex: Sendable {
    struct Entry: Sendable {
        let name: Int32
        let tokens: [[UInt8]]
    }

    let entries: [Entry]
    /// Distinct bigrams of entry e, ascending: `entryGrams[entryGramStart[e]..<entryGramStart[e + 1]]`.
    private let entryGramStart: [Int32]
    private let entryGrams: [UInt16]
    /// Entries of name k are `firstEntry[k]..<firstEntry[k + 1]`.
    private let firstEntry: [Int32]
    /// Bigram code g → entries holding it, ascending: `postings[postingStart[g]..<postingStart[g + 1]]`.
    private let postingStart: [Int32]
    private let postings: [Int32]
    /// Share of a query's bigrams, rarest first, that may admit entries.
    static let admittingShare = 0.5
    /// How many entries per wanted candidate have their full bigram overlap counted.
    static let shortlistFactor = 6
    /// Least share of the query's bigrams an entry must hold to be proposed, in tenths (0.3):
    /// a coverage of the query, not a Dice, so a surname alone still finds the full name.
    static let minimumCoverage = 3, coverageScale = 10
    private static let symbols = 40  // a-z, 0-9, start, end, spare
    private static let start: UInt8 = 36, end: UInt8 = 37
    static let codeCount = 2 * symbols * symbols


    /// Builds the index of a gazetteer's names.
    /// - Complexity: O(total length of all names).
    convenience init(names: [GazetteerName]) {
        // Entries and their bigrams, made on all cores in chunks of names, joined in order.
        let chunkCount = max(1, min(64, names.count / 2048))
        typealias Chunk = (entries: [Entry], grams: [UInt16], counts: [Int32])
        let chunks = Mutex<[Chunk]>(Array(repeating: ([], [], []), count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var entries: [Entry] = [], grams: [UInt16] = [], counts: [Int32] = []
            for nameIndex in (names.count * chunk / chunkCount)..<(names.count * (chunk + 1) / chunkCount) {
                for romanization in names[nameIndex].form.romanizations {
                    entries.append(Entry(name: Int32(nameIndex), tokens: romanization.map { Array($0.utf8) }))
                    counts.append(Int32(Self.appendGrams(of: romanization, to: &grams)))
                }
            }
            chunks.withLock { $0[chunk] = (entries, grams, counts) }
        }
        let built = chunks.withLock { $0 }
        var entries: [Entry] = []
        entries.reserveCapacity(built.reduce(0) { $0 + $1.entries.count })
        var entryGramStart: [Int32] = [0]
        var entryGrams: [UInt16] = []
        entryGramStart.reserveCapacity(entries.capacity + 1)
        entryGrams.reserveCapacity(built.reduce(0) { $0 + $1.grams.count })
        for chunk in built {
            entries += chunk.entries
            entryGrams += chunk.grams
            for count in chunk.counts { entryGramStart.append(entryGramStart[entryGramStart.count - 1] + count) }
        }
        let firstEntry = Self.firstEntries(of: names)
        // Postings in one array (counting sort by bigram): no per-bigram allocation, entries ascending.
        var postingStart = [Int32](repeating: 0, count: Self.codeCount + 1)
        for gram in entryGrams { postingStart[Int(gram) + 1] += 1 }
        for code in 0..<Self.codeCount { postingStart[code + 1] += postingStart[code] }
        var postings = [Int32](repeating: 0, count: Int(postingStart[Self.codeCount]))
        var fill = postingStart
        for entry in 0..<entries.count {
            for gram in entryGrams[Int(entryGramStart[entry])..<Int(entryGramStart[entry + 1])] {
                postings[Int(fill[Int(gram)])] = Int32(entry); fill[Int(gram)] += 1
            }
        }
        self.init(entries: entries, firstEntry: firstEntry, entryGramStart: entryGramStart, entryGrams: entryGrams,
                  postingStart: postingStart, postings: postings)
    }

    /// An index read back from a compiled gazetteer: every stored number is checked against the
    /// names, so a damaged file is refused rather than trusted.
    convenience init(names: [GazetteerName], reading reader: inout BinaryReader) throws(TruncatedData) {
        let (entries, firstEntry) = Self.entries(of: names)
        let entryGramStart: [Int32] = try reader.readBlock()
        let entryGrams: [UInt16] = try reader.readBlock()
        let postingStart: [Int32] = try reader.readBlock()
        let postings: [Int32] = try reader.readBlock()
        guard entryGramStart.count == entries.count + 1, entryGramStart.first == 0, entryGramStart.last == Int32(entryGrams.count),
              zip(entryGramStart, entryGramStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              entryGrams.allSatisfy({ Int($0) < Self.codeCount }),
              postingStart.count == Self.codeCount + 1, postingStart.first == 0, postingStart.last == Int32(postings.count),
              zip(postingStart, postingStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              postings.allSatisfy({ $0 >= 0 && Int($0) < entries.count }) else { throw TruncatedData() }
        self.init(entries: entries, firstEntry: firstEntry, entryGramStart: entryGramStart, entryGrams: entryGrams,
                  postingStart: postingStart, postings: postings)
    }

    private init(entries: [Entry], firstEntry: [Int32], entryGramStart: [Int32], entryGrams: [UInt16],
                 postingStart: [Int32], postings: [Int32]) {
        self.entries = entries
        self.firstEntry = firstEntry
        self.entryGramStart = entryGramStart
        self.entryGrams = entryGrams
        self.postingStart = postingStart
        self.postings = postings
    }

    /// Writes what `init(names:reading:)` reads.
    func write(to writer: inout BinaryWriter) {
        writer.writeBlock(entryGramStart)
        writer.writeBlock(entryGrams)
        writer.writeBlock(postingStart)
        writer.writeBlock(postings)
    }

    /// Every romanisation of every name is an entry, in name order.
    private static func entries(of names: [GazetteerName]) -> (entries: [Entry], firstEntry: [Int32]) {
        var entries: [Entry] = []
        for (nameIndex, name) in names.enumerated() {
            for romanization in name.form.romanizations {
                entries.append(Entry(name: Int32(nameIndex), tokens: romanization.map { Array($0.utf8) }))
            }
        }
        return (entries, firstEntries(of: names))
    }

    /// Where each name's entries start, and one past the last entry.
    private static func firstEntries(of names: [GazetteerName]) -> [Int32] {
        var firstEntry: [Int32] = []
        firstEntry.reserveCapacity(names.count + 1)
        var count: Int32 = 0
        for name in names {
            firstEntry.append(count)
            count += Int32(name.form.romanizations.count)
        }
        firstEntry.append(count)
        return firstEntry
    }

    func entries(ofName name: Int) -> Range<Int32> { firstEntry[name]..<firstEntry[name + 1] }

    /// Distinct bigram codes of a tokenised name, ascending: of each word, and of the words run
    /// together, so that *na pa* finds *Napa* and *Salaconsilina* finds *Sala Consilina*. A name
    /// written syllable by syllable (*fu luo li ya nuo bo li si*, a Chinese rendering of
    /// *Florianópolis*) counts as its syllables run together only: the syllables' own bigrams
    /// are shared by much of any gazetteer and would drown those of the name.
    static func grams(of tokens: [String]) -> [UInt16] {
        var grams: [UInt16] = []
        appendGrams(of: tokens, to: &grams)
        return grams
    }

    /// Appends `grams(of: tokens)` to `grams` and returns how many: the index build fills one
    /// array per chunk of names instead of making a few arrays per entry.
    @discardableResult
    static func appendGrams(of tokens: [String], to grams: inout [UInt16]) -> Int {
        let first = grams.count
        let isSyllabic = tokens.count >= 3 && tokens.allSatisfy { $0.utf8.count <= 3 }
        // Skeleton bigrams find transliteration variants; letter bigrams (a second code range)
        // find typing errors that change the skeleton itself (a voicing or vowel change).
        func append(_ letters: [UInt8]) {
            appendGrams(of: Skeleton.of(letters), base: 0, to: &grams)
            appendGrams(of: letters, base: symbols * symbols, to: &grams)
        }
        if !isSyllabic { for token in tokens { append(Array(token.utf8)) } }
        if tokens.count > 1 {
            var joined: [UInt8] = []
            for token in tokens { joined += token.utf8 }
            append(joined)
        }
        grams[first...].sort()
        var kept = first
        for index in first..<grams.count where kept == first || grams[kept - 1] != grams[index] {
            grams[kept] = grams[index]
            kept += 1
        }
        grams.removeSubrange(kept...)
        return kept - first
    }

    private static func appendGrams(of letters: [UInt8], base: Int, to grams: inout [UInt16]) {
        var previous = start
        for index in 0...letters.count {
            let code = index == letters.count ? end : min(UInt8(CostModel.code(letters[index])), 38)
            grams.append(UInt16(base + Int(previous) * symbols + Int(code)))
            previous = code
        }
    }

    /// Up to `limit` entries sharing the most bigrams with any of the query's romanisations.
    ///
    /// Entries come in through the query's rarer bigrams and are ranked on those first; only the
    /// best few (`shortlistFactor` × `limit`) then have their full overlap counted, on their own
    /// bigram lists, so the long postings of common bigrams are never read.
    /// - Complexity: O(postings of the query's rarer bigrams + shortlist × bigrams per entry).
    func candidates(for romanizations: [[String]], limit: Int) -> [Int32] {
        // Fresh arrays each query: measured faster than reusing cleared ones (untouched pages stay zero pages).
        var counts = [UInt8](repeating: 0, count: entries.count)
        var share = [UInt8](repeating: 0, count: entries.count)  // best Dice so far, quantised to 1…255; 0 = not proposed
        var everTouched: [Int32] = []
        var queryGrams = [UInt64](repeating: 0, count: (Self.codeCount + 63) / 64)
        for tokens in romanizations {
            let grams = Self.grams(of: tokens).prefix(255)
            let rarestFirst = grams.sorted { postingLength($0) < postingLength($1) }
            let admitting = max(1, Int((Double(rarestFirst.count) * Self.admittingShare).rounded(.up)))
            var touched: [Int32] = []
            for gram in rarestFirst.prefix(admitting) {
                for entry in postings[Int(postingStart[Int(gram)])..<Int(postingStart[Int(gram) + 1])] {
                    if counts[Int(entry)] == 0 { touched.append(entry) }
                    counts[Int(entry)] &+= 1
                }
            }
            // Shortlist by the Dice share of the rarer bigrams alone.
            for entry in touched {
                counts[Int(entry)] = diceLevel(common: Int(counts[Int(entry)]), queryGrams: grams.count, entry: entry)
            }
            let shortlist = Self.top(touched, keeping: limit * Self.shortlistFactor) { counts[Int($0)] }
            for entry in touched { counts[Int(entry)] = 0 }

            for gram in grams { queryGrams[Int(gram) >> 6] |= 1 << (UInt64(gram) & 63) }
            for entry in shortlist {
                var common = 0
                for gram in entryGrams[Int(entryGramStart[Int(entry)])..<Int(entryGramStart[Int(entry) + 1])] {
                    common &+= Int(truncatingIfNeeded: queryGrams[Int(gram) >> 6] >> (UInt64(gram) & 63)) & 1
                }
                // An entry holding under `minimumCoverage` of the query's bigrams is never the answer
                // on the dev sets, and skipping it saves most of the scoring of unknown names.
                guard common * Self.coverageScale >= grams.count * Self.minimumCoverage else { continue }
                let full = diceLevel(common: common, queryGrams: grams.count, entry: entry)
                if share[Int(entry)] == 0 { everTouched.append(entry) }
                share[Int(entry)] = max(share[Int(entry)], full)
            }
            for gram in grams { queryGrams[Int(gram) >> 6] = 0 }
        }
        return Self.top(everTouched, keeping: limit) { share[Int($0)] }
    }

    /// The items whose level is among the `keeping` highest, in their given order: every item
    /// above the cut-off level, and at that level the first ones there is room for. Top-k
    /// without sorting, from a histogram of the levels (1…255).
    private static func top(_ items: [Int32], keeping: Int, level: (Int32) -> UInt8) -> [Int32] {
        guard items.count > keeping else { return items }
        var histogram = [Int](repeating: 0, count: 256)
        for item in items { histogram[Int(level(item))] += 1 }
        var cutoff = 255, taken = 0
        while cutoff > 0 && taken + histogram[cutoff] <= keeping { taken += histogram[cutoff]; cutoff -= 1 }
        var room = keeping - taken
        return items.filter { item in
            let itemLevel = Int(level(item))
            guard itemLevel == cutoff else { return itemLevel > cutoff }
            room -= 1
            return room >= 0
        }
    }

    /// Dice coefficient of the query's and an entry's bigrams, quantised to 1…255.
    @inline(__always)
    private func diceLevel(common: Int, queryGrams: Int, entry: Int32) -> UInt8 {
        let entryGramCount = Int(entryGramStart[Int(entry) + 1] - entryGramStart[Int(entry)])
        let dice = 2 * Float(common) / Float(queryGrams + entryGramCount)
        return UInt8(min(255, max(1, (dice * 255).rounded())))
    }

    private func postingLength(_ gram: UInt16) -> Int32 {
        postingStart[Int(gram) + 1] - postingStart[Int(gram)]
    }
}
