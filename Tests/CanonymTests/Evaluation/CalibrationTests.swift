import CanonymTestSupport
import Foundation
import Testing
@testable import Canonym

@Suite struct CalibrationTests {
    /// Entities named by random words, each with aliases one or two edits away (a letter
    /// doubled, a vowel changed), as transliterations vary: enough to hold some out.
    static let entities: [Entity] = {
        var random = SeededGenerator(seed: 7)
        let consonants = Array("bcdfghklmnprstvz"), vowels = Array("aeiou")
        func word() -> String {
            String((0..<Int.random(in: 3...4, using: &random)).flatMap { _ in
                [consonants.randomElement(using: &random)!, vowels.randomElement(using: &random)!]
            })
        }
        func variant(of name: String) -> String {
            var letters = Array(name)
            let k = random.next(below: letters.count)
            if vowels.contains(letters[k]) { letters[k] = vowels.randomElement(using: &random)! } else { letters.insert(letters[k], at: k) }
            return String(letters)
        }
        return (0..<500).map { k in
            let canonical = word().capitalized
            let aliases = Array(Set((0..<Int.random(in: 2...5, using: &random)).map { _ in variant(of: canonical) }).subtracting([canonical])).sorted()
            return Entity(id: "place:\(k)", canonical: canonical, type: .place, aliases: aliases, weight: Double(k))
        }
    }()

    @Test func holdingOutIsReproducibleAndTakesNamesOutOfTheGazetteer() throws {
        let split = Calibration.holdOut(Self.entities, seed: 3)
        #expect(split.queries.map(\.name) == Calibration.holdOut(Self.entities, seed: 3).queries.map(\.name))
        #expect(split.queries.map(\.name) != Calibration.holdOut(Self.entities, seed: 4).queries.map(\.name))
        let original = Dictionary(uniqueKeysWithValues: Self.entities.map { ($0.id, $0) })
        let kept = Dictionary(uniqueKeysWithValues: split.kept.map { ($0.id, $0) })
        let absent = split.queries.filter { $0.expected == nil }
        #expect(!absent.isEmpty && absent.count < split.queries.count)
        #expect(split.kept.count + absent.count == Self.entities.count)
        for query in split.queries {
            if let id = query.expected {
                let entity = try #require(kept[id]), before = try #require(original[id])
                #expect(before.aliases.contains(query.name) && !entity.aliases.contains(query.name))
                #expect(entity.aliases.count >= 1 && entity.aliases.count < before.aliases.count)
                #expect(Set(entity.aliases).isSubset(of: before.aliases))
            }
        }
        let absentIDs = Set(Self.entities.map(\.id)).subtracting(kept.keys)
        #expect(absentIDs.count == absent.count)
        for id in absentIDs {
            let entity = try #require(original[id])
            #expect(absent.contains { ([entity.canonical] + entity.aliases).contains($0.name) })
        }
    }

    @Test func learnsThatAClearLeadAtAHighScoreIsMoreOftenRight() throws {
        let gazetteer = try Gazetteer(entities: Self.entities)
        let result = try Calibration.calibrate(gazetteer, seed: 1, jobs: 2)
        let model = result.model
        #expect(model.provenance.entities == 500 && model.provenance.heldOutAliases >= 50)
        #expect(result.reliability.reduce(0) { $0 + $1.answers } == result.learntFrom)
        #expect(model.regression.weights[0] > 0, "the best score must raise the confidence: \(model.regression.weights)")
        let clear = model.confidence(features: [0.97, 0.6, 0, 8, 1, 1])
        let doubtful = model.confidence(features: [0.8, 0.79, 2, 8, 1, 0])
        #expect(clear > 0.5 && doubtful < clear, "\(clear) \(doubtful)")
        // The same seed holds out the same names and learns the same model.
        #expect(try Calibration.calibrate(gazetteer, seed: 1, jobs: 1).model == model)
    }

    @Test func aGazetteerWithoutAliasesCannotTeach() throws {
        let gazetteer = try Gazetteer(entities: Self.entities.map { Entity(id: $0.id, canonical: $0.canonical, type: .place) })
        #expect(throws: CalibrationError.self) { try Calibration.calibrate(gazetteer) }
    }
}
