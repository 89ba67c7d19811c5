import Foundation
import Testing

@Suite struct GazetteerCommandTests {
    @Test func goodFilePassesWithASummary() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("good.tsv", """
            id\tcanonical\ttype\taliases
            place:tashkent\tTashkent\tplace\tTachkent|Toshkent
            place:samarkand\tSamarkand\tplace\t

            """)
        let run = try Canonym.run(["gazetteer", "check", file.path])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdoutLines.map(String.init) == ["2 entities, 4 names; 0 warnings"])
    }

    @Test func warningsArePrintedButDoNotFail() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("shared.tsv", "id\tcanonical\taliases\na\tGeorgia\t\nb\tGeorgia State\tGeorgia|\n")
        let run = try Canonym.run(["gazetteer", "check", file.path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("\(file.path):3:1: warning:"), "the shared name, at the later entity")
        // "b\tGeorgia State\t" is 16 characters; "Georgia|" 8 more: the empty alias is at column 25.
        #expect(run.stderr.contains("\(file.path):3:25: warning: empty alias"))
        #expect(run.stdoutLines.last == "2 entities, 3 names; 2 warnings")

        let quiet = try Canonym.run(["gazetteer", "check", "--quiet", file.path])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
    }

    @Test func badFileFailsListingEveryError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("bad.tsv", "id\tcanonical\ttype\n\tTashkent\tplace\nc:2\tSamarkand\tcity\nc:3\tBukhara\tplace\n")
        let run = try Canonym.run(["gazetteer", "check", file.path])
        #expect(run.status == 1)
        let lines = run.stderrLines.map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first == "\(file.path):2:1: error: the id is empty")
        #expect(lines.last?.hasPrefix("\(file.path):3:15: error: unknown type \"city\"") == true)
        #expect(run.stdoutLines.map(String.init) == ["2 errors, 0 warnings"])
    }

    @Test func filesAreCheckedTogether() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.write("a.tsv", "id\tcanonical\nc:1\tTashkent\n")
        let second = try directory.write("b.tsv", "id\tcanonical\nc:1\tSamarkand\n")
        let run = try Canonym.run(["gazetteer", "check", first.path, second.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(second.path):2:1: error: duplicate id \"c:1\" (first defined at \(first.path):2:1)"))
    }

    @Test func missingFileFails() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("nope.tsv").path
        let run = try Canonym.run(["gazetteer", "check", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(path):1:1: error:"))
    }

    @Test func withoutFilesTheShippedGazetteersAreChecked() throws {
        let run = try Canonym.run(["gazetteer", "check", "--quiet"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains(" entities, "))
    }

    // MARK: compile

    @Test func compiledGazetteerMatchesLikeItsTSVAndIsUsedAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tsv = try directory.write("places.tsv", """
            id\tcanonical\ttype\taliases\tcountry\tweight
            place:tashkent\tTashkent\tplace\tTachkent|Ташкент\tUZ\t2500000
            place:moscow\tMoscow\tplace\tMoscou|Москва\tRU\t13000000

            """)
        let compiled = directory.url.appendingPathComponent("places.canonym").path
        let compile = try Canonym.run(["gazetteer", "compile", tsv.path, "-o", compiled])
        #expect(compile.status == 0)
        #expect(compile.stderr.contains("2 entities, 6 names"))
        let mode = try FileManager.default.attributesOfItem(atPath: compiled)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o044 } == 0o044, "readable like any new file, not private to its writer")

        let names = "Tashkent\nTachkend\nМосква\nMoskou\nParis\n"
        let fromTSV = try Canonym.run(["match", "--gazetteer", tsv.path], stdin: names)
        let fromCompiled = try Canonym.run(["match", "--gazetteer", compiled], stdin: names)
        #expect(fromCompiled.status == 0)
        #expect(fromCompiled.stdout == fromTSV.stdout)
        #expect(fromCompiled.stdoutLines.count == 5)

        let check = try Canonym.run(["gazetteer", "check", compiled])
        #expect(check.status == 0)
        #expect(check.stdoutLines.map(String.init) == ["2 entities, 6 names (compiled)"])

        let mixed = try Canonym.run(["match", "--gazetteer", compiled, "--gazetteer", tsv.path], stdin: names)
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("is used alone"))
        #expect(mixed.stdout.isEmpty)
    }

    @Test func damagedCompiledGazetteerIsRefusedByName() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tsv = try directory.write("people.tsv", "id\tcanonical\ttype\nperson:a\tAnna Karenina\tperson\n")
        let compiled = directory.url.appendingPathComponent("people.canonym").path
        #expect(try Canonym.run(["gazetteer", "compile", tsv.path, "-o", compiled]).status == 0)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: compiled)))
        bytes[bytes.count - 3] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: compiled))
        let run = try Canonym.run(["match", "--gazetteer", compiled], stdin: "Anna\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(compiled): error: the compiled gazetteer is damaged or truncated; compile it again"))
        #expect(run.stdout.isEmpty)
    }

    @Test func compileStopsAtGazetteerErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tsv = try directory.write("bad.tsv", "id\tcanonical\nx\t\n")
        let compiled = directory.url.appendingPathComponent("bad.canonym").path
        let run = try Canonym.run(["gazetteer", "compile", tsv.path, "-o", compiled])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(tsv.path):2:3: error: the canonical name is empty"))
        #expect(!FileManager.default.fileExists(atPath: compiled))
    }
}
