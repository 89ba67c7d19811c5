import Foundation
import Testing
@testable import Canonym

@Suite struct ConfidenceModelTests {
    /// A model that trusts the best score and distrusts a close runner-up.
    static let model = ConfidenceModel(
        regression: LogisticRegression(means: [0.9, 0.8, 1, 8, 1, 0.5, 0.8, 0.01, 0.1, 0.2, 0.3, 0.1, 0.3, 0.6, 2],
                                       scales: [0.1, 0.1, 1, 4, 1, 0.5, 0.2, 0.01, 0.3, 0.4, 0.5, 0.3, 0.5, 0.3, 1],
                                       weights: [3, -2, -0.5, 0.1, 0, 0.2, 0, 0, -0.2, -0.1, -0.4, -0.2, -0.3, 0.5, 0.1], bias: 0),
        provenance: .init(entities: 3, names: 5, heldOutAliases: 60, absentNames: 20, seed: 1))

    static let gazetteer = """
        id\tcanonical\ttype\taliases
        city:tashkent\tTashkent\tplace\tTachkent
        city:toshkent\tToshkentabad\tplace\t
        city:moscow\tMoscow\tplace\tMoscou

        """

    @Test func roundTripsThroughItsJSON() throws {
        let data = Self.model.encoded()
        #expect(try ConfidenceModel.decode(data) == Self.model)
        #expect(Self.model.encoded() == data, "the same model must be the same bytes")
    }

    @Test func refusesAFileItCannotTrust() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Self.model.encoded()) as? [String: Any])
        func reason(_ change: (inout [String: Any]) -> Void) -> String {
            var edited = json
            change(&edited)
            let data = (try? JSONSerialization.data(withJSONObject: edited)) ?? Data()
            do { _ = try ConfidenceModel.decode(data); return "accepted" } catch { return error.reason }
        }
        #expect(reason { $0["format"] = 2 }.contains("format 2"))
        #expect(reason { $0["features"] = ["best score"] }.contains("features"))
        #expect(reason { $0.removeValue(forKey: "regression") }.contains("regression"))
        #expect(reason { var r = $0["regression"] as! [String: Any]; r["scales"] = [1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]; $0["regression"] = r }.contains("scales"))
        #expect(reason { var r = $0["regression"] as! [String: Any]; r["weights"] = [1, 2]; $0["regression"] = r }.contains("weights"))
        #expect(reason { _ in } == "accepted")
        do { _ = try ConfidenceModel.decode(Data("{\"format\": 1,".utf8)); Issue.record("accepted broken JSON") } catch {
            #expect(error.reason.hasPrefix("not valid JSON"))
        }
    }

    @Test func featuresReadTheScoresNotTheCandidatesOrder() throws {
        var options = MatchOptions()
        options.candidateCount = 6
        let matcher = Matcher(gazetteer: try Gazetteer.load([.text(name: "g.tsv", Self.gazetteer)]), options: options)
        let match = matcher.match("Toshkend")
        #expect(match.candidates.count >= 2)
        let form = NameFolder.shared.fold("Toshkend")
        let features = ConfidenceModel.features(query: form, candidates: match.candidates)
        #expect(features == ConfidenceModel.features(query: form, candidates: match.candidates.reversed()))
        let scores = match.candidates.map(\.score).sorted(by: >)
        #expect(features[0] == scores[0] && features[1] == scores[1])
        #expect(features[3] == 8 && features[4] == 1)
        #expect(features[6] == scores[0] * scores[0] && features[7] == (scores[0] - scores[1]) * (scores[0] - scores[1]))
    }

    /// Which script and case the query and the reported name are written in.
    @Test func featuresTellHowTheNamesAreWritten() throws {
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", """
            id\tcanonical\ttype\taliases
            city:tashkent\tTashkent\tplace\t
            city:chirchiq\tчирчик\tplace\t
            city:samarkand\tSamarkand\tplace\tsmrqnd

            """)])
        var options = MatchOptions()
        options.candidateCount = 6
        let matcher = Matcher(gazetteer: gazetteer, options: options)
        func kinds(_ query: String) -> [Double] {
            Array(ConfidenceModel.features(query: NameFolder.shared.fold(query), candidates: matcher.match(query).candidates)[8..<13])
        }
        // query: Cyrillic, other non-ASCII, no capitals; matched name: Cyrillic, no capitals
        #expect(kinds("чирчиг") == [1, 0, 1, 1, 1])
        #expect(kinds("Tachkënt") == [0, 1, 0, 0, 0])
        #expect(kinds("smrqand") == [0, 0, 1, 0, 1])
        #expect(kinds("Samarqand") == [0, 0, 0, 0, 0])
    }

    /// How close the reported entity's other names came: the best of its names of other words,
    /// its own score when it has no alias, 0 when its aliases fold as the matched name does.
    @Test func featuresTellHowCloseTheEntitysOtherNamesCame() throws {
        let entities = """
            id\tcanonical\ttype\taliases
            city:tashkent\tTashkent\tplace\tTaschkent|Toshkent|Ташкент
            city:termez\tTermez\tplace\t
            city:chirchiq\tChirchiq\tplace\tCHIRCHIQ

            """
        var options = MatchOptions()
        options.candidateCount = 6
        let matcher = Matcher(gazetteer: try Gazetteer.load([.text(name: "g.tsv", entities)]), options: options)
        func otherNames(_ query: String) -> Double {
            ConfidenceModel.features(query: NameFolder.shared.fold(query), candidates: matcher.match(query).candidates)[13]
        }
        /// The score of `query` against a gazetteer of `name` alone.
        func score(_ query: String, against name: String) throws -> Double {
            let alone = try Gazetteer.load([.text(name: "one.tsv", "id\tcanonical\ttype\nx\t\(name)\tplace\n")])
            return try #require(Matcher(gazetteer: alone, options: MatchOptions(threshold: 0)).match(query).score)
        }
        let tashkent = matcher.match("Taschkend")
        #expect(tashkent.candidates.first?.matchedName == "Taschkent")
        let others = try ["Tashkent", "Toshkent", "Ташкент"].map { try score("Taschkend", against: $0) }
        #expect(otherNames("Taschkend") == others.max()!)
        #expect(otherNames("Taschkend") < tashkent.candidates[0].score)
        #expect(otherNames("Termes") == matcher.match("Termes").candidates.first?.score)
        #expect(otherNames("Chirchik") == 0)
    }

    /// How many names the reported entity has (log2 of one more than its aliases), whichever
    /// of them matched: the reported entity's, not the runner-up's.
    @Test func featuresCountTheReportedEntitysNames() throws {
        let entities = """
            id\tcanonical\ttype\taliases
            city:tashkent\tTashkent\tplace\tTaschkent|Toshkent|Ташкент
            city:termez\tTermez\tplace\t
            city:termiz\tTermiz Shahri\tplace\tTermiz|Termiz Shahar|Tirmiz

            """
        var options = MatchOptions()
        options.candidateCount = 6
        let matcher = Matcher(gazetteer: try Gazetteer.load([.text(name: "g.tsv", entities)]), options: options)
        func names(_ query: String) -> Double {
            ConfidenceModel.features(query: NameFolder.shared.fold(query), candidates: matcher.match(query).candidates)[14]
        }
        #expect(matcher.match("Tachkend").entity?.id == "city:tashkent")
        #expect(names("Tachkend") == 2)
        #expect(matcher.match("Termes").entity?.id == "city:termez")
        #expect(names("Termes") == 0)
        #expect(matcher.match("Tirmis").entity?.id == "city:termiz")
        #expect(names("Tirmis") == 2)
    }

    @Test func theMatcherAcceptsByConfidenceWhenGivenAModel() throws {
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", Self.gazetteer)])
        func match(_ name: String, minimum: Double) -> Match {
            Matcher(gazetteer: gazetteer, options: MatchOptions(candidateCount: 6, confidenceModel: Self.model, minimumConfidence: minimum)).match(name)
        }
        let lenient = match("Moskau", minimum: 0), strict = match("Moskau", minimum: 1)
        let confidence = try #require(lenient.confidence)
        #expect(lenient.status == .fuzzy && lenient.entity?.id == "city:moscow")
        #expect(strict.status == .unknown && strict.confidence == confidence)
        #expect(abs(confidence - Self.model.confidence(query: NameFolder.shared.fold("Moskau"), candidates: lenient.candidates)) < 1e-12)
        #expect(match("Moskau", minimum: confidence).status == .fuzzy)
        // Lookups are not the model's to decide.
        #expect(match("Moscou", minimum: 1).status == .alias && match("Moscou", minimum: 1).confidence == nil)
        #expect(Matcher(gazetteer: gazetteer).match("Moskau").confidence == nil)
    }
}
