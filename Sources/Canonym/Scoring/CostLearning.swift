import Foundation

/// Edit costs learnt from a gazetteer's own spellings: every alias is aligned with its entity's
/// canonical form, word by word, and the single-letter edits between them are counted. An edit
/// the gazetteer makes often, for the letters it could have touched, becomes cheaper (Arabic ج
/// read *j* and *g*, *b* for *v*, *w* for *o*); learnt costs only ever lower the base model's, so
/// a gazetteer teaches the matcher its conventions without unlearning the others.
///
/// ```swift
/// let costs = CostLearning.learn(from: gazetteer)
/// let matcher = Matcher(gazetteer: gazetteer, scorer: NameScorer(model: costs.applied(to: .standard)))
/// ```
public enum CostLearning {
    /// One learnt edit: a substitution of `from` and `to` (either way), or an insertion or
    /// deletion of `from` (`to` empty).
    public struct LearntEdit: Sendable, Hashable, Codable {
        public let from: String
        public let to: String
        /// How many times the aligned words made the edit, and how many letters it could have
        /// touched (both letters' occurrences for a substitution).
        public let count: Int
        public let opportunities: Int
        public let cost: Float
        /// What the base model charged.
        public let baseCost: Float
    }

    /// The learnt edits, saved as JSON by `canonym gazetteer learn-costs`.
    public struct Costs: Sendable, Hashable, Codable {
        /// Tells a costs file from other JSON, and which reading it needs.
        public let format: Int
        /// Alias words aligned with canonical words (similar enough to be one name spelt two ways).
        public let alignedWords: Int
        public let edits: [LearntEdit]

        public static let currentFormat = 1

        /// `base` with the learnt costs in place of its dearer ones.
        public func applied(to base: CostModel) -> CostModel {
            var model = base
            for edit in edits {
                if edit.to.isEmpty { model.setIndel(edit.from, cost: edit.cost, label: CostLearning.label) }
                else { model.setSubstitution(among: edit.from + edit.to, cost: edit.cost, label: CostLearning.label) }
            }
            return model
        }

        /// The costs as JSON (keys sorted, so the same costs are the same bytes).
        public func encoded() -> Data { SortedJSON.encode(self) }

        /// Reads saved costs; the error says what is wrong with the file.
        public static func decode(_ data: Data) throws(CostsError) -> Costs {
            let costs: Costs
            do { costs = try JSONDecoder().decode(Costs.self, from: data) } catch {
                throw CostsError(reason: "not learnt costs (\(error.localizedDescription))")
            }
            guard costs.format == currentFormat else {
                throw CostsError(reason: "format \(costs.format), this Canonym reads format \(currentFormat): learn them again")
            }
            for (k, edit) in costs.edits.enumerated() {
                guard edit.from.utf8.count == 1, edit.to.utf8.count <= 1, (edit.from + edit.to).utf8.allSatisfy(isLetterOrDigit) else {
                    throw CostsError(reason: "edit \(k + 1) must turn one letter or digit (a-z, 0-9) into another or into nothing")
                }
                guard edit.cost.isFinite, (CostLearning.floor...1).contains(edit.cost) else {
                    throw CostsError(reason: "edit \(k + 1) must cost between \(CostLearning.floor) and 1")
                }
            }
            return costs
        }

        private static func isLetterOrDigit(_ byte: UInt8) -> Bool { (97...122).contains(byte) || (48...57).contains(byte) }
    }

    /// How a learnt edit is explained.
    static let label = "learnt from the gazetteer"
    /// Word pairs less similar than this (under the base model) are two names, a translation or
    /// a former name, not one name spelt two ways: their edits would teach noise.
    static let minimumSimilarity: Float = 0.7
    /// Edits seen fewer times than this teach nothing.
    static let minimumCount = 20
    /// The cheapest a learnt edit can be: even the commonest rewrite is a difference.
    static let floor: Float = 0.1
    /// A substitution made at this rate costs 1 (unrelated letters), and each ten-fold rise of
    /// the rate takes `substitutionCostPerDecade` off; an insertion or deletion likewise. Chosen
    /// on the places dev set (README, "Edit costs learnt from the gazetteer"); flatter slopes
    /// gained less, steeper ones no more.
    static let substitutionUnrelatedRate = 0.004, substitutionCostPerDecade: Float = 0.8
    static let indelUnrelatedRate = 0.05, indelCostPerDecade: Float = 0.5

    /// - Complexity: one edit-distance alignment per word of every alias.
    public static func learn(from gazetteer: Gazetteer, base: CostModel = .standard) -> Costs {
        let scorer = NameScorer(model: base)
        var substitutions: [LetterPair: Int] = [:]
        var indels = [Int](repeating: 0, count: 256), letters = [Int](repeating: 0, count: 256)
        var aligned = 0
        let tables = gazetteer.tables
        var name = 0
        while name < tables.nameCount {
            let entity = tables.nameEntity[name]
            var end = name + 1
            while end < tables.nameCount && tables.nameEntity[end] == entity { end += 1 }
            defer { name = end }
            guard let canonical = (name..<end).first(where: { tables.nameIsCanonical[$0] != 0 }) else { continue }
            let canonicalWords = words(ofName: canonical, in: gazetteer.index)
            for alias in name..<end where alias != canonical {
                let aliasWords = words(ofName: alias, in: gazetteer.index)
                // Word by word when the words correspond one to one, else run together.
                let pairs = aliasWords.count == canonicalWords.count
                    ? Array(zip(aliasWords, canonicalWords)) : [(Array(aliasWords.joined()), Array(canonicalWords.joined()))]
                for (a, b) in pairs where a != b && scorer.similarity(a, b) >= minimumSimilarity {
                    aligned += 1
                    for letter in a + b { letters[Int(letter)] += 1 }
                    for edit in WeightedEditDistance.alignment(a, b, model: base).edits {
                        let from = Array(edit.from.utf8), to = Array(edit.to.utf8)
                        if from.count == 1 && to.count == 1 { substitutions[LetterPair(from[0], to[0]), default: 0] += 1 }
                        else if from.count + to.count == 1 { indels[Int((from + to)[0])] += 1 }
                    }
                }
            }
        }
        var edits: [LearntEdit] = []
        func learn(_ from: UInt8, _ to: UInt8?, count: Int, opportunities: Int, baseCost: Float) {
            guard count >= minimumCount, opportunities > 0 else { return }
            let decades = Float(log10(Double(count) / Double(opportunities) / (to == nil ? indelUnrelatedRate : substitutionUnrelatedRate)))
            let cost = ((1 - (to == nil ? indelCostPerDecade : substitutionCostPerDecade) * decades) * 100).rounded() / 100
            let learnt = max(floor, min(1, cost))
            guard learnt < baseCost - 0.005 else { return }
            edits.append(LearntEdit(from: String(UnicodeScalar(from)), to: to.map { String(UnicodeScalar($0)) } ?? "",
                                    count: count, opportunities: opportunities, cost: learnt, baseCost: baseCost))
        }
        for (pair, count) in substitutions.sorted(by: { $0.key < $1.key }) {
            learn(pair.low, pair.high, count: count, opportunities: letters[Int(pair.low)] + letters[Int(pair.high)],
                  baseCost: base.substitutionCost(pair.low, pair.high))
        }
        for letter in 0..<256 where indels[letter] > 0 {
            learn(UInt8(letter), nil, count: indels[letter], opportunities: letters[letter], baseCost: base.indelCost(UInt8(letter)))
        }
        return Costs(format: Costs.currentFormat, alignedWords: aligned, edits: edits)
    }

    /// Two letters, either way round.
    private struct LetterPair: Hashable, Comparable {
        let low: UInt8, high: UInt8
        init(_ a: UInt8, _ b: UInt8) { (low, high) = a < b ? (a, b) : (b, a) }
        static func < (a: LetterPair, b: LetterPair) -> Bool { (a.low, a.high) < (b.low, b.high) }
    }

    /// A name's words in its first romanisation.
    private static func words(ofName name: Int, in index: CandidateIndex) -> [[UInt8]] {
        let entries = index.entries(ofName: name)
        return entries.isEmpty ? [] : index.words(ofEntry: Int(entries.lowerBound))
    }
}

/// Why saved costs could not be read.
public struct CostsError: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
