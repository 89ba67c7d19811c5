@testable import Canonym
import CanonymTestSupport
import Foundation
import Testing

/// Places whose aliases spell a *b* as *v* (Arabic and Slavonic renderings do), and a few that
/// swap *m* for *n*: too few to teach anything.
private let entities: [Entity] = {
    var random = SeededGenerator(seed: 5)
    var entities: [Entity] = []
    for k in 0..<60 {
        let stem = random.word(from: Array("dgklprst"), length: 2...2).map { "\($0)\(["a", "o", "i"][random.next(below: 3)])" }.joined()
        let canonical = ("Bo" + stem).capitalized
        entities.append(Entity(id: "place:\(k)", canonical: canonical, type: .place, aliases: ["Vo" + stem]))
    }
    for k in 0..<5 { entities.append(Entity(id: "place:m\(k)", canonical: "Mira\(k)ka", type: .place, aliases: ["Nira\(k)ka"])) }
    return entities
}()

@Suite struct CostLearningTests {
    static let gazetteer = try! Gazetteer(entities: entities)

    @Test func anEditTheGazetteerMakesOftenBecomesCheaper() throws {
        let costs = CostLearning.learn(from: Self.gazetteer)
        #expect(costs.alignedWords == 65)
        let bv = try #require(costs.edits.first { $0.from == "b" && $0.to == "v" })
        #expect(bv.count == 60 && bv.baseCost == 1)
        #expect(bv.cost < 0.5, "once per word of five or six letters is a common edit")
        // Five times is too few to learn from.
        #expect(!costs.edits.contains { Set([$0.from, $0.to]) == ["m", "n"] })
        // Learnt costs only ever lower the standard ones.
        #expect(costs.edits.allSatisfy { $0.cost < $0.baseCost && $0.cost >= CostLearning.floor })
    }

    @Test func theLearntCostsRaiseTheScoreOfThatEdit() throws {
        let costs = CostLearning.learn(from: Self.gazetteer)
        let learnt = NameScorer(model: costs.applied(to: .standard)), standard = NameScorer()
        let (a, b) = (Array("vostok".utf8), Array("bostok".utf8))
        #expect(learnt.similarity(a, b) > standard.similarity(a, b))
        // Edits it did not learn cost what they did.
        let (c, d) = (Array("mirko".utf8), Array("nirko".utf8))
        #expect(learnt.similarity(c, d) == standard.similarity(c, d))
        let edits = WeightedEditDistance.alignment(a, b, model: costs.applied(to: .standard)).edits
        #expect(edits.map(\.reason) == ["learnt from the gazetteer"])
    }

    @Test func savedCostsReadBackAndDamagedOnesAreRefused() throws {
        let costs = CostLearning.learn(from: Self.gazetteer)
        #expect(try CostLearning.Costs.decode(costs.encoded()) == costs)
        func refusal(_ json: String) -> String? {
            do { _ = try CostLearning.Costs.decode(Data(json.utf8)); return nil } catch { return error.reason }
        }
        #expect(refusal("{}")?.hasPrefix("not learnt costs") == true)
        #expect(refusal(#"{"format": 9, "alignedWords": 1, "edits": []}"#)?.contains("learn them again") == true)
        let edit = #"{"from": "bv", "to": "", "count": 1, "opportunities": 2, "cost": 0.5, "baseCost": 1}"#
        #expect(refusal(#"{"format": 1, "alignedWords": 1, "edits": [\#(edit)]}"#) == "edit 1 must turn one letter or digit (a-z, 0-9) into another or into nothing")
        let cheap = #"{"from": "b", "to": "v", "count": 1, "opportunities": 2, "cost": 0.01, "baseCost": 1}"#
        #expect(refusal(#"{"format": 1, "alignedWords": 1, "edits": [\#(cheap)]}"#) == "edit 1 must cost between 0.1 and 1")
    }
}
