import Foundation
import Testing

@Suite struct EvaluateCommandTests {
    @Test func reportsFiguresPerThresholdAndTheWorstErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gazetteer = try directory.write("g.tsv", "id\tcanonical\ttype\taliases\ncity:tashkent\tTashkent\tplace\tTachkent\ncity:moscow\tMoscow\tplace\tMoscou\n")
        let queries = try directory.write("q.tsv", "query\texpected_id\tsubset\nTachkent\tcity:tashkent\tfr\nMoscou\tcity:tashkent\tfr\nParis\t\tabsent\n")
        let run = try Canonym.run(["evaluate", "--gazetteer", gazetteer.path, "--queries", queries.path, "--by-subset", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let metrics = try #require(report["metrics"] as? [String: Any])
        #expect(metrics["answered"] as? Int == 2)
        #expect(metrics["correct"] as? Int == 1)
        #expect(metrics["precision"] as? Double == 0.5)
        #expect(report["threshold_of"] as? String == "score")
        let errors = try #require(report["worst_errors"] as? [String])
        #expect(errors.count == 1 && errors[0].contains("\"Moscou\" → Moscow [city:moscow]"))
        #expect((report["by_subset"] as? [String: Any])?.keys.sorted() == ["absent", "fr"])
    }

    @Test func aBrokenQueriesFileIsReportedWithItsLocation() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let queries = try directory.write("q.tsv", "query\texpected_id\nok\t\nbad\tx\ty\tz\n")
        let run = try Canonym.run(["evaluate", "--queries", queries.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(queries.path):3:"))
    }
}
