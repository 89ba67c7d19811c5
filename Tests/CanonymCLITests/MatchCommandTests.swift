import Foundation
import Testing

/// A gazetteer with canonical forms and one alias; nothing from the shipped defaults.
private let gazetteerTSV = """
    id\tcanonical\ttype\taliases\tcountry\tweight
    place:tashkent\tTashkent\tplace\t\tUZ\t2500000
    place:moscow-test\tMoskva\tplace\tMoskau\tRU\t13000000
    person:putin\tVladimir Putin\tperson\t\tRU\t10

    """

/// A temporary directory holding `gazetteer.tsv`, removed at the end of `body`.
private func withGazetteer<T>(_ tsv: String = gazetteerTSV, _ body: (TemporaryDirectory, String) throws -> T) throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try body(directory, try directory.write("gazetteer.tsv", tsv).path)
}

private func string(_ record: [String: Any], _ key: String) -> String? { record[key] as? String }
private func isNull(_ record: [String: Any], _ key: String) -> Bool { record[key] is NSNull }

@Suite struct MatchCommandTests {
    // MARK: The JSON Lines contract

    @Test func equalScoresFallTheSameWayOnEveryRun() throws {
        // Two spellings that fold alike and score alike: the one listed first must win, every run
        // (hash-seeded iteration once made the choice vary between processes).
        let tsv = "id\tcanonical\ttype\taliases\nplace:kuantsun\tKuan Village\tplace\tKuan-ts\u{2019}un|Kuan-ts'un|Kuan-ts`un\n"
        try withGazetteer(tsv) { _, gazetteer in
            var matched = Set<String>()
            for _ in 0..<4 {
                let run = try Canonym.run(["match", "--gazetteer", gazetteer], stdin: "Kuantsunn\n")
                let record = try #require(try run.records().first)
                #expect(string(record, "status") == "fuzzy")
                matched.insert(string(record, "matched") ?? "")
            }
            #expect(matched == ["Kuan-ts\u{2019}un"])
        }
    }


    @Test func writesOneRecordPerStdinLineInOrder() throws {
        try withGazetteer { _, gazetteer in
            let run = try Canonym.run(["match", "--gazetteer", gazetteer], stdin: "Tashkent\nPoutine\nJean Dupont\nMoskau\n")
            #expect(run.status == 0)
            #expect(run.stderr.isEmpty)
            let records = try run.records()
            #expect(records.map { string($0, "input") } == ["Tashkent", "Poutine", "Jean Dupont", "Moskau"])
            #expect(records.map { string($0, "status") } == ["exact", "fuzzy", "unknown", "alias"])
            #expect(records.map { string($0, "id") } == ["place:tashkent", "person:putin", nil, "place:moscow-test"])
            #expect(records.map { string($0, "canonical") } == ["Tashkent", "Vladimir Putin", nil, "Moskva"])
            for record in records {
                for key in ["input", "status", "id", "canonical", "score"] {
                    #expect(record.keys.contains(key), "\(key) missing from \(record)")
                }
            }
            // Scores: 1 for exact and alias, within (0, 1) for fuzzy, null when unknown.
            #expect((records[0]["score"] as? Double) == 1)
            let fuzzy = try #require(records[1]["score"] as? Double)
            #expect(fuzzy > 0 && fuzzy < 1)
            #expect(isNull(records[2], "score") && isNull(records[2], "id") && isNull(records[2], "canonical"))
            #expect((records[3]["score"] as? Double) == 1)
        }
    }

    @Test func readsAFileArgument() throws {
        try withGazetteer { directory, gazetteer in
            let names = try directory.write("names.txt", "Poutine\nTashkent\n")
            let run = try Canonym.run(["match", "--gazetteer", gazetteer, names.path])
            #expect(run.status == 0)
            #expect(try run.records().map { string($0, "id") } == ["person:putin", "place:tashkent"])
        }
    }

    @Test func readsSeveralFilesOneAfterTheOther() throws {
        try withGazetteer { directory, gazetteer in
            let first = try directory.write("a.txt", "Poutine\nTashkent\n")
            let second = try directory.write("b.txt", "Moskau")
            let run = try Canonym.run(["match", "--gazetteer", gazetteer, first.path, second.path])
            #expect(run.status == 0)
            #expect(try run.records().map { string($0, "input") } == ["Poutine", "Tashkent", "Moskau"])
        }
    }

    @Test func dashReadsStandardInput() throws {
        try withGazetteer { _, gazetteer in
            let run = try Canonym.run(["match", "--gazetteer", gazetteer, "-"], stdin: "Tashkent\n")
            #expect(try run.records().map { string($0, "status") } == ["exact"])
        }
    }

    // MARK: Lines as read

    @Test func crlfLineEndingsAreNotPartOfTheInput() throws {
        try withGazetteer { _, gazetteer in
            let run = try Canonym.run(["match", "--gazetteer", gazetteer], stdin: "Tashkent\r\nPoutine\r\n")
            let records = try run.records()
            #expect(records.map { string($0, "input") } == ["Tashkent", "Poutine"])
            #expect(records.map { string($0, "status") } == ["exact", "fuzzy"])
        }
    }

    @Test func lastLineWithoutNewlineIsMatched() throws {
        try withGazetteer { _, gazetteer in
            let run = try Canonym.run(["match", "--gazetteer", gazetteer], stdin: "Poutine\nTashkent")
            #expect(try run.records().map { string($0, "input") } == ["Poutine", "Tashkent"])
        }
    }

    @Test func emptyLinesGetUnknownRecords() throws {
        try withGazetteer { _, gazetteer in
            let run = try Canonym.run(["match", "--gazetteer", gazetteer], stdin: "Tashkent\n\n\nPoutine\n")
            #expect(run.status == 0)
            let records = try run.records()
            #expect(records.map { string($0, "input") } == ["Tashkent", "", "", "Poutine"])
            #expect(records.map { string($0, "status") } == ["exact", "unknown", "unknown", "fuzzy"])
        }
    }

    @Test func emptyInputGivesNoOutput() throws {
        try withGazetteer { _, gazetteer in
            let run = try Canonym.run(["match", "--gazetteer", gazetteer], stdin: "")
            #expect(run.status == 0)
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func inputIsEscapedInJSON() throws {
        try withGazetteer { _, gazetteer in
            let run = try Canonym.run(["match", "--gazetteer", gazetteer], stdin: "Say \"Tashkent\"\\\tnow\n")
            #expect(try run.records().map { string($0, "input") } == ["Say \"Tashkent\"\\\tnow"])
        }
    }

    // MARK: Unreadable lines

    @Test func invalidUTF8LineGetsAnErrorRecordInPlace() throws {
        try withGazetteer { _, gazetteer in
            // Line 2 is "Ab" with a stray 0xFF after the A: column 2.
            let input = Data("Tashkent\n".utf8) + Data([0x41, 0xFF, 0x62, 0x0A]) + Data("Poutine\n".utf8)
            let run = try Canonym.run(["match", "--gazetteer", gazetteer], stdin: input)
            #expect(run.status == 1)
            let records = try run.records()
            #expect(records.map { string($0, "status") } == ["exact", "error", "fuzzy"])
            #expect(string(records[1], "message")?.contains("UTF-8") == true)
            #expect(isNull(records[1], "id") && isNull(records[1], "score"))
            #expect(run.stderrLines.map(String.init) == ["<stdin>:2:2: error: the line is not valid UTF-8"])
        }
    }

    @Test func invalidUTF8InAFileIsReportedWithThePath() throws {
        try withGazetteer { directory, gazetteer in
            let names = try directory.write("names.txt", Data("Tashkent\nPoutine\nД".utf8) + Data([0xD0]) + Data("\n".utf8))
            let run = try Canonym.run(["match", "--gazetteer", gazetteer, names.path])
            #expect(run.status == 1)
            #expect(try run.records().map { string($0, "status") } == ["exact", "fuzzy", "error"])
            // "Д" is one character: the cut-off two-byte sequence starts at column 2.
            #expect(run.stderr.contains("\(names.path):3:2: error:"))
        }
    }

    @Test func overlongLineGetsAnErrorRecordInPlace() throws {
        try withGazetteer { _, gazetteer in
            let long = String(repeating: "x", count: 30)
            let run = try Canonym.run(["match", "--gazetteer", gazetteer, "--max-line-bytes", "20"], stdin: "Tashkent\n\(long)\nPoutine\n")
            #expect(run.status == 1)
            let records = try run.records()
            #expect(records.count == 3)
            #expect(records.map { string($0, "status") } == ["exact", "error", "fuzzy"])
            #expect(string(records[1], "message")?.contains("20 bytes") == true)
            #expect(run.stderr.contains("<stdin>:2:21: error:"))
        }
    }

    @Test func lineOfExactlyTheLimitIsRead() throws {
        try withGazetteer { _, gazetteer in
            let run = try Canonym.run(["match", "--gazetteer", gazetteer, "--max-line-bytes", "8"], stdin: "Tashkent\n")
            #expect(run.status == 0)
            #expect(try run.records().map { string($0, "status") } == ["exact"])
        }
    }

    // MARK: Formats and extra keys

    @Test func tsvFormatWritesAHeaderAndOneRowPerLine() throws {
        try withGazetteer { _, gazetteer in
            let run = try Canonym.run(["match", "--gazetteer", gazetteer, "--format", "tsv"], stdin: "Tashkent\nJean Dupont\nPoutine\n")
            #expect(run.status == 0)
            let rows = run.stdoutLines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            #expect(rows.count == 4)
            let header = try #require(rows.first)
            #expect(Array(header.prefix(5)) == ["input", "status", "id", "canonical", "score"])
            #expect(rows.allSatisfy { $0.count == header.count })
            #expect(rows[1].prefix(5) == ["Tashkent", "exact", "place:tashkent", "Tashkent", "1"])
            #expect(rows[2].prefix(5) == ["Jean Dupont", "unknown", "", "", ""])
            #expect(rows[3].prefix(4) == ["Poutine", "fuzzy", "person:putin", "Vladimir Putin"])
        }
    }

    @Test func candidatesAndExplanationAreAddedWhenAskedFor() throws {
        try withGazetteer { _, gazetteer in
            let run = try Canonym.run(["match", "--gazetteer", gazetteer, "--candidates", "2", "--explain"], stdin: "Poutine\n")
            #expect(run.status == 0)
            let record = try #require(try run.records().first)
            let candidates = try #require(record["candidates"] as? [[String: Any]])
            #expect((1...2).contains(candidates.count))
            #expect(string(candidates[0], "id") == "person:putin")
            for candidate in candidates {
                #expect(candidate["canonical"] is String && candidate["score"] is Double)
            }
            let explanation = try #require(record["explanation"] as? [String])
            #expect(explanation.contains { $0.contains("ou→u") })
        }
    }

    @Test func noCandidatesOrExplanationByDefault() throws {
        try withGazetteer { _, gazetteer in
            let record = try #require(try Canonym.run(["match", "--gazetteer", gazetteer], stdin: "Poutine\n").records().first)
            #expect(record["candidates"] == nil && record["explanation"] == nil)
        }
    }

    @Test func thresholdOptionChangesTheDecision() throws {
        try withGazetteer { _, gazetteer in
            let run = try Canonym.run(["match", "--gazetteer", gazetteer, "--threshold", "0.99"], stdin: "Poutine\nTashkent\n")
            #expect(try run.records().map { string($0, "status") } == ["unknown", "exact"])
        }
    }

    // MARK: Gazetteers

    @Test func brokenGazetteerExitsWithTwoAndLocatedErrors() throws {
        try withGazetteer("id\tcanonical\tweight\n\tTashkent\t1\nc:2\tSamarkand\t-4\n") { _, gazetteer in
            let run = try Canonym.run(["match", "--gazetteer", gazetteer], stdin: "Tashkent\n")
            #expect(run.status == 2)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("\(gazetteer):2:1: error: the id is empty"))
            #expect(run.stderr.contains("\(gazetteer):3:15: error:"))
        }
    }

    @Test func missingGazetteerFileExitsWithTwo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("nope.tsv").path
        let run = try Canonym.run(["match", "--gazetteer", path], stdin: "Tashkent\n")
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(path):1:1: error:"))
    }

    @Test func missingInputFileIsAUsageErrorBeforeAnyOutput() throws {
        try withGazetteer { directory, gazetteer in
            let missing = directory.url.appendingPathComponent("missing.txt").path
            let names = try directory.write("names.txt", "Tashkent\n")
            let run = try Canonym.run(["match", "--gazetteer", gazetteer, names.path, missing])
            // README: "64 means a usage error, such as an input file that does not exist (checked
            // before any output is written)".
            #expect(run.status == 64)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains(missing) && run.stderr.contains("does not exist"))
        }
    }

    @Test func shippedGazetteersAreUsedWithoutGazetteerOption() throws {
        let run = try Canonym.run(["match"], stdin: "Tachkent\nMoscou\n")
        #expect(run.status == 0)
        #expect(try run.records().map { string($0, "canonical") } == ["Tashkent", "Moscow"])
    }

    @Test func givenGazetteerIsTheWholeWorld() throws {
        try withGazetteer { _, gazetteer in
            // Moscow is in the shipped data, not in the given file.
            let alone = try Canonym.run(["match", "--gazetteer", gazetteer], stdin: "Moscow\nTachkent\n")
            #expect(try alone.records().map { string($0, "status") } == ["unknown", "fuzzy"])
            let withDefaults = try Canonym.run(["match", "--gazetteer", gazetteer, "--with-defaults"], stdin: "Moscow\nTashkent\n")
            let records = try withDefaults.records()
            #expect(string(records[0], "canonical") == "Moscow")
            #expect(string(records[0], "status") == "exact")
            #expect(records[1]["status"] != nil)
        }
    }

    @Test func severalGazetteersAreMerged() throws {
        try withGazetteer { directory, gazetteer in
            let more = try directory.write("more.tsv", "id\tcanonical\ttype\nplace:samarkand\tSamarkand\tplace\n")
            let run = try Canonym.run(["match", "--gazetteer", gazetteer, "--gazetteer", more.path], stdin: "Samarkand\nTashkent\n")
            #expect(try run.records().map { string($0, "id") } == ["place:samarkand", "place:tashkent"])
        }
    }

    // MARK: Streaming

    @Test func streamsManyLinesInOrder() throws {
        try withGazetteer("id\tcanonical\ttype\nplace:tashkent\tTashkent\tplace\n") { directory, gazetteer in
            // Debug builds match about 10 000 short lines a second with other tests running: 100 000
            // lines keep this test near 10 s.
            let count = 100_000
            var text = ""
            text.reserveCapacity(count * 8)
            for index in 0..<count { text += index % 1000 == 0 ? "Tashkent\n" : "n\(index)\n" }
            let names = try directory.write("many.txt", text)
            let run = try Canonym.run(["match", "--gazetteer", gazetteer, names.path])
            #expect(run.status == 0)
            let lines = run.stdoutLines
            #expect(lines.count == count)
            let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
            let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
            let last = try JSONSerialization.jsonObject(with: Data(lines[count - 1].utf8)) as? [String: Any]
            #expect(first.flatMap { string($0, "status") } == "exact")
            #expect(second.flatMap { string($0, "input") } == "n1")
            #expect(last.flatMap { string($0, "input") } == "n\(count - 1)")
        }
    }
}
