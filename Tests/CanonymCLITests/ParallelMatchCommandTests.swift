import Foundation
import Testing

/// `--jobs N` must not change a byte of the output, in any input mode, and `--progress` must
/// stay on stderr. `--batch-size 7` (a hidden option) makes a few hundred records cross dozens of
/// batch boundaries, with the bad records landing inside batches.
@Suite struct ParallelMatchCommandTests {
    static let gazetteer = """
        id\tcanonical\ttype\taliases
        person:tokayev\tKassym-Jomart Tokayev\tperson\tТоқаев|Tokaïev
        person:blinken\tAntony Blinken\tperson\t
        city:moscow\tMoscow\tplace\tMoscou|Москва
        city:tashkent\tTashkent\tplace\tTachkent|Ташкент
        city:astana\tAstana\tplace\tАстана

        """

    /// Exact, alias, fuzzy (Latin and Cyrillic, through ICU) and unknown names, each used many times.
    static let names = ["Moscou", "Togayev", "Tashkent", "Блинкен", "Jean Dupont", "Tokaïev", "Astana", "Blingen", "Taschkent", "Nowhere"]

    /// The `index`th name, with a unique unknown name every third record so that order is visible.
    static func name(_ index: Int) -> String {
        index % 3 == 2 ? "Unknown\(index)" : names[index % names.count]
    }

    static let count = 300

    /// Runs `match` with each `--jobs` value and returns the runs, the first with `--jobs 1`.
    func runWithJobs(_ jobs: [Int], _ arguments: [String], input: Data, directory: TemporaryDirectory) throws -> [CanonymRun] {
        let gazetteer = try directory.write("g.tsv", Self.gazetteer)
        let file = try directory.write("input", input)
        return try jobs.map { count in
            try Canonym.run(["match", "--gazetteer", gazetteer.path, "--jobs", "\(count)"] + arguments + [file.path])
        }
    }

    /// Every run's stdout, stderr and exit status equal the first's (`--jobs 1`).
    func expectSameAsOneJob(_ runs: [CanonymRun], sourceLocation: SourceLocation = #_sourceLocation) {
        for run in runs.dropFirst() {
            #expect(run.status == runs[0].status, sourceLocation: sourceLocation)
            #expect(run.stdout == runs[0].stdout, sourceLocation: sourceLocation)
            #expect(run.stderr == runs[0].stderr, sourceLocation: sourceLocation)
        }
    }

    @Test func linesComeOutInInputOrderWhateverTheJobs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var input = Data()
        for index in 0..<Self.count {
            // Line 151 is not UTF-8: its error record must stay in place.
            input += index == 150 ? Data([0x41, 0xFF, 0x0A]) : Data((Self.name(index) + "\n").utf8)
        }
        let runs = try runWithJobs([1, 2, 3], ["--batch-size", "7"], input: input, directory: directory)
            + runWithJobs([2], [], input: input, directory: directory)
        expectSameAsOneJob(runs)

        let records = try runs[0].records()
        #expect(runs[0].status == 1)
        #expect(records.count == Self.count)
        #expect(records[150]["status"] as? String == "error")
        let expected = (0..<Self.count).map { $0 == 150 ? "A\u{FFFD}" : Self.name($0) }
        #expect(records.map { $0["input"] as? String } == expected)
        #expect(records[1]["status"] as? String == "fuzzy" && records[1]["id"] as? String == "person:tokayev")
        #expect(runs[0].stderrLines.map(String.init) == ["\(directory.url.path)/input:151:2: error: the line is not valid UTF-8"])
    }

    @Test func csvRowsComeOutInInputOrderWhateverTheJobs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var rows = ["id,name,city"]
        for index in 0..<Self.count {
            // Row 101 has a field too few; every 50th row quotes a comma.
            if index == 100 { rows.append("\(index),Moscou"); continue }
            let name = index % 50 == 0 ? "\"Togayev, K.\"" : Self.name(index)
            rows.append("\(index),\(name),\(Self.name(index + 1))")
        }
        let input = Data((rows.joined(separator: "\n") + "\n").utf8)
        let runs = try runWithJobs([1, 2, 3], ["--csv", "--column", "name", "--column", "city", "--batch-size", "7", "--summary"],
                                   input: input, directory: directory)
        expectSameAsOneJob(runs.map { run in
            // The summary's time differs from run to run; its counts must not.
            CanonymRun(status: run.status, stdout: run.stdout, stderr: run.stderr.replacing(/; [0-9.]+ s\n/, with: "\n"))
        })

        let lines = runs[0].stdoutLines
        #expect(runs[0].status == 1)
        #expect(lines.count == Self.count + 1)
        #expect(lines[0] == "id,name,city,name_canonical,name_id,name_score,name_status,city_canonical,city_id,city_score,city_status")
        #expect(lines[1].hasPrefix("0,\"Togayev, K.\",Togayev,Kassym-Jomart Tokayev,person:tokayev,"))
        #expect(lines[101] == "100,Moscou,,,,error,,,,error")
        #expect(lines[2].hasPrefix("1,Togayev,Unknown2,Kassym-Jomart Tokayev,person:tokayev,0."))
        #expect(lines[2].hasSuffix(",fuzzy,,,,unknown"))
        #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == (0..<Self.count).map(String.init))
        #expect(runs[0].stderr.contains(":102:1: error: the row has 2 fields; the header has 3"))
        #expect(runs[0].stderr.contains("summary: \(Self.count) records;"))
    }

    @Test func jsonLinesComeOutInInputOrderWhateverTheJobs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var input = Data()
        for index in 0..<Self.count {
            switch index {
            case 60: input += Data("not json\n".utf8)
            case 61: input += Data("{\"n\":61}\n".utf8)
            case 62: input += Data([0x7B, 0xFF, 0x7D, 0x0A])
            // The names hold no quote or backslash: they need no escaping.
            default: input += Data("{\"n\":\(index),\"person\":{\"name\":\"\(Self.name(index))\"}}\n".utf8)
            }
        }
        let runs = try runWithJobs([1, 2, 3], ["--jsonl", "--field", "person.name", "--batch-size", "7"], input: input, directory: directory)
        expectSameAsOneJob(runs)

        let records = try runs[0].records()
        #expect(runs[0].status == 1)
        #expect(records.count == Self.count)
        #expect(records.map { $0["person.name_status"] as? String == "error" } == (0..<Self.count).map { (60...62).contains($0) })
        let numbered = records.enumerated().filter { !(60...62).contains($0.offset) }
        #expect(numbered.allSatisfy { $0.element["n"] as? Int == $0.offset })
        #expect(records[0]["person.name_canonical"] as? String == "Moscow")
    }

    @Test func zeroJobsIsRefused() throws {
        let run = try Canonym.run(["match", "--jobs", "0"], stdin: "Moscou\n")
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("--jobs must be 1 or more"))
    }

    // MARK: Progress

    @Test func forcedProgressGoesToStderrOnlyAndEndsWithALineBreak() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = Data((0..<Self.count).map { Self.name($0) + "\n" }.joined().utf8)
        let quiet = try runWithJobs([2], [], input: input, directory: directory)[0]
        let forced = try runWithJobs([2], ["--progress"], input: input, directory: directory)[0]
        #expect(quiet.stderr.isEmpty, "no progress when stderr is not a terminal")
        #expect(forced.status == 0)
        #expect(forced.stdout == quiet.stdout)
        // Each redraw starts with \r and may be padded with spaces over a longer previous line.
        #expect(forced.stderr.hasPrefix("\r"))
        let drawn = forced.stderr.split(separator: "\r")
        let last = try #require(drawn.last)
        #expect(last.wholeMatch(of: /300 rows in [0-9.]+ s, [0-9.]+ rows\/s *\n/) != nil, "final line: \(last)")
        for line in drawn.dropLast() {
            // The input is a file: its size is known, so every line in between has a percentage and an ETA.
            #expect(line.wholeMatch(of: /[0-9]+ rows?, [0-9.]+ rows\/s, [0-9.]+%, ETA [0-9:]+ */) != nil, "progress line: \(line)")
        }
    }

    @Test func noProgressSilencesItAgain() throws {
        let run = try Canonym.run(["match", "--progress", "--no-progress"], stdin: "Moscou\n")
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
    }
}
