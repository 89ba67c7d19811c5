import Canonym
import CanonymTestSupport
import Foundation
import Testing

@Suite struct CalibrateCommandTests {
    /// 400 places named by random words, each with aliases a letter away.
    static let gazetteerTSV: String = {
        var random = SeededGenerator(seed: 11)
        var rows = ["id\tcanonical\ttype\taliases"]
        for k in 0..<400 {
            let canonical = random.word(from: Array("bdgklmnprstvz"), length: 3...3)
                .map { "\($0)\(["a", "e", "i", "o", "u"][random.next(below: 5)])" }.joined().capitalized
            let aliases = (0..<3).map { n in canonical + ["a", "e", "i"][n] }
            rows.append("place:\(k)\t\(canonical)\tplace\t\(aliases.joined(separator: "|"))")
        }
        return rows.joined(separator: "\n") + "\n"
    }()

    @Test func writesAModelThatMatchAndEvaluateUse() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gazetteer = try directory.write("g.tsv", Self.gazetteerTSV)
        let model = directory.url.appendingPathComponent("model.json")
        let calibrate = try Canonym.run(["gazetteer", "calibrate", gazetteer.path, "-o", model.path])
        #expect(calibrate.status == 0, "\(calibrate.stderr)")
        #expect(calibrate.stdout.contains("learnt from") && calibrate.stdout.contains("how many were right"))
        let saved = try ConfidenceModel.decode(Data(contentsOf: model))
        #expect(saved.provenance.entities == 400)

        let name = String(Self.gazetteerTSV.split(separator: "\n")[1].split(separator: "\t")[1]).dropLast() + "x"
        let match = try Canonym.run(["match", "--gazetteer", gazetteer.path, "--confidence-model", model.path], stdin: "\(name)\n")
        #expect(match.status == 0, "\(match.stderr)")
        let record = try #require(try match.records().first)
        let confidence = try #require(record["confidence"] as? Double)
        #expect((0...1).contains(confidence))
        #expect((record["status"] as? String == "unknown") == (confidence < 0.5))
        let explained = try Canonym.run(["explain", "--gazetteer", gazetteer.path, "--confidence-model", model.path, "--candidates", "1", String(name)])
        let verdict = record["status"] as? String == "unknown" ? "is under the 0.5 needed" : "reaches the 0.5 needed"
        #expect(explained.stdout.contains("decision: confidence ") && explained.stdout.contains(verdict), "\(explained.stdout)")
        #expect(explained.stdout.contains("the entity's other names up to "), "\(explained.stdout)")
        let strict = try Canonym.run(["match", "--gazetteer", gazetteer.path, "--confidence-model", model.path, "--min-confidence", "1"],
                                     stdin: "\(name)\n")
        #expect(try strict.records().first?["status"] as? String == "unknown")

        let queries = try directory.write("q.tsv", "query\texpected_id\n\(name)\tplace:0\nQwxyzzy\t\n")
        let evaluate = try Canonym.run(["evaluate", "--gazetteer", gazetteer.path, "--queries", queries.path, "--confidence-model", model.path])
        #expect(evaluate.status == 0, "\(evaluate.stderr)")
        #expect(evaluate.stdout.contains("confidence answered") && evaluate.stdout.contains("(* the confidence in use)"))
        let json = try Canonym.run(["evaluate", "--gazetteer", gazetteer.path, "--queries", queries.path, "--confidence-model", model.path,
                                    "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["threshold_of"] as? String == "confidence" && report["threshold"] as? Double == 0.5)
        #expect((report["by_threshold"] as? [[String: Any]])?.map { $0["threshold"] as? Double } == [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    }

    @Test func everyOutputFormatCarriesTheConfidence() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gazetteer = try directory.write("g.tsv", Self.gazetteerTSV)
        let model = directory.url.appendingPathComponent("model.json")
        #expect(try Canonym.run(["gazetteer", "calibrate", gazetteer.path, "-o", model.path]).status == 0)
        let canonical = String(Self.gazetteerTSV.split(separator: "\n")[1].split(separator: "\t")[1])
        let fuzzy = canonical.dropLast() + "x"
        let using = ["match", "--gazetteer", gazetteer.path, "--confidence-model", model.path]

        // JSON Lines: the key is there for every record, null for a lookup.
        let lines = try Canonym.run(using, stdin: "\(fuzzy)\n\(canonical)\n").records()
        #expect(lines.count == 2 && lines[0]["confidence"] is Double)
        #expect(lines[1]["status"] as? String == "exact" && lines[1]["confidence"] is NSNull)

        let tsv = try Canonym.run(using + ["--format", "tsv"], stdin: "\(fuzzy)\n").stdoutLines
        #expect(tsv.first?.hasSuffix("\tmatched\tconfidence") == true)
        #expect(tsv.count == 2 && tsv[1].split(separator: "\t", omittingEmptySubsequences: false).count == 8)

        let csvFile = try directory.write("names.csv", "n,name\n1,\(fuzzy)\n2,\"broken\n")
        let csv = try Canonym.run(using + ["--csv", "--column", "name", csvFile.path])
        #expect(csv.stdoutLines.first == "n,name,name_canonical,name_id,name_score,name_status,name_confidence")
        let row = csv.stdoutLines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(row.count == 7 && Double(row[6]) != nil, "\(csv.stdout)")
        #expect(csv.stdoutLines[2].hasSuffix(",,,,error,"), "\(csv.stdout)")

        let jsonl = try Canonym.run(using + ["--jsonl", "--field", "name"], stdin: "{\"name\": \"\(fuzzy)\"}\n[1]\n").records()
        #expect(jsonl[0]["name_confidence"] is Double)
        #expect(jsonl[1]["name_status"] as? String == "error" && jsonl[1]["name_confidence"] is NSNull)

        // Without a model, no output changes.
        let plain = try Canonym.run(["match", "--gazetteer", gazetteer.path, "--format", "tsv"], stdin: "\(fuzzy)\n").stdoutLines
        #expect(plain.first == "input\tstatus\tid\tcanonical\tscore\ttype\tmatched")
    }

    /// `gazetteer compile --calibrate` (or `--confidence-model`) puts the model in the file, and
    /// the commands that open it decide by it, as with the model given, unless `--threshold-rule`.
    @Test func aCompiledGazetteerCarriesItsModel() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gazetteer = try directory.write("g.tsv", Self.gazetteerTSV)
        let model = directory.url.appendingPathComponent("model.json").path
        let calibrated = directory.url.appendingPathComponent("calibrated.canonym").path
        let given = directory.url.appendingPathComponent("given.canonym").path
        #expect(try Canonym.run(["gazetteer", "calibrate", gazetteer.path, "-o", model]).status == 0)
        let compile = try Canonym.run(["gazetteer", "compile", gazetteer.path, "--calibrate", "-o", calibrated])
        #expect(compile.status == 0 && compile.stderr.contains("a confidence model learnt from 400 entities"), "\(compile.stderr)")
        #expect(try Canonym.run(["gazetteer", "compile", gazetteer.path, "--confidence-model", model, "-o", given]).status == 0)

        let name = String(Self.gazetteerTSV.split(separator: "\n")[1].split(separator: "\t")[1]).dropLast() + "x"
        func confidence(_ arguments: [String]) throws -> Any? {
            let run = try Canonym.run(["match"] + arguments, stdin: "\(name)\n")
            #expect(run.status == 0, "\(run.stderr)")
            return try run.records().first?["confidence"]
        }
        let expected = try #require(try confidence(["--gazetteer", gazetteer.path, "--confidence-model", model]) as? Double)
        #expect(try confidence(["--gazetteer", calibrated]) as? Double == expected)
        #expect(try confidence(["--gazetteer", given]) as? Double == expected)
        #expect(try confidence(["--gazetteer", calibrated, "--threshold-rule"]) == nil)
        let strict = try Canonym.run(["match", "--gazetteer", calibrated, "--min-confidence", "1"], stdin: "\(name)\n")
        #expect(try strict.records().first?["status"] as? String == "unknown")
        let queries = try directory.write("q.tsv", "query\texpected_id\n\(name)\tplace:0\n")
        let evaluate = try Canonym.run(["evaluate", "--gazetteer", calibrated, "--queries", queries.path])
        #expect(evaluate.status == 0 && evaluate.stdout.contains("(* the confidence in use)"), "\(evaluate.stdout)")

        let both = try Canonym.run(["gazetteer", "compile", gazetteer.path, "--calibrate", "--confidence-model", model, "-o", given])
        #expect(both.status == 64 && both.stderr.contains("not both"))
        let aliasless = try directory.write("bare.tsv", "id\tcanonical\ttype\nplace:a\tAlpha\tplace\n")
        let bare = directory.url.appendingPathComponent("bare.canonym").path
        let refused = try Canonym.run(["gazetteer", "compile", aliasless.path, "--calibrate", "-o", bare])
        #expect(refused.status == 1 && refused.stderr.contains("cannot calibrate") && !FileManager.default.fileExists(atPath: bare))
    }

    @Test func aGazetteerWithoutAliasesIsRefusedAndNothingIsWritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gazetteer = try directory.write("g.tsv", "id\tcanonical\ttype\nplace:a\tAlpha\tplace\nplace:b\tBeta\tplace\n")
        let model = directory.url.appendingPathComponent("model.json")
        let run = try Canonym.run(["gazetteer", "calibrate", gazetteer.path, "-o", model.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot calibrate") && run.stderr.contains("aliases"))
        #expect(!FileManager.default.fileExists(atPath: model.path))
    }

    @Test func aModelThatCannotBeReadIsReportedWithItsPath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let broken = try directory.write("broken.json", "{\"format\": 1}")
        let run = try Canonym.run(["match", "--confidence-model", broken.path], stdin: "Moscou\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(broken.path): error: not a confidence model"))
        #expect(run.stdout.isEmpty)
        let missing = try Canonym.run(["match", "--confidence-model", directory.url.appendingPathComponent("none.json").path], stdin: "Moscou\n")
        #expect(missing.status == 2 && missing.stderr.contains("none.json: error: cannot read"))
        let alone = try Canonym.run(["match", "--min-confidence", "0.7"], stdin: "Moscou\n")
        #expect(alone.status == 64 && alone.stderr.contains("--min-confidence needs --confidence-model, or a compiled gazetteer that carries one"))
    }
}
