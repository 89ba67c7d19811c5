@testable import Canonym

/// Slow, obviously correct versions of the metrics in `Scoring/`, for randomised agreement tests
/// (after rapidfuzz-cpp's `rapidfuzz_reference`). They favour plain definitions over speed.
enum ReferenceEditDistance {
    /// Textbook Levenshtein distance: unit insertions, deletions and substitutions.
    static func levenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where i <= a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Textbook optimal string alignment distance (Levenshtein plus unit adjacent transpositions).
    static func optimalStringAlignment(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let n = a.count, m = b.count
        var d = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in 0...n { d[i][0] = i }
        for j in 0...m { d[0][j] = j }
        for i in stride(from: 1, through: n, by: 1) {
            for j in stride(from: 1, through: m, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[n][m]
    }

    /// The letter-level costs an edit distance is built from, stated as plain functions.
    struct Costs {
        var substitution: (UInt8, UInt8) -> Float
        var indel: (UInt8) -> Float
        /// Every rewrite, in both directions.
        var rewrites: [(from: [UInt8], to: [UInt8], cost: Float)]
        var doubling: Float
        var transposition: Float
        var initialFactor: Float
        var finalMuteE: Float

        /// The costs a `CostModel` declares, read one letter pair and one rule at a time.
        init(_ model: CostModel) {
            substitution = { model.substitutionCost($0, $1) }
            indel = { model.indelCost($0) }
            rewrites = model.rules.flatMap { rule in
                [(Array(rule.from.utf8), Array(rule.to.utf8), rule.cost), (Array(rule.to.utf8), Array(rule.from.utf8), rule.cost)]
            }
            doubling = model.doubling
            transposition = model.transposition
            initialFactor = model.initialFactor
            finalMuteE = model.finalMuteE
        }

        init(substitution: @escaping (UInt8, UInt8) -> Float, indel: @escaping (UInt8) -> Float,
             rewrites: [(from: [UInt8], to: [UInt8], cost: Float)], doubling: Float, transposition: Float,
             initialFactor: Float, finalMuteE: Float) {
            self.substitution = substitution
            self.indel = indel
            self.rewrites = rewrites.flatMap { [($0.from, $0.to, $0.cost), ($0.to, $0.from, $0.cost)] }
            self.doubling = doubling
            self.transposition = transposition
            self.initialFactor = initialFactor
            self.finalMuteE = finalMuteE
        }

        /// What dropping letter `k` of `word` costs (inserting it into the other word costs the same).
        func dropCost(_ word: [UInt8], _ k: Int) -> Float {
            if k > 0 && word[k - 1] == word[k] && !(0x30...0x39).contains(word[k]) { return doubling }  // digits never double
            if k > 0 && k == word.count - 1 && word[k] == UInt8(ascii: "e") { return finalMuteE }
            return indel(word[k]) * (k == 0 ? initialFactor : 1)
        }
    }

    /// The cheapest way to turn `a` into `b`, searched recursively over the suffixes still to
    /// align: at each point, try every operation that consumes letters from the front of what is
    /// left — keep a shared letter, substitute, drop from `a`, insert from `b`, swap two
    /// adjacent letters, apply a rewrite rule — and keep the cheapest. Memoised, nothing else.
    static func weighted(_ a: [UInt8], _ b: [UInt8], costs: Costs) -> Float {
        var memo: [Int: Float] = [:]
        func cheapest(_ i: Int, _ j: Int) -> Float {
            if i == a.count && j == b.count { return 0 }
            if let known = memo[i * (b.count + 1) + j] { return known }
            var best = Float.infinity
            if i < a.count && j < b.count {
                if a[i] == b[j] {
                    best = min(best, cheapest(i + 1, j + 1))
                } else {
                    let factor = i == 0 || j == 0 ? costs.initialFactor : 1
                    best = min(best, costs.substitution(a[i], b[j]) * factor + cheapest(i + 1, j + 1))
                }
            }
            if i + 1 < a.count && j + 1 < b.count && a[i] == b[j + 1] && a[i + 1] == b[j] && a[i + 1] != b[j + 1] {
                best = min(best, costs.transposition + cheapest(i + 2, j + 2))
            }
            if i < a.count { best = min(best, costs.dropCost(a, i) + cheapest(i + 1, j)) }
            if j < b.count { best = min(best, costs.dropCost(b, j) + cheapest(i, j + 1)) }
            for rule in costs.rewrites where !rule.from.isEmpty && !rule.to.isEmpty {
                if a[i...].starts(with: rule.from) && b[j...].starts(with: rule.to) {
                    best = min(best, rule.cost + cheapest(i + rule.from.count, j + rule.to.count))
                }
            }
            memo[i * (b.count + 1) + j] = best
            return best
        }
        return cheapest(0, 0)
    }
}
