/// One step of an alignment between two romanised words, with its cost and reason.
public struct Edit: Sendable, Hashable, CustomStringConvertible, Codable {
    /// Letters on the query side ("" for an insertion).
    public let from: String
    /// Letters on the gazetteer side ("" for a deletion).
    public let to: String
    public let cost: Double
    public let reason: String

    public var description: String {
        let shown = "\(from.isEmpty ? "∅" : from)→\(to.isEmpty ? "∅" : to)"
        return "\(shown) \(Self.format(cost)) (\(reason))"
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// Weighted Damerau–Levenshtein distance with multi-letter rewrite rules (a generalised
/// edit distance): the cheapest sequence of substitutions, insertions, deletions,
/// adjacent transpositions and `CostModel` rules turning one word into the other.
public enum WeightedEditDistance {
    /// The distance alone.
    /// - Complexity: O(n·m·r) for words of n and m letters and r rules per letter pair (r is small).
    public static func distance(_ a: [UInt8], _ b: [UInt8], model: CostModel = .standard) -> Float {
        let n = a.count, m = b.count
        if n == 0 { return (0..<m).reduce(0) { $0 + insertionCost(b, $1, model) } }
        if m == 0 { return (0..<n).reduce(0) { $0 + insertionCost(a, $1, model) } }
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: (n + 1) * (m + 1)) { table in
            fill(table, a, b, model)
            return table[n * (m + 1) + m]
        }
    }

    /// The distance and the edits that make it, in order, identical letters left out.
    public static func alignment(_ a: [UInt8], _ b: [UInt8], model: CostModel = .standard) -> (cost: Float, edits: [Edit]) {
        let n = a.count, m = b.count
        var table = [Float](repeating: 0, count: (n + 1) * (m + 1))
        table.withUnsafeMutableBufferPointer { fill($0, a, b, model) }
        var edits: [Edit] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let here = table[i * (m + 1) + j]
            var step: (Int, Int, Float, UInt8?, Bool)?  // previous i, j, cost, label, isRule
            forEachStep(i, j, a, b, model) { pi, pj, cost, label in
                if step == nil, abs(table[pi * (m + 1) + pj] + cost - here) < 1e-4 { step = (pi, pj, cost, label, false) }
            }
            guard let (pi, pj, cost, label, _) = step else { break }
            if cost > 0 || pi - i != pj - j {
                let from = String(decoding: a[pi..<i], as: UTF8.self), to = String(decoding: b[pj..<j], as: UTF8.self)
                let reason = label.map { model.labels[Int($0)] } ?? "letters swapped"
                if !(cost == 0 && from == to) { edits.append(Edit(from: from, to: to, cost: Double(cost), reason: reason)) }
            }
            i = pi; j = pj
        }
        return (table[n * (m + 1) + m], edits.reversed())
    }

    /// What inserting or deleting `s[k]` costs (a doubled letter and a final mute *e* are cheap).
    @inline(__always)
    static func insertionCost<Word: RandomAccessCollection<UInt8>>(_ s: Word, _ k: Int, _ model: CostModel) -> Float where Word.Index == Int {
        insertionCost(s, k, model, isLast: k == s.count - 1)
    }

    /// `insertionCost` of `s[k]`, told whether it ends the word: a trie's path may end there or go on.
    @inline(__always)
    static func insertionCost<Word: RandomAccessCollection<UInt8>>(_ s: Word, _ k: Int, _ model: CostModel, isLast: Bool) -> Float
    where Word.Index == Int {
        if isDoubled(s, k) { return model.doubling }
        if s[k] == UInt8(ascii: "e") && isLast && k > 0 { return model.finalMuteE }
        return model.indelCost(s[k]) * (k == 0 ? model.initialFactor : 1)
    }

    /// Whether `s[k]` doubles the letter before it. Not a digit: *1129* is not *129* written
    /// with a doubled *1*.
    @inline(__always)
    static func isDoubled<Word: RandomAccessCollection<UInt8>>(_ s: Word, _ k: Int) -> Bool where Word.Index == Int {
        k > 0 && s[k - 1] == s[k] && s[k] &- UInt8(ascii: "0") > 9
    }

    /// Fills the cost table. This is `forEachStep`'s recurrence written out over raw buffers and
    /// precomputed per-letter costs, because it runs for every cell of every comparison;
    /// `forEachStep` stays the readable definition that explanations backtrack through, and the
    /// tests hold the two to the same results on random words.
    private static func fill(_ table: UnsafeMutableBufferPointer<Float>, _ a: [UInt8], _ b: [UInt8], _ model: CostModel) {
        let n = a.count, m = b.count, width = m + 1
        withUnsafeTemporaryAllocation(of: Float.self, capacity: n + m) { indels in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: n + m) { codes in
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in
        model.substitution.withUnsafeBufferPointer { substitution in
        model.ruleStart.withUnsafeBufferPointer { ruleStart in
            for k in 0..<n { indels[k] = insertionCost(a, k, model); codes[k] = CostModel.code(a[k]) * CostModel.alphabetSize }
            for k in 0..<m { indels[n + k] = insertionCost(b, k, model); codes[n + k] = CostModel.code(b[k]) }
            table[0] = 0
            for j in 1..<(m + 1) { table[j] = table[j - 1] + indels[n + j - 1] }
            let initialFactor = model.initialFactor, transposition = model.transposition
            for i in 1..<(n + 1) {
                let row = i * width, above = row - width
                // The cell to the left stays in a register: reading it back from the table would put a
                // store and a load on the chain of dependent cells.
                var left = table[above] + indels[i - 1]
                table[row] = left
                var diagonal = table[above]  // the cell above the left one
                let ca = a[i - 1], rowCode = codes[i - 1], deletion = indels[i - 1]
                // Indices stay far below Int.max: wrapping arithmetic spares the overflow checks.
                for j in 1..<(m + 1) {
                    let cb = b[j &- 1], up = table[above &+ j]
                    var best = min(up + deletion, left + indels[n &+ j &- 1])
                    let pair = rowCode &+ codes[n &+ j &- 1]
                    if ca == cb {
                        best = min(best, diagonal)
                    } else {
                        let factor: Float = (i == 1 || j == 1) ? initialFactor : 1
                        best = min(best, diagonal + substitution[pair] * factor)
                        if i > 1 && j > 1 && a[i &- 2] == cb && b[j &- 2] == ca {
                            best = min(best, table[above &- width &+ j &- 2] + transposition)
                        }
                    }
                    diagonal = up
                    // Most cells' letter pair ends no rule: the rules are read out of line, so the
                    // loop keeps its values in registers.
                    let firstRule = ruleStart[pair], endRule = ruleStart[pair &+ 1]
                    if firstRule != endRule {
                        best = min(best, cheapestRule(Int(firstRule)..<Int(endRule), i, j, a, b, table, width, model))
                    }
                    table[row &+ j] = best
                    left = best
                }
            }
        } } } }
        } }
    }

    /// `cheapestRule` for `fill`'s rows, the model's rules read here: out of the cell loop.
    @inline(never)
    private static func cheapestRule(_ candidates: Range<Int>, _ i: Int, _ j: Int, _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>,
                                     _ table: UnsafeMutableBufferPointer<Float>, _ width: Int, _ model: CostModel) -> Float {
        model.packedRules.withUnsafeBufferPointer { rules in
            model.ruleLetters.withUnsafeBufferPointer { ruleLetters in
                cheapestRule(candidates, i, j, a, b, UnsafeBufferPointer(table), rowStride: width, columnStride: 1, rules: rules, ruleLetters: ruleLetters)
            }
        }
    }

    /// The cheapest way to reach cell (i, j) of a table by one of `candidates` (rules whose sides
    /// end in the cell's two letters, `a[i - 1]` and `b[j - 1]`), or infinity. Cell (i, j) is
    /// `table[i * rowStride + j * columnStride]`: `fill` keeps rows, a word trie's search columns.
    /// Each calls it from a function of its own, out of its cell loop: only one cell in eight has
    /// a letter pair that ends a rule.
    @inline(__always)
    static func cheapestRule(_ candidates: Range<Int>, _ i: Int, _ j: Int, _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>,
                             _ table: UnsafeBufferPointer<Float>, rowStride: Int, columnStride: Int,
                             rules: UnsafeBufferPointer<CostModel.PackedRule>, ruleLetters: UnsafeBufferPointer<UInt8>) -> Float {
        var best = Float.infinity
        for r in candidates {
            let rule = rules[r]
            let fromLength = Int(rule.fromLength), toLength = Int(rule.toLength)
            guard fromLength <= i && toLength <= j,
                  endsWith(a, at: i, ruleLetters, Int(rule.fromStart), fromLength),
                  endsWith(b, at: j, ruleLetters, Int(rule.toStart), toLength) else { continue }
            best = min(best, table[(i - fromLength) * rowStride + (j - toLength) * columnStride] + rule.cost)
        }
        return best
    }

    /// Whether `word[end - length..<end]` equals `letters[start..<start + length]`.
    @inline(__always)
    static func endsWith(_ word: UnsafeBufferPointer<UInt8>, at end: Int, _ letters: UnsafeBufferPointer<UInt8>,
                         _ start: Int, _ length: Int) -> Bool {
        for k in 0..<length where word[end - length + k] != letters[start + k] { return false }
        return true
    }

    /// Every way to reach cell (i, j) from an earlier cell: (earlier i, earlier j, cost, label).
    /// A nil label means a transposition. Forward filling and backtracking share this one definition.
    @inline(__always)
    private static func forEachStep(_ i: Int, _ j: Int, _ a: [UInt8], _ b: [UInt8], _ model: CostModel,
                                    _ body: (Int, Int, Float, UInt8?) -> Void) {
        if i > 0 && j > 0 {
            let ca = a[i - 1], cb = b[j - 1]
            if ca == cb {
                body(i - 1, j - 1, 0, 0)
            } else {
                let factor: Float = (i == 1 || j == 1) ? model.initialFactor : 1
                let code = CostModel.code(ca) * CostModel.alphabetSize + CostModel.code(cb)
                body(i - 1, j - 1, model.substitution[code] * factor, model.substitutionLabel[code])
                if i > 1 && j > 1 && a[i - 2] == cb && b[j - 2] == ca {
                    body(i - 2, j - 2, model.transposition, nil)
                }
            }
            for index in model.rules(endingWith: ca, cb) {
                let rule = model.packedRules[index]
                let from = model.ruleLetters[Int(rule.fromStart)..<Int(rule.fromStart + rule.fromLength)]
                let to = model.ruleLetters[Int(rule.toStart)..<Int(rule.toStart + rule.toLength)]
                if from.count <= i && to.count <= j && a[(i - from.count)..<i].elementsEqual(from) && b[(j - to.count)..<j].elementsEqual(to) {
                    body(i - from.count, j - to.count, rule.cost, rule.label)
                }
            }
        }
        if i > 0 {
            let k = i - 1
            let label = isDoubled(a, k) ? doubledLabel(model) : (a[k] == UInt8(ascii: "e") && k == a.count - 1 && k > 0 ? muteLabel(model) : model.indelLabel[CostModel.code(a[k])])
            body(i - 1, j, insertionCost(a, k, model), label)
        }
        if j > 0 {
            let k = j - 1
            let label = isDoubled(b, k) ? doubledLabel(model) : (b[k] == UInt8(ascii: "e") && k == b.count - 1 && k > 0 ? muteLabel(model) : model.indelLabel[CostModel.code(b[k])])
            body(i, j - 1, insertionCost(b, k, model), label)
        }
    }

    @inline(__always) private static func doubledLabel(_ model: CostModel) -> UInt8 { model.doubledLabel }
    @inline(__always) private static func muteLabel(_ model: CostModel) -> UInt8 { model.muteLabel }
}
