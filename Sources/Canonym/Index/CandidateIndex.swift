/// Proposes the gazetteer names worth scoring for a query, so that a query touches a few
/// hundred names rather than the whole gazetteer.
///
/// Every romanisation of every name is an *entry*. Entries are indexed by the bigrams of their
/// words' skeletons (see `Skeleton`), each word padded with start and end marks. A query
/// collects, for each entry, how many of its bigrams it shares (count filtering), and the
/// entries with the highest share (Dice coefficient) are proposed.
final class CandidateIndex: Sendable {
    struct Entry: Sendable {
        let name: Int32
        let tokens: [[UInt8]]
        let gramCount: UInt16
    }

    let entries: [Entry]
    /// Entries of name k are `firstEntry[k]..<firstEntry[k + 1]`.
    private let firstEntry: [Int32]
    /// Bigram code → entries holding it, ascending.
    private let postings: [[Int32]]
    private static let symbols = 40  // a-z, 0-9, start, end, spare
    private static let start: UInt8 = 36, end: UInt8 = 37

    init(gazetteer: Gazetteer) {
        var entries: [Entry] = []
        var postings = [[Int32]](repeating: [], count: 2 * Self.symbols * Self.symbols)
        var firstEntry: [Int32] = []
        for (nameIndex, name) in gazetteer.names.enumerated() {
            firstEntry.append(Int32(entries.count))
            for romanization in name.form.romanizations {
                let grams = Self.grams(of: romanization)
                let entry = Int32(entries.count)
                for gram in Set(grams) { postings[Int(gram)].append(entry) }
                entries.append(Entry(name: Int32(nameIndex), tokens: romanization.map { Array($0.utf8) },
                                     gramCount: UInt16(min(grams.count, Int(UInt16.max)))))
            }
        }
        firstEntry.append(Int32(entries.count))
        self.entries = entries
        self.postings = postings
        self.firstEntry = firstEntry
    }

    func entries(ofName name: Int) -> Range<Int32> { firstEntry[name]..<firstEntry[name + 1] }

    /// Distinct skeleton bigrams of a tokenised name: of each word, and of the words run
    /// together, so that *na pa* finds *Napa* and *Salaconsilina* finds *Sala Consilina*.
    static func grams(of tokens: [String]) -> [UInt16] {
        var grams = Set<UInt16>()
        for token in tokens.count > 1 ? tokens + [tokens.joined()] : tokens {
            // Skeleton bigrams find transliteration variants; letter bigrams (a second code range)
            // find typing errors that change the skeleton itself (a voicing or vowel change).
            for (letters, base) in [(Skeleton.of(token), 0), (Array(token.utf8), symbols * symbols)] {
                var previous = start
                for symbol in letters + [end] {
                    let code = symbol == end ? end : CostModel.code(symbol) < 36 ? UInt8(CostModel.code(symbol)) : 38
                    grams.insert(UInt16(base + Int(previous) * symbols + Int(code)))
                    previous = code
                }
            }
        }
        return Array(grams)
    }

    /// Up to `limit` entries sharing the most skeleton bigrams with any of the query's romanisations.
    /// - Complexity: O(total length of the postings of the query's bigrams + touched entries).
    func candidates(for romanizations: [[String]], limit: Int) -> [Int32] {
        // Dense per-query counters: cheaper than hashing when a bigram's postings are long.
        var counts = [UInt16](repeating: 0, count: entries.count)
        var share = [UInt8](repeating: 0, count: entries.count)  // best Dice so far, quantised to 1/255
        var touched: [Int32] = [], everTouched: [Int32] = []
        for tokens in romanizations {
            let grams = Self.grams(of: tokens)
            for gram in grams {
                for entry in postings[Int(gram)] {
                    if counts[Int(entry)] == 0 { touched.append(entry) }
                    counts[Int(entry)] &+= 1
                }
            }
            for entry in touched {
                let dice = 2 * Float(counts[Int(entry)]) / Float(grams.count + Int(entries[Int(entry)].gramCount))
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
}
