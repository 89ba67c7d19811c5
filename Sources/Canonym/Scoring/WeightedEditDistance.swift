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

    @inline(__always)
    private static func insertionCost(_ s: [UInt8], _ k: Int, _ model: CostModel) -> Float {
        if k > 0 && s[k - 1] == s[k] { return model.doubling }
        if s[k] == UInt8(ascii: "e") && k == s.count - 1 && k > 0 { return model.finalMuteE }
        return model.indelCost(s[k]) * (k == 0 ? model.initialFactor : 1)
    }

    private static func fill(_ table: UnsafeMutableBufferPointer<Float>, _ a: [UInt8], _ b: [UInt8], _ model: CostModel) {
        let n = a.count, m = b.count, width = m + 1
        table[0] = 0
        for j in stride(from: 1, through: m, by: 1) { table[j] = table[j - 1] + insertionCost(b, j - 1, model) }
        for i in stride(from: 1, through: n, by: 1) {
            table[i * width] = table[(i - 1) * width] + insertionCost(a, i - 1, model)
            for j in stride(from: 1, through: m, by: 1) {
                var best = Float.infinity
                forEachStep(i, j, a, b, model) { pi, pj, cost, _ in
                    let candidate = table[pi * width + pj] + cost
                    if candidate < best { best = candidate }
                }
                table[i * width + j] = best
            }
        }
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
            for rule in model.rules(endingWith: ca, cb) where rule.from.count <= i && rule.to.count <= j {
                if a[(i - rule.from.count)..<i].elementsEqual(rule.from) && b[(j - rule.to.count)..<j].elementsEqual(rule.to) {
                    body(i - rule.from.count, j - rule.to.count, rule.cost, rule.label)
                }
            }
        }
        if i > 0 {
            let k = i - 1
            let label = k > 0 && a[k - 1] == a[k] ? doubledLabel(model) : (a[k] == UInt8(ascii: "e") && k == a.count - 1 && k > 0 ? muteLabel(model) : model.indelLabel[CostModel.code(a[k])])
            body(i - 1, j, insertionCost(a, k, model), label)
        }
        if j > 0 {
            let k = j - 1
            let label = k > 0 && b[k - 1] == b[k] ? doubledLabel(model) : (b[k] == UInt8(ascii: "e") && k == b.count - 1 && k > 0 ? muteLabel(model) : model.indelLabel[CostModel.code(b[k])])
            body(i, j - 1, insertionCost(b, k, model), label)
        }
    }

    @inline(__always) private static func doubledLabel(_ model: CostModel) -> UInt8 { model.doubledLabel }
    @inline(__always) private static func muteLabel(_ model: CostModel) -> UInt8 { model.muteLabel }
}
