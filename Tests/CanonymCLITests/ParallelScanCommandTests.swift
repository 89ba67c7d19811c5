import Foundation
import Testing

/// `scan --jobs N` must not change a byte of the output. `--chunk-bytes 100` (a hidden option)
/// cuts each document into chunks of a line or two, so that many chunks are in flight at once
/// and a document's context must be carried across chunks prepared on different threads.
@Suite struct ParallelScanCommandTests {
    /// Two Blinkens: *Blinken* alone is ambiguous (the first one), after *Donald Blinken* it is his.
    static let gazetteer = """
        id\tcanonical\ttype\taliases
        person:tokayev\tKassym-Jomart Tokayev\tperson\tТоқаев|Tokaïev
        person:antony-blinken\tAntony Blinken\tperson\t
        person:donald-blinken\tDonald Blinken\tperson\t
        city:moscow\tMoscow\tplace\tMoscou|Москва
        city:tashkent\tTashkent\tplace\tTachkent|Ташкент
        city:astana\tAstana\tplace\tАстана

        """

    /// Lines with known, fuzzy, Cyrillic, unknown and surname-only names, and one with none: 7 mentions.
    static func line(_ index: Int) -> String {
        switch index % 4 {
        case 0: "Selon Blinken, la réunion de Tachkent a duré \(index) heures.\n"
        case 1: "Le journaliste Olzhas Auyezov était à Moscou le \(index) mai.\n"
        case 2: "Une phrase sans nom, été comme hiver, numéro \(index).\n"
        default: "Ensuite Togayev est parti vers Москва avec Simon Lewis.\n"
        }
    }

    static let fullNames = "Donald Blinken a reçu Kassym-Jomart Tokaïev à Astana.\n"

    struct Documents {
        let first: URL, bad: URL, third: URL
        var paths: [String] { [first.path, bad.path, third.path] }
    }

    /// The full name, then forty lines; a file whose line 13 is not UTF-8; a document that names
    /// *Blinken* without an earlier full name and spells the unknown *Auyezov* differently.
    func writeDocuments(in directory: TemporaryDirectory) throws -> Documents {
        let first = Self.fullNames + (0..<40).map(Self.line).joined()
        var bad = Data((0..<12).map(Self.line).joined().utf8)
        bad += Data("Un octet ".utf8) + Data([0xFF]) + Data(" au milieu.\n".utf8)
        bad += Data((0..<6).map(Self.line).joined().utf8)
        let third = "Selon Blinken, personne ne sait.\n" + (1..<20).map(Self.line).joined()
            + "Olzhas Auezov est revenu à Astana.\n"
        return Documents(first: try directory.write("first.txt", first), bad: try directory.write("bad.txt", bad),
                         third: try directory.write("third.txt", third))
    }

    /// Every run's stdout, stderr and exit status equal the first's.
    func expectSameAsFirst(_ runs: [CanonymRun], sourceLocation: SourceLocation = #_sourceLocation) {
        for run in runs.dropFirst() {
            #expect(run.status == runs[0].status, sourceLocation: sourceLocation)
            #expect(run.stdout == runs[0].stdout, sourceLocation: sourceLocation)
            #expect(run.stderr == runs[0].stderr, sourceLocation: sourceLocation)
        }
    }

    @Test func mentionsComeOutInDocumentOrderWhateverTheJobs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gazetteer = try directory.write("g.tsv", Self.gazetteer)
        let documents = try writeDocuments(in: directory)
        func scan(_ arguments: [String]) throws -> CanonymRun {
            try Canonym.run(["scan", "--gazetteer", gazetteer.path] + arguments + documents.paths)
        }
        let chunked = try [1, 2, 3].map { try scan(["--jobs", "\($0)", "--chunk-bytes", "100"]) }
        expectSameAsFirst(chunked)
        // Default chunks: one per document, the documents prepared side by side.
        expectSameAsFirst(try [1, 2].map { try scan(["--jobs", "\($0)"]) })

        let run = chunked[0]
        #expect(run.status == 1)
        #expect(run.stderrLines.map(String.init) == ["\(documents.bad.path):13:10: error: the file is not valid UTF-8"])
        let records = try run.records()
        let files = records.map { $0["file"] as? String ?? "?" }
        let firstCount = files.prefix { $0 == documents.first.path }.count
        let badCount = files.dropFirst(firstCount).prefix { $0 == documents.bad.path }.count
        #expect(firstCount == 3 + 10 * 7, "the full names, then 7 mentions per 4 lines")
        #expect(badCount == 3 * 7 + 1, "the mentions of the 12 lines before the bad byte, then the error record")
        #expect(records[firstCount + badCount - 1]["status"] as? String == "error")
        #expect(files.dropFirst(firstCount + badCount).allSatisfy { $0 == documents.third.path })

        // A surname alone resolves to the full name of an earlier chunk of its own document only.
        let blinkens = records.filter { $0["text"] as? String == "Blinken" }
        let inFirst = blinkens.filter { $0["file"] as? String == documents.first.path }
        #expect(inFirst.count == 10)
        #expect(inFirst.allSatisfy { $0["id"] as? String == "person:donald-blinken" && $0["status"] as? String == "fuzzy" })
        let firstChunk = Self.fullNames.unicodeScalars.count  // 55 bytes: a chunk of its own
        #expect(inFirst.compactMap { $0["start"] as? Int }.allSatisfy { $0 >= firstChunk }, "in later chunks")
        let inThird = try #require(blinkens.first { $0["file"] as? String == documents.third.path })
        #expect(inThird["status"] as? String == "ambiguous", "a new document starts without context")
        // Unknown names cluster across the documents of the run, keyed by their first spelling.
        let auezov = try #require(records.first { $0["text"] as? String == "Olzhas Auezov" })
        #expect(auezov["cluster"] as? String == "unknown:olzhas-auyezov")
        // Within each document, text order.
        for path in documents.paths {
            let starts = records.filter { $0["file"] as? String == path }.compactMap { $0["start"] as? Int }
            #expect(starts == starts.sorted())
        }
    }

    @Test func zeroJobsIsRefused() throws {
        let run = try Canonym.run(["scan", "--jobs", "0"], stdin: "Moscou.\n")
        #expect(run.status == 64)
        #expect(run.stderr.contains("--jobs must be 1 or more"))
        #expect(run.stdout.isEmpty)
    }
}
