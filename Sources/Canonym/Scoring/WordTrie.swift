/// A set of romanised words that answers "is any of you at least this similar to a word?"
/// (`NameScorer.similarity`) without comparing the word with each of them.
///
/// Words of one length share a trie. The weighted edit distance's table is filled one column
/// per trie letter, exactly as `WeightedEditDistance` fills it, and a branch is left as soon as
/// no path through the columns filled so far can stay within the cost the similarity allows:
/// the answer is the one comparing every word would give, and a query far from every word
/// touches only the first letters of a few branches.
///
/// ```swift
/// let words = WordTrie(words: [Array("astana".utf8), Array("almaty".utf8)])
/// words.containsWord(near: Array("astanna".utf8), minimumSimilarity: 0.9)  // true
/// words.containsWord(near: Array("kalomir".utf8), minimumSimilarity: 0.9)  // false
/// ```
struct WordTrie: Sendable {
    let model: CostModel
    /// Tries by word length (index = length; 0 and 1 unused).
    private let tries: [LetterTrie]
    /// First letters of the one-letter words, which `similarity` compares by initial alone.
    private let singleLetters: Set<UInt8>

    /// - Complexity: O(total length of the words · log of the alphabet).
    init(words: some Sequence<[UInt8]>, model: CostModel = .standard) {
        self.model = model
        var byLength: [[[UInt8]]] = []
        var single = Set<UInt8>()
        for word in words {
            if word.count == 1 { single.insert(word[0]) }
            guard word.count >= 2 else { continue }
            while byLength.count <= word.count { byLength.append([]) }
            byLength[word.count].append(word)
        }
        let crossing = RuleStarts(of: model)
        tries = byLength.map { LetterTrie(words: $0, rulesByKnownStart: crossing) }
        singleLetters = single
    }

    /// Whether some word `w` held, with a length in `lengths`, has `similarity(query, w)` of at
    /// least `minimumSimilarity` (`query` on the side of the rows, as `NameScorer` passes it).
    /// - Complexity: O(n · c) for an n-letter query and the c trie letters whose branch is not
    ///   yet out of reach; at worst the cost of comparing every word.
    func containsWord(near query: [UInt8], minimumSimilarity: Float, lengths: ClosedRange<Int> = 0...Int.max) -> Bool {
        guard !query.isEmpty else { return false }
        // Every word is at least 0 similar.
        if minimumSimilarity <= 0 {
            return (lengths.contains(1) && !singleLetters.isEmpty) || tries.indices.contains { lengths.contains($0) && !tries[$0].isEmpty }
        }
        // `similarity`: a one-letter word on either side scores 0.85 on the same initial, else 0.
        if lengths.contains(1), !singleLetters.isEmpty, singleLetters.contains(query[0]),
           query.count == 1 || minimumSimilarity <= 0.85 {
            return true
        }
        if query.count == 1 {
            guard minimumSimilarity <= 0.85 else { return false }
            return tries.indices.contains { lengths.contains($0) && tries[$0].holdsWord(startingWith: query[0]) }
        }
        // Lengths nearest the query's first: a close word is likeliest there, and ends the search.
        let nearestFirst = tries.indices.filter { $0 >= 2 && lengths.contains($0) && !tries[$0].isEmpty }
            .sorted { abs($0 - query.count) < abs($1 - query.count) }
        let prepared = PreparedQuery(query, model: model)
        for length in nearestFirst {
            // similarity = 1 - cost / longer length: the most cost a close enough word can take.
            let allowed = (1 - minimumSimilarity) * Float(max(query.count, length))
            if tries[length].containsWord(within: allowed, of: prepared, model: model) { return true }
        }
        return false
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

    init(_ letters: [UInt8], model: CostModel) {
        self.letters = letters
        let n = letters.count
        indels = (0..<n).map { WeightedEditDistance.insertionCost(letters, $0, model) }
        codes = letters.map { CostModel.code($0) * CostModel.alphabetSize }
        ruleRows = n >= 64 ? [] : model.packedRules.map { rule in
            let side = model.ruleLetters[Int(rule.fromStart)..<Int(rule.fromStart + rule.fromLength)]
            var rows: UInt64 = 0
            for r in 0..<max(0, n - side.count + 1) where letters[r..<(r + side.count)].elementsEqual(side) { rows |= 1 << UInt64(r) }
            return rows
        }
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

    private static func key(_ letters: ArraySlice<UInt8>) -> UInt64 {
        var key = UInt64(letters.count) << 56
        for (k, letter) in letters.enumerated() { key |= UInt64(letter) << (8 * UInt64(k)) }
        return key
    }

    private func slot(of key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// Appends the steps of every suffix of `path` that starts a rule, shortest suffix first.
    func appendSteps(endingAt path: ArraySlice<UInt8>, to found: inout [(rule: Int32, known: UInt8)]) {
        guard let last = path.last else { return }
        let longest = min(path.count, Int(longestEndingIn[Int(last)]))
        guard longest > 0 else { return }
        for known in 1...longest {
            let key = Self.key(path.suffix(known))
            var slot = slot(of: key)
            while keys[slot] != 0 {
                if keys[slot] == key {
                    found += steps[Int(ranges[slot].lowerBound)..<Int(ranges[slot].upperBound)]
                    break
                }
                slot = (slot + 1) & (keys.count - 1)
            }
        }
    }
}

/// Words of one length in a trie whose nodes are numbered so that each node's children are
/// consecutive: node 0 is the root.
private struct LetterTrie: Sendable {
    let length: Int
    private let letters: [UInt8]
    private let firstChild: [Int32]
    private let childCount: [Int32]
    /// Rule steps that may cross out of each node's column from an earlier one: node k's are
    /// `crossingRules[crossingStart[k]..<crossingStart[k + 1]]`, each a packed rule and how many
    /// letters of its word side the path already holds.
    private let crossingStart: [Int32]
    private let crossingRules: [(rule: Int32, known: UInt8)]

    var isEmpty: Bool { letters.count <= 1 }

    init(words: [[UInt8]], rulesByKnownStart: RuleStarts) {
        length = words.first?.count ?? 0
        // Sorted and distinct, the words give each node's children in order, breadth first.
        let sorted = Array(Set(words)).sorted { $0.lexicographicallyPrecedes($1) }
        var letters: [UInt8] = [0], firstChild: [Int32] = [0], childCount: [Int32] = [0]
        var crossingStart: [Int32] = [0, 0], crossingRules: [(rule: Int32, known: UInt8)] = []
        // Level by level: each group is the range of sorted words sharing the node's path.
        var level: [(node: Int, words: Range<Int>)] = sorted.isEmpty ? [] : [(0, 0..<sorted.count)]
        var depth = 0
        while depth < length, !level.isEmpty {
            var next: [(node: Int, words: Range<Int>)] = []
            for (node, range) in level {
                firstChild[node] = Int32(letters.count)
                var start = range.lowerBound
                while start < range.upperBound {
                    let letter = sorted[start][depth]
                    var end = start + 1
                    while end < range.upperBound, sorted[end][depth] == letter { end += 1 }
                    let path = sorted[start][...depth]
                    rulesByKnownStart.appendSteps(endingAt: path, to: &crossingRules)
                    crossingStart.append(Int32(crossingRules.count))
                    next.append((letters.count, start..<end))
                    letters.append(letter)
                    firstChild.append(0)
                    childCount.append(0)
                    childCount[node] += 1
                    start = end
                }
            }
            level = next
            depth += 1
        }
        self.letters = letters
        self.firstChild = firstChild
        self.childCount = childCount
        self.crossingStart = crossingStart
        self.crossingRules = crossingRules
    }

    func holdsWord(startingWith letter: UInt8) -> Bool {
        guard !isEmpty else { return false }
        let children = Int(firstChild[0])..<Int(firstChild[0] + childCount[0])
        return children.contains { letters[$0] == letter }
    }

    /// Whether some word is within `allowed` weighted edit distance of `query` (rows: the query).
    func containsWord(within allowed: Float, of query: PreparedQuery, model: CostModel) -> Bool {
        guard !isEmpty else { return false }
        let n = query.letters.count, height = n + 1
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: (length + 1) * height) { columns in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { path in
        withUnsafeTemporaryAllocation(of: (node: Int32, depth: Int32).self, capacity: letters.count) { stack in
        query.letters.withUnsafeBufferPointer { a in
        query.indels.withUnsafeBufferPointer { queryIndels in
        query.codes.withUnsafeBufferPointer { queryCodes in
        query.ruleRows.withUnsafeBufferPointer { ruleRows in
        model.substitution.withUnsafeBufferPointer { substitution in
        model.ruleStart.withUnsafeBufferPointer { ruleStart in
        model.packedRules.withUnsafeBufferPointer { rules in
        model.ruleLetters.withUnsafeBufferPointer { ruleLetters in
            columns[0] = 0
            for i in 1..<(n + 1) { columns[i] = columns[i - 1] + queryIndels[i - 1] }
            var top = 0
            for child in (Int(firstChild[0])..<Int(firstChild[0] + childCount[0])).reversed() {
                stack[top] = (Int32(child), 1); top += 1
            }
            let transposition = model.transposition, initialFactor = model.initialFactor
            while top > 0 {
                top -= 1
                let node = Int(stack[top].node), j = Int(stack[top].depth)
                let cb = letters[node]
                path[j - 1] = cb
                // Column j of the table, cell by cell as `WeightedEditDistance.fill` computes it.
                let here = j * height, left = here - height
                let insertion = WeightedEditDistance.insertionCost(path, j - 1, model)
                let columnCode = CostModel.code(cb)
                columns[here] = columns[left] + insertion
                var lowest = columns[here]
                for i in 1..<(n + 1) {
                    let ca = a[i - 1]
                    var best = min(columns[here + i - 1] + queryIndels[i - 1], columns[left + i] + insertion)
                    let pair = queryCodes[i - 1] + columnCode
                    if ca == cb {
                        best = min(best, columns[left + i - 1])
                    } else {
                        let factor: Float = (i == 1 || j == 1) ? initialFactor : 1
                        best = min(best, columns[left + i - 1] + substitution[pair] * factor)
                        if i > 1 && j > 1 && a[i - 2] == cb && path[j - 2] == ca {
                            best = min(best, columns[left - height + i - 2] + transposition)
                        }
                    }
                    for r in Int(ruleStart[pair])..<Int(ruleStart[pair + 1]) {
                        let rule = rules[r]
                        let fromLength = Int(rule.fromLength), toLength = Int(rule.toLength)
                        guard fromLength <= i && toLength <= j,
                              Self.endsWith(a, at: i, ruleLetters, Int(rule.fromStart), fromLength),
                              Self.endsWith(UnsafeBufferPointer(path), at: j, ruleLetters, Int(rule.toStart), toLength) else { continue }
                        best = min(best, columns[(j - toLength) * height + i - fromLength] + rule.cost)
                    }
                    columns[here + i] = best
                    lowest = min(lowest, best)
                }
                if j == length {
                    if columns[here + n] <= allowed { return true }
                    continue
                }
                // Every path to the last column leaves column j by a step that starts in it,
                // or crosses it from an earlier cell: a transposition from column j - 1 (at a
                // row whose next query letter is this one), or a rule whose word side has its
                // first letters at the end of the path (at a row where its query side starts).
                // Costs only grow along a path, so the least of those cells (plus the crossing
                // step's cost) bounds them all.
                var bound = lowest
                if bound > allowed {
                    for r in 0..<max(0, n - 1) where a[r + 1] == cb { bound = min(bound, columns[left + r] + transposition) }
                }
                for k in Int(crossingStart[node])..<Int(crossingStart[node + 1]) where bound > allowed {
                    let (rule, known) = crossingRules[k]
                    guard Int(known) <= j else { continue }
                    let column = (j - Int(known)) * height, cost = rules[Int(rule)].cost
                    guard !ruleRows.isEmpty else {
                        for r in 0...n { bound = min(bound, columns[column + r] + cost) }
                        continue
                    }
                    var rows = ruleRows[Int(rule)]
                    while rows != 0 {
                        bound = min(bound, columns[column + rows.trailingZeroBitCount] + cost)
                        rows &= rows - 1
                    }
                }
                guard bound <= allowed else { continue }
                for child in (Int(firstChild[node])..<Int(firstChild[node] + childCount[node])).reversed() {
                    stack[top] = (Int32(child), Int32(j + 1)); top += 1
                }
            }
            return false
        } } } } } } } } } } }
    }

    @inline(__always)
    private static func endsWith(_ word: UnsafeBufferPointer<UInt8>, at end: Int, _ letters: UnsafeBufferPointer<UInt8>,
                                 _ start: Int, _ length: Int) -> Bool {
        for k in 0..<length where word[end - length + k] != letters[start + k] { return false }
        return true
    }
}
