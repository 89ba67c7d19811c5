/// A set of romanised words that answers "is any of you at least this similar to a word?"
/// (`NameScorer.similarity`) without comparing the word with each of them.
///
/// The words share a few tries, by bands of length. The weighted edit distance's table is filled
/// one column per trie letter, exactly as `WeightedEditDistance` fills it, and a branch is left as
/// soon as no path through the columns filled so far can stay within the cost the similarity
/// allows a word below it, counting what stretching or shrinking the rest of the query to that
/// word's length must cost: the answer is the one comparing every word would give, and a query
/// far from every word touches only the first letters of a few branches.
///
/// ```swift
/// let words = WordTrie(words: [Array("astana".utf8), Array("almaty".utf8)])
/// words.containsWord(near: Array("astanna".utf8), minimumSimilarity: 0.9)  // true
/// words.containsWord(near: Array("kalomir".utf8), minimumSimilarity: 0.9)  // false
/// ```
struct WordTrie: Sendable {
    let model: CostModel
    /// The words of two letters or more in a few tries by bands of length. A branch is left by
    /// what the longest word below it may cost, so one trie for all lengths would search long
    /// words' allowance near the root; one per length would search the first letters, which
    /// every query reaches, once per length. Bands each about half as long again as the one
    /// before keep both small (with a million names, a third less time per new word than one trie).
    private let bands: [(lengths: ClosedRange<Int>, trie: LetterTrie)]
    /// First letters of the one-letter words, which `similarity` compares by initial alone.
    private let singleLetters: Set<UInt8>

    /// The bands' first lengths.
    private static let bandStarts = [2, 6, 9, 13, 19, 28, 40]

    /// - Complexity: O(total length of the words · log of the alphabet).
    init<Word: Sequence<UInt8>>(words: some Sequence<Word>, model: CostModel = .standard) {
        self.model = model
        // The longer words' letters one after the other: the build reads bytes, not arrays.
        var byBand = [FlatWords](repeating: FlatWords(), count: Self.bandStarts.count)
        var single = Set<UInt8>()
        var letters: [UInt8] = []  // each word's, written over: the words may be views into a gazetteer's tables
        for word in words {
            letters.removeAll(keepingCapacity: true)
            letters.append(contentsOf: word)
            if letters.count == 1 { single.insert(letters[0]) }
            if letters.count >= 2 { byBand[Self.bandStarts.lastIndex { $0 <= letters.count }!].append(letters) }
        }
        let rules = RuleStarts(of: model)
        bands = byBand.indices.compactMap { band in
            guard !byBand[band].isEmpty else { return nil }
            let upper = band + 1 < Self.bandStarts.count ? Self.bandStarts[band + 1] - 1 : Int.max
            return (Self.bandStarts[band]...upper, LetterTrie(words: byBand[band], rulesByKnownStart: rules))
        }
        singleLetters = single
    }

    /// Writes the words' tries for `init(reading:model:)`.
    func write(to writer: inout BinaryWriter) {
        writer.write(UInt32(bands.count))
        for band in bands {
            writer.write(Int64(band.lengths.lowerBound))
            writer.write(Int64(min(band.lengths.upperBound, Int(Int64.max))))
            band.trie.write(to: &writer)
        }
        writer.write(singleLetters.sorted())
    }

    /// The tries `write(to:)` wrote, built with a model whose rules are `model`'s (see
    /// `CostModel.ruleFingerprint`), checked as `LetterTrie.init(reading:ruleCount:)` checks.
    init(reading reader: inout BinaryReader, model: CostModel) throws(TruncatedData) {
        self.model = model
        let count = try reader.read(UInt32.self)
        guard count <= UInt32(Self.bandStarts.count) else { throw TruncatedData() }
        var bands: [(lengths: ClosedRange<Int>, trie: LetterTrie)] = []
        for _ in 0..<count {
            let lower = try reader.read(Int64.self), upper = try reader.read(Int64.self)
            guard lower >= 1, lower <= upper else { throw TruncatedData() }
            bands.append((Int(lower)...Int(upper), try LetterTrie(reading: &reader, ruleCount: model.packedRules.count)))
        }
        self.bands = bands
        singleLetters = Set(try reader.readArray(UInt8.self))
    }

    /// Whether some word `w` held, with a length in `lengths`, has `similarity(query, w)` of at
    /// least `minimumSimilarity` (`query` on the side of the rows, as `NameScorer` passes it).
    /// - Complexity: O(n · c) for an n-letter query and the c trie letters whose branch is not
    ///   yet out of reach; at worst the cost of comparing every word.
    func containsWord(near query: [UInt8], minimumSimilarity: Float, lengths: ClosedRange<Int> = 0...Int.max) -> Bool {
        guard !query.isEmpty else { return false }
        let searched = bands.filter { $0.lengths.overlaps(lengths) }
        // Every word is at least 0 similar.
        if minimumSimilarity <= 0 {
            return (lengths.contains(1) && !singleLetters.isEmpty) || searched.contains { $0.trie.holdsWord(lengths: lengths) }
        }
        // `similarity`: a one-letter word on either side scores 0.85 on the same initial, else 0.
        if lengths.contains(1), !singleLetters.isEmpty, singleLetters.contains(query[0]),
           query.count == 1 || minimumSimilarity <= 0.85 {
            return true
        }
        if query.count == 1 {
            guard minimumSimilarity <= 0.85 else { return false }
            return searched.contains { $0.trie.holdsWord(startingWith: query[0], lengths: lengths) }
        }
        let prepared = PreparedQuery(query, model: model)
        // The band of the query's length first: a close word is likeliest there, and ends the search.
        return searched.sorted { distance(query.count, $0.lengths) < distance(query.count, $1.lengths) }.contains {
            $0.trie.containsWord(within: 1 - minimumSimilarity, lengths: lengths.clamped(to: $0.lengths), of: prepared, model: model)
        }
    }

    private func distance(_ length: Int, _ band: ClosedRange<Int>) -> Int {
        band.contains(length) ? 0 : length < band.lowerBound ? band.lowerBound - length : length - band.upperBound
    }
}

/// What the table's rows need of a query, computed once for all the tries searched.
private struct PreparedQuery {
    let letters: [UInt8]
    /// Cost of deleting each letter, and its letter code premultiplied for the pair tables.
    let indels: [Float]
    let codes: [Int]
    /// Rows where each packed rule's query side starts (bit r: `letters[r...]` begins with it);
    /// empty for a query too long for the bits, which takes every row instead.
    let ruleRows: [UInt64]
    /// The least an edit costs per letter it adds to the word (`growth`) or takes from it
    /// (`shrink`) against the query's letters from row i on (n + 1 rows): a word longer or shorter
    /// than the query's remaining letters have room for pays at least that much per letter.
    let growth: [Float]
    let shrink: [Float]

    init(_ letters: [UInt8], model: CostModel) {
        self.letters = letters
        let n = letters.count
        indels = (0..<n).map { WeightedEditDistance.insertionCost(letters, $0, model) }
        codes = letters.map { CostModel.code($0) * CostModel.alphabetSize }
        // A letter inserted into the word costs at least this (doubled, a final mute e, or on its own).
        let insertion = min(model.doubling, model.finalMuteE, model.indel.min() ?? 0) * min(1, model.initialFactor)
        var growth = [Float](repeating: insertion, count: n + 1), shrink = indels + [.infinity]
        var ruleRows: [UInt64] = []
        for rule in model.packedRules {
            let side = model.ruleLetters[Int(rule.fromStart)..<Int(rule.fromStart + rule.fromLength)]
            let added = Int(rule.toLength - rule.fromLength)
            var rows: UInt64 = 0
            for r in 0..<max(0, n - side.count + 1) where letters[r..<(r + side.count)].elementsEqual(side) {
                if r < 64 { rows |= 1 << UInt64(r) }
                if added > 0 { growth[r] = min(growth[r], rule.cost / Float(added)) }
                if added < 0 { shrink[r] = min(shrink[r], rule.cost / Float(-added)) }
            }
            ruleRows.append(rows)
        }
        for r in stride(from: n - 1, through: 0, by: -1) {
            growth[r] = min(growth[r], growth[r + 1])
            shrink[r] = min(shrink[r], shrink[r + 1])
        }
        self.ruleRows = n >= 64 ? [] : ruleRows
        self.growth = growth
        self.shrink = shrink
    }
}

/// The rules (as indices into `model.packedRules`) whose word-side letters begin with a given
/// non-empty string of at most `longest` letters and go on beyond it, with that string's length:
/// a rule step that ends past the trie letters filled so far starts where such a string ends the
/// path. A string is looked up as a number (its letters and its length packed) in an
/// open-addressed table, and only where some string ends in the path's last letter: a trie node
/// asks for each suffix of its path, and most letters end none. (A `Dictionary` of arrays here
/// was half of building the tries, most of a scan's start-up.)
private struct RuleStarts {
    static let longest = 7
    /// The strings' keys (0: empty slot), and where each one's steps are in `steps`.
    private var keys: [UInt64]
    private var ranges: [Range<Int32>]
    private var steps: [(rule: Int32, known: UInt8)] = []
    private let shift: UInt64
    /// Length of the longest string ending in each letter (0: none).
    private var longestEndingIn = [UInt8](repeating: 0, count: 256)

    init(of model: CostModel) {
        var byKey: [UInt64: [(rule: Int32, known: UInt8)]] = [:]
        for (index, rule) in model.packedRules.enumerated() where rule.toLength > 1 {
            let side = model.ruleLetters[Int(rule.toStart)..<Int(rule.toStart + rule.toLength)]
            for known in 1..<min(side.count, Self.longest + 1) {
                let start = side.prefix(known)
                byKey[Self.key(start), default: []].append((Int32(index), UInt8(known)))
                longestEndingIn[Int(start.last!)] = max(longestEndingIn[Int(start.last!)], UInt8(known))
            }
        }
        var bits: UInt64 = 4
        while 1 << bits < 2 * byKey.count { bits += 1 }  // at most half full
        shift = 64 - bits
        keys = [UInt64](repeating: 0, count: 1 << bits)
        ranges = [Range<Int32>](repeating: 0..<0, count: 1 << bits)
        // In key order, so that the table's layout is the same from run to run.
        for (key, found) in byKey.sorted(by: { $0.key < $1.key }) {
            var slot = slot(of: key)
            while keys[slot] != 0 { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            ranges[slot] = Int32(steps.count)..<Int32(steps.count + found.count)
            steps += found
        }
    }

    private static func key(_ letters: some Collection<UInt8>) -> UInt64 {
        var key = UInt64(letters.count) << 56
        for (k, letter) in letters.enumerated() { key |= UInt64(letter) << (8 * UInt64(k)) }
        return key
    }

    private func slot(of key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// Appends the steps of every suffix of `path` that starts a rule, shortest suffix first.
    func appendSteps(endingAt path: UnsafeBufferPointer<UInt8>, to found: inout [(rule: Int32, known: UInt8)]) {
        guard let last = path.last else { return }
        let longest = min(path.count, Int(longestEndingIn[Int(last)]))
        guard longest > 0 else { return }
        for known in 1...longest {
            let key = Self.key(path.suffix(known))
            var slot = slot(of: key)
            while keys[slot] != 0 {
                if keys[slot] == key {
                    // One by one: appending the slice went through the library's generic path.
                    for step in Int(ranges[slot].lowerBound)..<Int(ranges[slot].upperBound) { found.append(steps[step]) }
                    break
                }
                slot = (slot + 1) & (keys.count - 1)
            }
        }
    }
}

/// Words in a trie whose nodes are numbered so that each node's children are consecutive: node
/// 0 is the root. A node knows whether a word ends there and the lengths of the words below it.
private struct LetterTrie: Sendable {
    private let letters: [UInt8]
    private let firstChild: [Int32]
    private let childCount: [Int32]
    /// Whether a word ends at each node.
    private let endsWord: [Bool]
    /// The shortest and longest word at or under each node, in two bytes each (a large
    /// gazetteer's tries hold millions of nodes): `UInt16.max` stands for that or more.
    private let shortest: [UInt16]
    private let longest: [UInt16]
    /// The longest word's length.
    private let longestWord: Int
    /// Rule steps that may cross out of each node's column from an earlier one: node k's are
    /// `crossingRules[crossingStart[k]..<crossingStart[k + 1]]`, each a packed rule and how many
    /// letters of its word side the path already holds.
    private let crossingStart: [Int32]
    private let crossingRules: [(rule: Int32, known: UInt8)]
    /// The most children of one node: a search's stack holds at most that many per level.
    private let widest: Int

    var isEmpty: Bool { letters.count <= 1 }

    init(words: FlatWords, rulesByKnownStart: RuleStarts) {
        // Sorted and distinct, the words give each node's children in order, breadth first; a
        // word that ends at a node sorts before the longer words through it.
        // In that order one after the other: the build reads each level's letters in sequence.
        let sorted = words.inOrder(words.sortedDistinct())
        var letters: [UInt8] = [0], firstChild: [Int32] = [0], childCount: [Int32] = [0], endsWord = [false]
        // A word's length where it ends, to be spread to its ancestors below.
        var shortest: [UInt16] = [.max], longest: [UInt16] = [0]
        var crossingStart: [Int32] = [0, 0], crossingRules: [(rule: Int32, known: UInt8)] = []
        // Level by level: each group is the range of sorted words sharing the node's path.
        var level: [(node: Int, words: Range<Int>)] = sorted.isEmpty ? [] : [(0, 0..<sorted.count)]
        var depth = 0
        sorted.bytes.withUnsafeBufferPointer { bytes in
        let word = { (k: Int) in sorted.letters(of: k, in: bytes) }
        while !level.isEmpty {
            var next: [(node: Int, words: Range<Int>)] = []
            for (node, range) in level {
                firstChild[node] = Int32(letters.count)
                var start = range.lowerBound
                while start < range.upperBound, word(start).count == depth { start += 1 }  // words ending here
                while start < range.upperBound {
                    let first = word(start), letter = first[depth]
                    var end = start + 1
                    while end < range.upperBound, word(end)[depth] == letter { end += 1 }
                    rulesByKnownStart.appendSteps(endingAt: UnsafeBufferPointer(rebasing: first[...depth]), to: &crossingRules)
                    crossingStart.append(Int32(crossingRules.count))
                    next.append((letters.count, start..<end))
                    letters.append(letter)
                    firstChild.append(0)
                    childCount.append(0)
                    let ends = first.count == depth + 1
                    endsWord.append(ends)
                    shortest.append(ends ? UInt16(clamping: depth + 1) : .max)
                    longest.append(ends ? UInt16(clamping: depth + 1) : 0)
                    childCount[node] += 1
                    start = end
                }
            }
            level = next
            depth += 1
        }
        }
        // The lengths under each node, children first: breadth first, they come after their parent.
        for node in endsWord.indices.reversed() {
            for child in Int(firstChild[node])..<Int(firstChild[node] + childCount[node]) {
                shortest[node] = min(shortest[node], shortest[child])
                longest[node] = max(longest[node], longest[child])
            }
        }
        self.letters = letters
        self.firstChild = firstChild
        self.childCount = childCount
        self.endsWord = endsWord
        self.shortest = shortest
        self.longest = longest
        longestWord = words.longest
        self.crossingStart = crossingStart
        self.crossingRules = crossingRules
        widest = Int(childCount.max() ?? 0)
    }

    /// Writes the trie for `init(reading:ruleCount:)`.
    func write(to writer: inout BinaryWriter) {
        writer.write(letters)
        writer.write(firstChild)
        writer.write(childCount)
        writer.write(endsWord.map { $0 ? UInt8(1) : 0 })
        writer.write(shortest)
        writer.write(longest)
        writer.write(Int64(longestWord))
        writer.write(crossingStart)
        writer.write(crossingRules.map(\.rule))
        writer.write(crossingRules.map(\.known))
    }

    /// A trie `write(to:)` wrote, for a model of `ruleCount` packed rules. Checked so that no
    /// search reads out of bounds or runs forever whatever the bytes: each node's children lie
    /// after it and within the nodes, the crossing rules' ranges run in order, each rule exists.
    init(reading reader: inout BinaryReader, ruleCount: Int) throws(TruncatedData) {
        letters = try reader.readArray()
        firstChild = try reader.readArray()
        childCount = try reader.readArray()
        let ends: [UInt8] = try reader.readArray()
        shortest = try reader.readArray()
        longest = try reader.readArray()
        let longestWord = try reader.read(Int64.self)
        crossingStart = try reader.readArray()
        let rules: [Int32] = try reader.readArray(), known: [UInt8] = try reader.readArray()
        let n = letters.count
        guard n >= 1, firstChild.count == n, childCount.count == n, ends.count == n, shortest.count == n, longest.count == n,
              crossingStart.count == n + 1, rules.count == known.count, (0...Int64(n)).contains(longestWord) else { throw TruncatedData() }
        var bad = false
        for k in 0..<n {
            let first = Int(firstChild[k]), count = Int(childCount[k])
            bad = bad || count < 0 || (count > 0 && (first <= k || first > n - count))
        }
        let ordered = crossingStart.withUnsafeBufferPointer { TableCheck.isMonotone($0, from: 0, to: Int32(rules.count)) }
        guard !bad, ordered, rules.withUnsafeBufferPointer({ TableCheck.allBelow($0, ruleCount) }) else { throw TruncatedData() }
        endsWord = ends.map { $0 != 0 }
        self.longestWord = Int(longestWord)
        crossingRules = zip(rules, known).map { (rule: $0, known: $1) }
        widest = Int(childCount.max() ?? 0)
    }

    @inline(__always)
    private func longest(under node: Int) -> Int { longest[node] == .max ? Int.max : Int(longest[node]) }

    private func children(of node: Int) -> Range<Int> { Int(firstChild[node])..<Int(firstChild[node] + childCount[node]) }

    /// `WeightedEditDistance.cheapestRule` for a search's columns, out of its cell loop.
    @inline(never)
    private static func cheapestRule(_ candidates: Range<Int>, _ i: Int, _ j: Int, _ a: UnsafeBufferPointer<UInt8>,
                                     _ path: UnsafeBufferPointer<UInt8>, _ columns: UnsafeBufferPointer<Float>, _ height: Int,
                                     _ rules: UnsafeBufferPointer<CostModel.PackedRule>, _ ruleLetters: UnsafeBufferPointer<UInt8>) -> Float {
        WeightedEditDistance.cheapestRule(candidates, i, j, a, path, columns, rowStride: 1, columnStride: height, rules: rules, ruleLetters: ruleLetters)
    }

    /// Whether some word below `node` has a length in `lengths`.
    @inline(__always)
    private func reaches(_ lengths: ClosedRange<Int>, from node: Int) -> Bool {
        Int(shortest[node]) <= lengths.upperBound && longest(under: node) >= lengths.lowerBound
    }

    func holdsWord(lengths: ClosedRange<Int>) -> Bool {
        !isEmpty && holdsWord(under: 0, depth: 0, lengths: lengths)
    }

    func holdsWord(startingWith letter: UInt8, lengths: ClosedRange<Int>) -> Bool {
        guard !isEmpty else { return false }
        return children(of: 0).contains { letters[$0] == letter && holdsWord(under: $0, depth: 1, lengths: lengths) }
    }

    /// Whether a word with a length in `lengths` ends at `node` (at `depth`) or below it: the
    /// lengths below a node are a range that may skip some.
    private func holdsWord(under node: Int, depth: Int, lengths: ClosedRange<Int>) -> Bool {
        guard reaches(lengths, from: node) else { return false }
        if endsWord[node] && lengths.contains(depth) { return true }
        return children(of: node).contains { holdsWord(under: $0, depth: depth + 1, lengths: lengths) }
    }

    /// Whether some word `w` with a length in `lengths` is within `share` · max(query length,
    /// w's length) weighted edit distance of `query` (rows: the query).
    func containsWord(within share: Float, lengths: ClosedRange<Int>, of query: PreparedQuery, model: CostModel) -> Bool {
        guard !isEmpty, reaches(lengths, from: 0) else { return false }
        let n = query.letters.count, height = n + 1, deepest = min(longestWord, lengths.upperBound)
        /// The most cost a word of `length` letters may take (similarity = 1 - cost / longer length).
        func allowed(_ length: Int) -> Float { share * Float(max(n, length)) }
        /// The most a path may have cost at cell (row, column) and still end within the allowance
        /// of some word with a length in `lengths`: a word of L letters leaves L - column to
        /// meet the query's n - row, and each letter one side has more costs at least the
        /// query's `growth` or `shrink` from that row. (The words' allowance grows by `share`
        /// per letter, so the best length is an end of the range or a bend: n, or no difference.)
        func allowance(row: Int, column: Int, lengths: ClosedRange<Int>) -> Float {
            let even = column + n - row
            func slack(_ length: Int) -> Float {
                let unpaid = length > even ? query.growth[row] * Float(length - even)
                    : length < even ? query.shrink[row] * Float(even - length) : 0
                return allowed(length) - unpaid
            }
            var most = max(slack(lengths.lowerBound), slack(lengths.upperBound))
            if lengths.contains(even) { most = max(most, slack(even)) }
            if lengths.contains(n) { most = max(most, slack(n)) }
            // A hair of room: the bound is summed otherwise than the table, in floats.
            return most + 1e-4
        }
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: (deepest + 1) * height) { columns in
        withUnsafeTemporaryAllocation(of: Float.self, capacity: height) { finalColumn in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: deepest) { path in
        withUnsafeTemporaryAllocation(of: (node: Int32, depth: Int32).self, capacity: (deepest + 1) * widest) { stack in
        query.letters.withUnsafeBufferPointer { a in
        query.indels.withUnsafeBufferPointer { queryIndels in
        query.codes.withUnsafeBufferPointer { queryCodes in
        query.ruleRows.withUnsafeBufferPointer { ruleRows in
        model.substitution.withUnsafeBufferPointer { substitution in
        model.ruleStart.withUnsafeBufferPointer { ruleStart in
        model.packedRules.withUnsafeBufferPointer { rules in
        model.ruleLetters.withUnsafeBufferPointer { ruleLetters in
            // A band of lengths the query's letters cannot stretch or shrink to within the
            // allowance is not searched at all.
            let reached = max(Int(shortest[0]), lengths.lowerBound)...min(longest(under: 0), lengths.upperBound)
            guard allowance(row: 0, column: 0, lengths: reached) >= 0 else { return false }
            columns[0] = 0
            for i in 1..<(n + 1) { columns[i] = columns[i - 1] + queryIndels[i - 1] }
            var top = 0
            /// Pushes `node`'s children that hold a word of `lengths`, the one on the query's
            /// own letter last, to be searched first: a near word mostly follows the query's
            /// letters, and the search ends on the first it finds.
            func pushChildren(of node: Int, depth j: Int) {
                let own: UInt8? = j < n ? a[j] : nil
                var ownChild: Int?
                for child in children(of: node).reversed() where reaches(lengths, from: child) {
                    if letters[child] == own { ownChild = child; continue }
                    stack[top] = (Int32(child), Int32(j + 1)); top += 1
                }
                if let ownChild { stack[top] = (Int32(ownChild), Int32(j + 1)); top += 1 }
            }
            pushChildren(of: 0, depth: 0)
            let transposition = model.transposition, initialFactor = model.initialFactor
            /// Column j of the table (the path's letter j - 1, inserted at `insertion`), cell by
            /// cell as `WeightedEditDistance.fill` computes it, into `column`; returns its least cell.
            func fill(_ column: UnsafeMutableBufferPointer<Float>, _ j: Int, insertion: Float) -> Float {
                let cb = path[j &- 1], left = (j &- 1) &* height
                let columnCode = CostModel.code(cb), isFirstColumn = j == 1
                // The cell above stays in a register, as in `WeightedEditDistance.fill`.
                var above = columns[left] + insertion
                column[0] = above
                var lowest = above
                for i in 1..<(n &+ 1) {
                    let ca = a[i &- 1], diagonal = columns[left &+ i &- 1]
                    var best = min(above + queryIndels[i &- 1], columns[left &+ i] + insertion)
                    let pair = queryCodes[i &- 1] &+ columnCode
                    if ca == cb {
                        best = min(best, diagonal)
                    } else {
                        let factor: Float = (i == 1 || isFirstColumn) ? initialFactor : 1
                        best = min(best, diagonal + substitution[pair] * factor)
                        if i > 1 && j > 1 && a[i &- 2] == cb && path[j &- 2] == ca {
                            best = min(best, columns[left &- height &+ i &- 2] + transposition)
                        }
                    }
                    // Most cells' letter pair ends no rule: the rules are read out of line.
                    let firstRule = ruleStart[pair], endRule = ruleStart[pair &+ 1]
                    if firstRule != endRule {
                        best = min(best, Self.cheapestRule(Int(firstRule)..<Int(endRule), i, j, a, UnsafeBufferPointer(path),
                                                           UnsafeBufferPointer(columns), height, rules, ruleLetters))
                    }
                    column[i] = best
                    above = best
                    lowest = min(lowest, best)
                }
                return lowest
            }
            while top > 0 {
                top -= 1
                let node = Int(stack[top].node), j = Int(stack[top].depth)
                let cb = letters[node]
                path[j - 1] = cb
                // The letter's insertion as the paths going on pay it; where a word ends it may
                // differ (a final mute e), and that column is filled again for the word.
                let insertion = WeightedEditDistance.insertionCost(path, j - 1, model, isLast: false)
                let here = j * height
                let lowest = fill(UnsafeMutableBufferPointer(rebasing: columns[here..<(here + height)]), j, insertion: insertion)
                if endsWord[node] && lengths.contains(j) {
                    var last = columns[here + n]
                    let ending = WeightedEditDistance.insertionCost(path, j - 1, model, isLast: true)
                    if ending != insertion {
                        _ = fill(finalColumn, j, insertion: ending)
                        last = finalColumn[n]
                    }
                    if last <= allowed(j) { return true }
                }
                let deeper = children(of: node)
                guard !deeper.isEmpty, j < deepest, longest(under: node) > j, reaches(lengths, from: node) else { continue }
                // Every path to a later column leaves column j by a step that starts in it, or
                // crosses it from an earlier cell: a transposition from column j - 1 (at a row
                // whose next query letter is this one), or a rule whose word side has its first
                // letters at the end of the path (at a row where its query side starts). Costs
                // only grow along a path, so a branch is left when no such step's cell (plus the
                // crossing step's cost) is within what the words below may take from there.
                let shortestBelow = max(Int(shortest[node]), j + 1, lengths.lowerBound)
                let longestBelow = min(longest(under: node), lengths.upperBound)
                // First against the longest word's whole allowance: most branches end there.
                let most = allowed(longestBelow)
                /// Whether a path at cell (row, column), having cost `cost`, may end within the
                /// allowance of a word below.
                func mayEnd(_ cost: Float, row: Int, column: Int) -> Bool {
                    cost <= most && cost <= allowance(row: row, column: column, lengths: shortestBelow...longestBelow)
                }
                var goesOn = false
                if lowest <= most {
                    for i in 0...n where mayEnd(columns[here + i], row: i, column: j) { goesOn = true; break }
                }
                if !goesOn {
                    let left = (j - 1) * height
                    for r in 0..<max(0, n - 1) where a[r + 1] == cb && mayEnd(columns[left + r] + transposition, row: r + 2, column: j + 1) {
                        goesOn = true
                        break
                    }
                }
                for k in Int(crossingStart[node])..<Int(crossingStart[node + 1]) where !goesOn {
                    let (rule, known) = crossingRules[k]
                    guard Int(known) <= j else { continue }
                    let packed = rules[Int(rule)]
                    let start = j - Int(known), column = start * height, cost = packed.cost
                    let fromLength = Int(packed.fromLength), end = start + Int(packed.toLength)
                    guard !ruleRows.isEmpty else {
                        for r in 0...max(0, n - fromLength) where mayEnd(columns[column + r] + cost, row: r + fromLength, column: end) {
                            goesOn = true
                            break
                        }
                        continue
                    }
                    var rows = ruleRows[Int(rule)]
                    while rows != 0 && !goesOn {
                        let r = rows.trailingZeroBitCount
                        goesOn = mayEnd(columns[column + r] + cost, row: r + fromLength, column: end)
                        rows &= rows - 1
                    }
                }
                guard goesOn else { continue }
                pushChildren(of: node, depth: j)
            }
            return false
        } } } } } } } } } } } }
    }

}

/// Words as one run of letters and where each begins: what `LetterTrie` is built from.
private struct FlatWords {
    private(set) var bytes: [UInt8] = []
    /// Word k is `bytes[starts[k]..<starts[k + 1]]`.
    private(set) var starts: [Int32] = [0]
    private(set) var longest = 0
    var count: Int { starts.count - 1 }
    var isEmpty: Bool { count == 0 }

    /// Word k's letters, in `bytes` (this one's, borrowed).
    @inline(__always)
    func letters(of k: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(starts[k])..<Int(starts[k + 1])])
    }

    mutating func append(_ word: some Collection<UInt8>) {
        bytes += word
        starts.append(Int32(bytes.count))
        longest = max(longest, word.count)
    }

    /// Words `order[0]`, `order[1]` … of these, in that order.
    func inOrder(_ order: [Int32]) -> FlatWords {
        var ordered = FlatWords()
        ordered.bytes.reserveCapacity(bytes.count)
        ordered.starts.reserveCapacity(order.count + 1)
        bytes.withUnsafeBufferPointer { bytes in
            for k in order { ordered.append(letters(of: Int(k), in: bytes)) }
        }
        return ordered
    }

    /// The words' indices in lexicographic order, each word once. They are ordered by their
    /// first eight letters packed in a number (a radix sort, a byte per pass), then, where words
    /// longer than that share those, by the rest: sorting with comparisons was most of a large
    /// gazetteer's trie build.
    func sortedDistinct() -> [Int32] {
        bytes.withUnsafeBufferPointer { bytes in
            let word = { (k: Int) in letters(of: k, in: bytes) }
            var prefixes = (0..<count).map { k in
                let letters = word(k)
                var prefix: UInt64 = 0
                for i in 0..<min(8, letters.count) { prefix |= UInt64(letters[i]) << (56 - 8 * UInt64(i)) }
                return prefix
            }
            var order = (0..<count).map(Int32.init)
            Self.radixSort(&prefixes, carrying: &order)
            // Runs of one prefix hold one word unless their words go on past eight letters.
            var runStart = 0
            while runStart < count {
                var runEnd = runStart + 1
                while runEnd < count && prefixes[runEnd] == prefixes[runStart] { runEnd += 1 }
                if runEnd - runStart > 1, order[runStart..<runEnd].contains(where: { word(Int($0)).count > 8 }) {
                    order[runStart..<runEnd].sort { word(Int($0)).lexicographicallyPrecedes(word(Int($1))) }
                }
                runStart = runEnd
            }
            // Words of one prefix are one word unless they go on past its eight letters.
            var distinct: [Int32] = []
            distinct.reserveCapacity(count)
            var lastPrefix: UInt64 = 0
            for (k, prefix) in zip(order, prefixes) {
                if let last = distinct.last, prefix == lastPrefix,
                   (word(Int(k)).count <= 8 && word(Int(last)).count <= 8) || word(Int(last)).elementsEqual(word(Int(k))) {
                    continue
                }
                distinct.append(k)
                lastPrefix = prefix
            }
            return distinct
        }
    }

    /// Sorts `keys` ascending, moving `values` alongside: a stable byte-by-byte radix sort, least
    /// significant byte first, skipping bytes every key shares.
    private static func radixSort(_ keys: inout [UInt64], carrying values: inout [Int32]) {
        let count = keys.count
        guard count > 1 else { return }
        var otherKeys = [UInt64](repeating: 0, count: count), otherValues = [Int32](repeating: 0, count: count)
        var positions = [Int](repeating: 0, count: 256)
        for shift in stride(from: UInt64(0), to: 64, by: 8) {
            for k in positions.indices { positions[k] = 0 }
            for key in keys { positions[Int(truncatingIfNeeded: key >> shift) & 0xFF] += 1 }
            guard !positions.contains(count) else { continue }
            var next = 0
            for k in positions.indices { (positions[k], next) = (next, next + positions[k]) }
            for k in 0..<count {
                let bucket = Int(truncatingIfNeeded: keys[k] >> shift) & 0xFF
                otherKeys[positions[bucket]] = keys[k]
                otherValues[positions[bucket]] = values[k]
                positions[bucket] += 1
            }
            swap(&keys, &otherKeys)
            swap(&values, &otherValues)
        }
    }
}
