import Foundation
import Testing

@Suite struct ThresholdOptionsTests {
    static let gazetteer = "id\tcanonical\ttype\nperson:tokayev\tKassym-Jomart Tokayev\tperson\ncity:tashkent\tTashkent\tplace\n"

    @Test func aTypeThresholdAppliesToThatTypeOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("g.tsv", Self.gazetteer)
        let input = "Togayev\nTashkant\n"
        let loose = try Canonym.run(["match", "--gazetteer", file.path], stdin: input).records()
        #expect(loose.map { $0["status"] as? String } == ["fuzzy", "fuzzy"])
        let strict = try Canonym.run(["match", "--gazetteer", file.path, "--threshold-for", "person=0.99"], stdin: input).records()
        #expect(strict.map { $0["status"] as? String } == ["unknown", "fuzzy"], "only the person needs 0.99")
    }

    @Test func aMalformedTypeThresholdIsAUsageError() throws {
        let run = try Canonym.run(["match", "--threshold-for", "persn=0.9"], stdin: "")
        #expect(run.status == 64)
        #expect(run.stderr.contains("--threshold-for takes TYPE=SCORE"))
    }

    @Test func evaluateKeepsATypeThresholdAtEveryLevel() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("g.tsv", Self.gazetteer)
        let queries = try directory.write("q.tsv", "query\texpected_id\nTogayev\tperson:tokayev\n")
        let run = try Canonym.run(["evaluate", "--gazetteer", file.path, "--queries", queries.path, "--format", "json",
                                   "--threshold-for", "person=0.99"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(report["by_threshold"] as? [[String: Any]])
        #expect(rows.allSatisfy { $0["answered"] as? Int == 0 })
    }

    @Test func summaryCountsRecordsAndStatusesOnStandardError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("g.tsv", Self.gazetteer)
        let run = try Canonym.run(["match", "--gazetteer", file.path, "--summary"], stdin: Data("Tashkent\nTogayev\nzzz\n".utf8) + Data([0xFF, 0x0A]))
        #expect(run.status == 1)
        #expect(run.stdoutLines.count == 4)
        let summary = try #require(run.stderrLines.last)
        #expect(summary.hasPrefix("summary: 4 records; 1 exact, 1 fuzzy, 1 unknown, 1 error; "))
    }
}
