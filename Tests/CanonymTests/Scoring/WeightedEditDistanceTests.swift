@testable import Canonym
import CanonymTestSupport
import Testing

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// Letters that trigger the standard model's classes and rules often: vowels, glides, voicing
/// pairs, the h of digraphs, doubled letters.
private let ruleHeavyAlphabet = Array("aeiouyjkgtdszchxwvlr")

/// A model that is plain Levenshtein: unit costs, no rules, no discounts.
private var levenshteinModel: CostModel {
    var model = CostModel(unrelated: 1, indel: 1)
    model.doubling = 1
    model.transposition = 2  // never cheaper than two substitutions, so never useful
    model.initialFactor = 1
    model.finalMuteE = 1
    return model
}

/// Random word pairs: a random word and a mutation of it (so pairs are near, as in real use),
/// plus unrelated pairs.
private func randomPairs(seed: UInt64, count: Int, alphabet: [Character], length: ClosedRange<Int>) -> [([UInt8], [UInt8])] {
    var random = SeededGenerator(seed: seed)
    return (0..<count).map { index in
        let a = random.word(from: alphabet, length: length)
        if index % 3 == 0 { return (bytes(a), bytes(random.word(from: alphabet, length: length))) }
        var b = Array(a)
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let letter = alphabet.randomElement(using: &random)!
            switch Int.random(in: 0..<3, using: &random) {
            case 0 where !b.isEmpty: b[Int.random(in: 0..<b.count, using: &random)] = letter
            case 1: b.insert(letter, at: Int.random(in: 0...b.count, using: &random))
            default: if !b.isEmpty { b.remove(at: Int.random(in: 0..<b.count, using: &random)) }
            }
        }
        return (bytes(a), bytes(String(b)))
    }
}

@Suite struct WeightedEditDistanceTests {
    /// Tries search names with the query on the other side of the table than some callers
    /// compare them (surname resolution): the distance must not depend on the order.
    @Test func distanceIsTheSameBothWaysRound() {
        for (a, b) in randomPairs(seed: 31, count: 3000, alphabet: ruleHeavyAlphabet, length: 1...9) {
            #expect(WeightedEditDistance.distance(a, b) == WeightedEditDistance.distance(b, a),
                    "\(String(decoding: a, as: UTF8.self)) / \(String(decoding: b, as: UTF8.self))")
        }
    }

    @Test(arguments: ["", "a", "tokayev", "kassym jomart", "zzzz"])
    func identicalWordsAreAtDistanceZero(word: String) {
        #expect(WeightedEditDistance.distance(bytes(word), bytes(word)) == 0)
        #expect(WeightedEditDistance.alignment(bytes(word), bytes(word)).edits.isEmpty)
    }

    @Test func alignmentOfAnEmptyQueryWordInsertsEveryLetter() {
        // Regression: the table fill once looped over `1...n`, which traps for an empty word.
        let (cost, edits) = WeightedEditDistance.alignment([], Array("ab".utf8))
        #expect(cost == WeightedEditDistance.distance([], Array("ab".utf8)))
        #expect(edits.map(\.from) == ["", ""])
        #expect(edits.map(\.to) == ["a", "b"])
    }

    @Test func alignmentOfAnEmptyGazetteerWordCostsItsLetters() {
        let (cost, edits) = WeightedEditDistance.alignment(Array("ab".utf8), [])
        #expect(cost == WeightedEditDistance.distance(Array("ab".utf8), []))
        #expect(edits.map(\.to) == ["", ""])
    }

    @Test func emptyWordCostsItsLettersOneByOne() {
        // t (initial, ×1.25) + o + k + y
        let standard = CostModel.standard
        let expected: Float = 0.8 * standard.initialFactor + 0.35 + 0.8 + 0.25
        #expect(abs(WeightedEditDistance.distance([], bytes("toky")) - expected) < 1e-5)
        #expect(abs(WeightedEditDistance.distance(bytes("toky"), []) - expected) < 1e-5)
    }

    @Test func distanceIsSymmetric() {
        for (a, b) in randomPairs(seed: 1, count: 400, alphabet: ruleHeavyAlphabet, length: 0...9) {
            let ab = WeightedEditDistance.distance(a, b), ba = WeightedEditDistance.distance(b, a)
            #expect(abs(ab - ba) < 1e-4, "\(String(decoding: a, as: UTF8.self)) ~ \(String(decoding: b, as: UTF8.self)): \(ab) vs \(ba)")
        }
    }

    @Test func distanceIsPositiveForDifferentWords() {
        for (a, b) in randomPairs(seed: 2, count: 300, alphabet: ruleHeavyAlphabet, length: 1...8) where a != b {
            #expect(WeightedEditDistance.distance(a, b) > 0)
        }
    }

    @Test func alignmentCostEqualsDistanceAndItsEditsAddUp() {
        for (a, b) in randomPairs(seed: 3, count: 400, alphabet: ruleHeavyAlphabet, length: 0...9) {
            let distance = WeightedEditDistance.distance(a, b)
            let (cost, edits) = WeightedEditDistance.alignment(a, b)
            let shown = "\(String(decoding: a, as: UTF8.self)) ~ \(String(decoding: b, as: UTF8.self))"
            #expect(abs(cost - distance) < 1e-5, "\(shown): \(cost) vs \(distance)")
            let sum = edits.reduce(0) { $0 + $1.cost }
            #expect(abs(sum - Double(cost)) < 1e-3, "\(shown): edits \(edits) add up to \(sum), not \(cost)")
            #expect(edits.allSatisfy { $0.cost > 0 && $0.from != $0.to }, "\(shown): \(edits)")
        }
    }

    @Test func alignmentEditsAppearInOrderOnBothSides() {
        // The edits' `from` sides are pieces of the query in order, their `to` sides pieces of the
        // gazetteer word in order, and the letters outside the edits pair up one to one.
        for (a, b) in randomPairs(seed: 4, count: 300, alphabet: ruleHeavyAlphabet, length: 0...9) where !a.isEmpty {
            let (_, edits) = WeightedEditDistance.alignment(a, b)
            let query = String(decoding: a, as: UTF8.self), name = String(decoding: b, as: UTF8.self)
            #expect(occurInOrder(edits.map(\.from), in: query), "\(query) ~ \(name): \(edits)")
            #expect(occurInOrder(edits.map(\.to), in: name), "\(query) ~ \(name): \(edits)")
            let keptInQuery = query.count - edits.reduce(0) { $0 + $1.from.count }
            let keptInName = name.count - edits.reduce(0) { $0 + $1.to.count }
            #expect(keptInQuery == keptInName, "\(query) ~ \(name): \(edits)")
        }
    }

    @Test func agreesWithTheReferenceOnTheStandardModel() {
        let costs = ReferenceEditDistance.Costs(.standard)
        for (a, b) in randomPairs(seed: 5, count: 300, alphabet: ruleHeavyAlphabet, length: 0...8) {
            let fast = WeightedEditDistance.distance(a, b), slow = ReferenceEditDistance.weighted(a, b, costs: costs)
            #expect(abs(fast - slow) < 1e-4, "\(String(decoding: a, as: UTF8.self)) ~ \(String(decoding: b, as: UTF8.self)): \(fast) vs reference \(slow)")
        }
    }

    @Test(arguments: [
        ("tokayev", "togayev"), ("poutine", "putin"), ("loukachenko", "lukashenko"), ("tchernenko", "chernenko"),
        ("dzhaparov", "japarov"), ("shchedrin", "chtchedrine"), ("kirghizistan", "kyrgyzstan"), ("diluberdi", "tleuberdi"),
    ])
    func agreesWithTheReferenceOnRealVariants(a: String, b: String) {
        let slow = ReferenceEditDistance.weighted(bytes(a), bytes(b), costs: .init(.standard))
        #expect(abs(WeightedEditDistance.distance(bytes(a), bytes(b)) - slow) < 1e-4)
    }

    @Test func agreesWithTheReferenceOnRandomModels() {
        // Models built from a random specification; the reference reads the specification
        // itself, not the model, so the model's tables are checked too.
        var random = SeededGenerator(seed: 6)
        let letters = Array("abcdefgh")
        for round in 0..<20 {
            let unrelated = Float(Int.random(in: 4...10, using: &random)) / 8
            let indel = Float(Int.random(in: 2...8, using: &random)) / 8
            var model = CostModel(unrelated: unrelated, indel: indel)
            var substitution: [[UInt8]: Float] = [:]
            var indels: [UInt8: Float] = [:]
            var rewrites: [(from: [UInt8], to: [UInt8], cost: Float)] = []
            for _ in 0..<3 {
                let group = Array(Set((0..<3).map { _ in letters.randomElement(using: &random)! }))
                let cost = Float(Int.random(in: 1...6, using: &random)) / 8
                model.setSubstitution(among: String(group), cost: cost, label: "class")
                for x in group { for y in group where x != y { substitution[[x.asciiValue!, y.asciiValue!]] = cost } }
            }
            let dropped = letters.randomElement(using: &random)!
            let dropCost = Float(Int.random(in: 1...4, using: &random)) / 8
            model.setIndel(String(dropped), cost: dropCost, label: "drop")
            indels[dropped.asciiValue!] = dropCost
            for _ in 0..<3 {
                let from = random.word(from: letters, length: 1...3), to = random.word(from: letters, length: 1...2)
                let cost = Float(Int.random(in: 1...4, using: &random)) / 16
                model.addRule(from, to, cost: cost, label: "rule")
                rewrites.append((bytes(from), bytes(to), cost))
            }
            model.doubling = Float(Int.random(in: 1...8, using: &random)) / 8
            model.transposition = Float(Int.random(in: 2...12, using: &random)) / 8
            model.initialFactor = Float(Int.random(in: 8...12, using: &random)) / 8
            model.finalMuteE = Float(Int.random(in: 1...8, using: &random)) / 8
            let costs = ReferenceEditDistance.Costs(
                substitution: { $0 == $1 ? 0 : substitution[[$0, $1]] ?? unrelated },
                indel: { indels[$0] ?? indel },
                rewrites: rewrites, doubling: model.doubling, transposition: model.transposition,
                initialFactor: model.initialFactor, finalMuteE: model.finalMuteE)
            for (a, b) in randomPairs(seed: UInt64(100 + round), count: 40, alphabet: letters, length: 0...7) {
                let fast = WeightedEditDistance.distance(a, b, model: model), slow = ReferenceEditDistance.weighted(a, b, costs: costs)
                #expect(abs(fast - slow) < 1e-4, "round \(round), \(String(decoding: a, as: UTF8.self)) ~ \(String(decoding: b, as: UTF8.self)): \(fast) vs reference \(slow)")
            }
        }
    }

    @Test func neutralModelIsPlainLevenshtein() {
        let model = levenshteinModel
        for (a, b) in randomPairs(seed: 7, count: 500, alphabet: Array("abcdeehst"), length: 0...10) {
            let expected = Float(ReferenceEditDistance.levenshtein(a, b))
            #expect(WeightedEditDistance.distance(a, b, model: model) == expected,
                    "\(String(decoding: a, as: UTF8.self)) ~ \(String(decoding: b, as: UTF8.self))")
        }
    }

    @Test func unitTranspositionIsOptimalStringAlignment() {
        var model = levenshteinModel
        model.transposition = 1
        for (a, b) in randomPairs(seed: 8, count: 500, alphabet: Array("abcde"), length: 0...8) {
            let expected = Float(ReferenceEditDistance.optimalStringAlignment(a, b))
            #expect(WeightedEditDistance.distance(a, b, model: model) == expected,
                    "\(String(decoding: a, as: UTF8.self)) ~ \(String(decoding: b, as: UTF8.self))")
        }
    }

    @Test func explainsTheVoicingOfTogayev() throws {
        let (cost, edits) = WeightedEditDistance.alignment(bytes("togayev"), bytes("tokayev"))
        let edit = try #require(edits.first)
        #expect(edits.count == 1)
        #expect(edit == Edit(from: "g", to: "k", cost: Double(cost), reason: "voicing k/g"))
        #expect(edit.description == "g→k 0.35 (voicing k/g)")
    }

    @Test func editDescriptionShowsEmptySidesAsTheEmptySet() {
        #expect(Edit(from: "", to: "r", cost: 0.8, reason: "letter inserted or dropped").description == "∅→r 0.8 (letter inserted or dropped)")
        #expect(Edit(from: "e", to: "", cost: 1, reason: "x").description == "e→∅ 1 (x)")
    }
}

/// Whether `pieces` occur in `word` one after the other, without overlapping.
private func occurInOrder(_ pieces: [String], in word: String) -> Bool {
    var rest = Substring(word)
    for piece in pieces where !piece.isEmpty {
        guard let range = rest.firstRange(of: piece) else { return false }
        rest = rest[range.upperBound...]
    }
    return true
}
