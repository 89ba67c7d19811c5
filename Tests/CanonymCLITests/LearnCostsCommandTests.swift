import Canonym
import Foundation
import Testing

@Suite struct LearnCostsCommandTests {
    /// 40 places whose aliases write *v* for the canonical form's *b*, and one without aliases.
    static let gazetteerTSV: String = {
        let stems = ["ologda", "aransk", "orkuta", "elgrad", "ukhara", "atumi", "ishkek", "rest", "ryansk", "uzuluk"]
        var rows = ["id\tcanonical\ttype\taliases"]
        for k in 0..<40 {
            let stem = stems[k % stems.count] + String(repeating: "a", count: k / stems.count)
            rows.append("place:\(k)\tB\(stem)\tplace\tV\(stem)")
        }
        rows.append("place:ulan\tUlanbator\tplace\t")
        return rows.joined(separator: "\n") + "\n"
    }()

    @Test func writesCostsThatMatchExplainAndCalibrateUse() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gazetteer = try directory.write("g.tsv", Self.gazetteerTSV)
        let costs = directory.url.appendingPathComponent("costs.json")
        let learn = try Canonym.run(["gazetteer", "learn-costs", gazetteer.path, "-o", costs.path])
        #expect(learn.status == 0, "\(learn.stderr)")
        #expect(learn.stdout.contains("1 edits learnt from 40 alias words aligned"), "\(learn.stdout)")
        #expect(learn.stdout.contains("b↔v"))
        let saved = try CostLearning.Costs.decode(Data(contentsOf: costs))
        #expect(saved.edits.map { $0.from + $0.to } == ["bv"])

        // A v for a b in another name: the standard cost leaves it unknown, the learnt one links it.
        let plain = try Canonym.run(["match", "--gazetteer", gazetteer.path, "--threshold", "0.9", "--lead", "0"], stdin: "Ulanvator\n")
        let taught = try Canonym.run(["match", "--gazetteer", gazetteer.path, "--threshold", "0.9", "--lead", "0", "--costs", costs.path],
                                     stdin: "Ulanvator\n")
        let before = try #require(try plain.records().first), after = try #require(try taught.records().first)
        #expect(before["status"] as? String == "unknown")
        #expect(after["id"] as? String == "place:ulan", "\(after)")
        let explained = try Canonym.run(["explain", "--gazetteer", gazetteer.path, "--costs", costs.path, "--candidates", "1", "Ulanvator"])
        #expect(explained.stdout.contains("(learnt from the gazetteer)"), "\(explained.stdout)")

        let model = directory.url.appendingPathComponent("model.json").path
        let calibrate = try Canonym.run(["gazetteer", "calibrate", gazetteer.path, "--costs", costs.path, "-o", model])
        #expect(calibrate.status != 2, "the costs are read: \(calibrate.stderr)")
    }

    @Test func costsThatCannotBeReadAreRefusedNamingTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gazetteer = try directory.write("g.tsv", Self.gazetteerTSV)
        let missing = directory.url.appendingPathComponent("missing.json").path
        let run = try Canonym.run(["match", "--gazetteer", gazetteer.path, "--costs", missing], stdin: "Bologda\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(missing): error: cannot read the learnt costs"), "\(run.stderr)")
        let broken = try directory.write("broken.json", #"{"format": 1, "alignedWords": 1, "edits": [{"from": "b", "to": "v", "count": 1, "opportunities": 2, "cost": 3, "baseCost": 1}]}"#)
        let refused = try Canonym.run(["scan", "--costs", broken.path], stdin: "Bologda\n")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(broken.path): error: edit 1 must cost between 0.1 and 1"), "\(refused.stderr)")
    }
}
