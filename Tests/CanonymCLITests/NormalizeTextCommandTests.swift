import Foundation
import Testing

@Suite struct NormalizeTextCommandTests {
    @Test func rewritesToStandardOutputOrIntoADirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("a.txt", "Blingen est arrivé à Moscou.\n")
        let run = try Canonym.run(["normalize-text", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Antony Blinken est arrivé à Moscow.\n")

        let out = directory.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let annotated = try Canonym.run(["normalize-text", "--mode", "annotate", "--output-dir", out.path, file.path])
        #expect(annotated.status == 0, "\(annotated.stderr)")
        #expect(annotated.stdout.isEmpty)
        let written = try String(contentsOf: out.appendingPathComponent("a.txt"), encoding: .utf8)
        #expect(written == "Blingen [Antony Blinken] est arrivé à Moscou [Moscow].\n")
    }

    @Test func refusesToOverwriteItsInput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("a.txt", "Moscou.\n")
        let run = try Canonym.run(["normalize-text", "--output-dir", directory.url.path, file.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("would be overwritten"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "Moscou.\n")
    }

    /// Listed files are rewritten like file arguments; a missing one and one that would be
    /// overwritten are reported and skipped, and the others still written.
    @Test func filesFromRewritesTheListedFilesAndReportsTheBadLines() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.write("a.txt", "Blingen est arrivé à Moscou.\n")
        let out = directory.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let inside = out.appendingPathComponent("b.txt")
        try Data("Tachkent.\n".utf8).write(to: inside)
        let second = try directory.write("c.txt", "Puis Kirghizistan.\n")
        let missing = directory.url.appendingPathComponent("missing.txt").path
        let list = try directory.write("list.txt", [first.path, missing, inside.path, "", second.path].joined(separator: "\n") + "\n")

        let run = try Canonym.run(["normalize-text", "--output-dir", out.path, "--files-from", list.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(list.path):2:1: error: the listed file does not exist"), "\(run.stderr)")
        #expect(run.stderr.contains("would be overwritten"), "\(run.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("a.txt"), encoding: .utf8) == "Antony Blinken est arrivé à Moscow.\n")
        #expect(try String(contentsOf: out.appendingPathComponent("c.txt"), encoding: .utf8) == "Puis Kyrgyzstan.\n")
        #expect(try String(contentsOf: inside, encoding: .utf8) == "Tachkent.\n", "a listed file is never overwritten")
    }

    @Test func scanGivesUnknownSpellingsOfOneNameOneClusterAcrossFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.write("1.txt", "Le journaliste Olzhas Auyezov écrit.\n")
        let second = try directory.write("2.txt", "Selon Olzhas Auezov, à Astana.\n")
        let records = try Canonym.run(["scan", first.path, second.path]).records()
        let unknown = records.filter { $0["status"] as? String == "unknown" }
        #expect(unknown.count == 2)
        #expect(Set(unknown.compactMap { $0["cluster"] as? String }) == ["unknown:olzhas-auyezov"])
        #expect(records.filter { $0["status"] as? String != "unknown" }.allSatisfy { $0["cluster"] is NSNull })
    }
}
