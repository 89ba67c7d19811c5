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
        #expect(errors[0].hasSuffix("expected city:tashkent (out of reach)"))
        #expect(report["out_of_reach"] as? Int == 1)
        #expect((report["by_subset"] as? [String: Any])?.keys.sorted() == ["absent", "fr"])
        // Over the whole curve: both alias matches answer at every level, one of them wrong.
        #expect(report["target_precision"] as? Double == 0.95)
        #expect(report["at_target_precision"] is NSNull)
        let best = try #require(report["best_f1"] as? [String: Any])
        #expect(best["threshold"] as? Double == 1 && best["precision"] as? Double == 0.5 && best["recall"] as? Double == 0.5)

        let strict = try Canonym.run(["evaluate", "--gazetteer", gazetteer.path, "--queries", queries.path])
        #expect(strict.stdout.contains("no threshold reaches precision 0.95"), "\(strict.stdout)")
        #expect(strict.stdout.contains("best F1 at threshold 1.0000: precision 0.500, recall 0.500, F1 0.500, absent→unknown 100.0%"))
        let lenient = try Canonym.run(["evaluate", "--gazetteer", gazetteer.path, "--queries", queries.path, "--target-precision", "0.4"])
        #expect(lenient.stdout.contains("most recall at precision 0.40 or more at threshold 1.0000: precision 0.500, recall 0.500"), "\(lenient.stdout)")
        let wrong = try Canonym.run(["evaluate", "--gazetteer", gazetteer.path, "--queries", queries.path, "--target-precision", "1.5"])
        #expect(wrong.status != 0 && wrong.stderr.contains("--target-precision must be between 0 and 1"))
    }

    @Test func namesakeErrorsAreMarkedAndCounted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gazetteer = try directory.write("g.tsv", """
            id\tcanonical\ttype\taliases\tcountry\tweight
            us:springfield-il\tSpringfield\tplace\t\tUS\t100
            us:springfield-ma\tSpringfield\tplace\t\tUS\t50

            """)
        let queries = try directory.write("q.tsv", "query\texpected_id\nSpringfeild\tus:springfield-ma\n")
        let text = try Canonym.run(["evaluate", "--gazetteer", gazetteer.path, "--queries", queries.path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("0 right, 1 wrong, 0 unknown"))
        #expect(text.stdout.contains("expected us:springfield-ma (namesake)"))
        let json = try Canonym.run(["evaluate", "--gazetteer", gazetteer.path, "--queries", queries.path, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let namesakes = try #require(report["namesakes"] as? [String: Any])
        #expect(namesakes["count"] as? Int == 1 && namesakes["wrong"] as? Int == 1)
        #expect(namesakes["f1_ceiling"] as? Double == 0, "the one name is a namesake answered wrongly")
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
