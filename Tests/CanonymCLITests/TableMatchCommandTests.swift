import Foundation
import Testing

@Suite struct TableMatchCommandTests {
    static let gazetteer = """
        id\tcanonical\ttype\taliases
        person:tokayev\tKassym-Jomart Tokayev\tperson\tТокаев
        city:moscow\tMoscow\tplace\tMoscou
        city:tashkent\tTashkent\tplace\tTachkent

        """

    func run(_ arguments: [String], _ input: String) throws -> (CanonymRun, TemporaryDirectory, URL) {
        let directory = try TemporaryDirectory()
        let gazetteer = try directory.write("g.tsv", Self.gazetteer)
        let file = try directory.write("in.csv", input)
        return (try Canonym.run(["match", "--gazetteer", gazetteer.path] + arguments + [file.path]), directory, file)
    }

    @Test func everyRowComesOutOnceWithItsBytesAndFourColumnsPerMatchedColumn() throws {
        let input = "\u{FEFF}id,name,note\r\n1,\"Togayev, K.\",\"two\nlines\"\r\n2,Moscou,\"say \"\"hi\"\"\"\r\n3,Nowhere,x"
        let (run, directory, _) = try run(["--csv", "--column", "name"], input)
        defer { directory.remove() }
        #expect(run.status == 0, "\(run.stderr)")
        let expected = "id,name,note,name_canonical,name_id,name_score,name_status\r\n"
            + "1,\"Togayev, K.\",\"two\nlines\",Kassym-Jomart Tokayev,person:tokayev,\(try score(of: "Togayev, K.")),fuzzy\r\n"
            + "2,Moscou,\"say \"\"hi\"\"\",Moscow,city:moscow,1,alias\r\n"
            + "3,Nowhere,x,,,,unknown"
        #expect(run.stdout == expected)
    }

    @Test func badRowsAreKeptWithStatusErrorAndLocated() throws {
        let (run, directory, file) = try run(["--tsv", "--column", "2", "--prefix", "m_"], "a\tb\n1\tMoscou\n2\n3\t\"open\n4\tTachkent\n")
        defer { directory.remove() }
        #expect(run.status == 1)
        #expect(run.stdoutLines.map(String.init) == [
            "a\tb\tm_canonical\tm_id\tm_score\tm_status",
            "1\tMoscou\tMoscow\tcity:moscow\t1\talias",
            "2\t\t\t\terror",
            "3\t\"open\t\t\t\terror",
            "4\tTachkent\tTashkent\tcity:tashkent\t1\talias",
        ])
        #expect(run.stderr.contains("\(file.path):3:1: error: the row has 1 fields; the header has 2"))
        #expect(run.stderr.contains("\(file.path):4:3: error: a quoted field is never closed"))
    }

    @Test func anUnknownColumnNameListsTheHeader() throws {
        let (run, directory, _) = try run(["--csv", "--column", "nom"], "id,name\n1,Moscou\n")
        defer { directory.remove() }
        #expect(run.status == 2)
        #expect(run.stderr.contains("no column \"nom\"; its columns are: id, name"))
    }

    @Test func noHeaderNamesColumnsByNumberAndOutputGoesAtomicallyToAFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gazetteer = try directory.write("g.tsv", Self.gazetteer)
        let names = (0..<2000).map { $0 % 2 == 0 ? "\($0),Moscou" : "\($0),Tachkent" }.joined(separator: "\n") + "\n"
        let input = try directory.write("in.csv", names)
        let target = directory.url.appendingPathComponent("out.csv")
        let run = try Canonym.run(["match", "--gazetteer", gazetteer.path, "--csv", "--no-header", "--column", "2", "-o", target.path, input.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let lines = try String(contentsOf: target, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2000, "no header added, every row once")
        #expect(lines.enumerated().allSatisfy { index, line in line.hasPrefix("\(index),") }, "in input order")
        #expect(lines[1].hasSuffix(",Tashkent,city:tashkent,1,alias"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.hasPrefix(".out.csv") }
        #expect(leftovers.isEmpty, "no temporary file left behind")
    }

    @Test func columnOptionsNeedATableFormat() throws {
        let run = try Canonym.run(["match", "--column", "name"], stdin: "")
        #expect(run.status == 64)
        #expect(run.stderr.contains("go with --csv or --tsv"))
    }

    private func score(of name: String) throws -> String {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gazetteer = try directory.write("g.tsv", Self.gazetteer)
        let record = try #require(try Canonym.run(["match", "--gazetteer", gazetteer.path], stdin: name + "\n").records().first)
        let score = try #require(record["score"] as? Double)
        return score == score.rounded() ? String(Int(score)) : String(score)
    }
}
