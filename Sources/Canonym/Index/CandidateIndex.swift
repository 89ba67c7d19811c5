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
    private static let symbols = 40  // a-z, 0-9, start, end, spare
    private static let start: UInt8 = 36, end: UInt8 = 37
    static let codeCount = 2 * symbols * symbols

    init(gazetteer: Gazetteer) {
        var entries: [Entry] = []
        var firstEntry: [Int32] = []
        var entryGramStart: [Int32] = [0]
        var entryGrams: [UInt16] = []
        for (nameIndex, name) in gazetteer.names.enumerated() {
            firstEntry.append(Int32(entries.count))
            for romanization in name.form.romanizations {
                let grams = Self.grams(of: romanization)
                entryGrams += grams
                entryGramStart.append(Int32(entryGrams.count))
                entries.append(Entry(name: Int32(nameIndex), tokens: romanization.map { Array($0.utf8) }))
            }
        }
        firstEntry.append(Int32(entries.count))
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
        self.entries = entries
        self.entryGramStart = entryGramStart
        self.entryGrams = entryGrams
        self.firstEntry = firstEntry
        self.postingStart = postingStart
        self.postings = postings
    }

    func entries(ofName name: Int) -> Range<Int32> { firstEntry[name]..<firstEntry[name + 1] }

    /// Distinct bigram codes of a tokenised name, ascending: of each word, and of the words run
    /// together, so that *na pa* finds *Napa* and *Salaconsilina* finds *Sala Consilina*.
    static func grams(of tokens: [String]) -> [UInt16] {
        var grams: [UInt16] = []
        for token in tokens.count > 1 ? tokens + [tokens.joined()] : tokens {
            // Skeleton bigrams find transliteration variants; letter bigrams (a second code range)
            // find typing errors that change the skeleton itself (a voicing or vowel change).
            appendGrams(of: Skeleton.of(token), base: 0, to: &grams)
            appendGrams(of: Array(token.utf8), base: symbols * symbols, to: &grams)
        }
        grams.sort()
        var distinct: [UInt16] = []
        distinct.reserveCapacity(grams.count)
        for gram in grams where distinct.last != gram { distinct.append(gram) }
        return distinct
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
    /// - Complexity: O(postings of the query's bigrams + touched entries).
    func candidates(for romanizations: [[String]], limit: Int) -> [Int32] {
        // Dense per-query counters: cheaper than hashing when a bigram's postings are long.
        var counts = [UInt8](repeating: 0, count: entries.count)
        var share = [UInt8](repeating: 0, count: entries.count)  // best Dice so far, quantised to 1/255
        var touched: [Int32] = [], everTouched: [Int32] = []
        for tokens in romanizations {
            let grams = Self.grams(of: tokens).prefix(255)
            let rarestFirst = grams.sorted { postingLength($0) < postingLength($1) }
            let admitting = max(1, Int((Double(rarestFirst.count) * Self.admittingShare).rounded(.up)))
            for (rank, gram) in rarestFirst.enumerated() {
                let range = Int(postingStart[Int(gram)])..<Int(postingStart[Int(gram) + 1])
                if rank < admitting {
                    for entry in postings[range] {
                        if counts[Int(entry)] == 0 { touched.append(entry) }
                        counts[Int(entry)] &+= 1
                    }
                } else {
                    for entry in postings[range] where counts[Int(entry)] != 0 { counts[Int(entry)] &+= 1 }
                }
            }
            for entry in touched {
                let gramCount = Int(entryGramStart[Int(entry) + 1] - entryGramStart[Int(entry)])
                let dice = 2 * Float(counts[Int(entry)]) / Float(grams.count + gramCount)
                let quantised = UInt8(min(255, max(1, (dice * 255).rounded())))
                if share[Int(entry)] == 0 { everTouched.append(entry) }
                if quantised > share[Int(entry)] { share[Int(entry)] = quantised }
                counts[Int(entry)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        if everTouched.count <= limit { return everTouched }
        // Top `limit` by share without sorting: find the cut-off level from a histogram.
        var histogram = [Int](repeating: 0, count: 256)
        for entry in everTouched { histogram[Int(share[Int(entry)])] += 1 }
        var cutoff = 255, taken = 0
        while cutoff > 0 && taken + histogram[cutoff] <= limit { taken += histogram[cutoff]; cutoff -= 1 }
        var result = everTouched.filter { Int(share[Int($0)]) > cutoff }
        var room = limit - result.count
        for entry in everTouched where room > 0 && Int(share[Int(entry)]) == cutoff {
            result.append(entry); room -= 1
        }
        return result
    }

    private func postingLength(_ gram: UInt16) -> Int32 {
        postingStart[Int(gram) + 1] - postingStart[Int(gram)]
    }
}
