import ArgumentParser
import Foundation
import Testing
@testable import CanonymCLI

@Suite struct TrailingOperandsTests {
    @Test func operandsAfterTheLastOptionAndItsValueAreSetAside() {
        let split = TrailingOperands.split(["scan", "--jobs", "2", "a.txt", "b.txt", "c.txt"])
        #expect(split.parsed == ["scan", "--jobs", "2"])
        #expect(split.operands == ["a.txt", "b.txt", "c.txt"])
        // A flag's next argument is an operand, kept for the parser like an option's value.
        #expect(TrailingOperands.split(["match", "--with-defaults", "a", "b"]).operands == ["b"])
        // Standard input's "-" is an operand, not an option.
        #expect(TrailingOperands.split(["scan", "--jobs", "1", "-", "a"]).operands == ["-", "a"])
        // Without options, the command's names and an operand stay.
        #expect(TrailingOperands.split(["gazetteer", "check", "a", "b"]) == (["gazetteer", "check", "a"], ["b"]))
        #expect(TrailingOperands.split(["scan", "a"]) == (["scan", "a"], []))
        // After `--`, an operand may look like an option: all goes to the parser.
        #expect(TrailingOperands.split(["scan", "--", "-a", "b", "c"]).operands.isEmpty)
    }

    /// Parsing with the operands set aside gives the command the same files in the same order,
    /// whichever command and wherever the options stand.
    @Test(arguments: [
        ["scan", "--jobs", "2", "F0", "F1", "F2", "F3"],
        ["scan", "F0", "F1", "--context", "10", "F2", "F3"],
        ["normalize-text", "--mode", "annotate", "F0", "F1", "F2"],
        ["match", "--format", "tsv", "F0", "F1", "F2", "F3"],
        ["match", "F0", "F1", "F2"],
    ])
    func givesTheCommandTheFilesTheParserWould(template: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var arguments = template
        for k in arguments.indices where arguments[k].hasPrefix("F") {
            arguments[k] = try directory.write("\(arguments[k]).txt", "Moscou\n").path
        }
        func files(_ command: ParsableCommand) -> [String]? {
            (command as? ScanCommand)?.inputs.files ?? (command as? NormalizeTextCommand)?.inputs.files ?? (command as? MatchCommand)?.files
        }
        let whole = try CanonymCommand.parseAsRoot(arguments)
        let split = try #require(TrailingOperands.parseSettingAside(arguments, as: CanonymCommand.self))
        #expect(type(of: split) == type(of: whole))
        #expect(files(split) == files(whole))
        #expect(files(split)?.count == template.filter { $0.hasPrefix("F") }.count)
    }

    @Test func aMissingTrailingFileIsReportedAsTheParserReportsIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let present = try directory.write("present.txt", "Moscou\n").path
        let missing = directory.url.appendingPathComponent("missing.txt").path
        let arguments = ["scan", "--jobs", "1", present, present, missing]
        let expected = Result { try CanonymCommand.parseAsRoot(arguments) }
        #expect(TrailingOperands.parseSettingAside(arguments, as: CanonymCommand.self) == nil)
        let got = Result { try TrailingOperands.parse(arguments, as: CanonymCommand.self) }
        guard case .failure(let expectedError) = expected, case .failure(let error) = got else {
            Issue.record("both parses should fail")
            return
        }
        #expect(CanonymCommand.message(for: error) == CanonymCommand.message(for: expectedError))
        #expect(CanonymCommand.message(for: error).contains("the input file \"\(missing)\" does not exist"))
    }

    /// End to end: many files after the options scan as the same files listed with --files-from.
    @Test func manyFileArgumentsScanAsTheirList() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try (0..<300).map { try directory.write("a\($0).txt", "M. Tokaïev a reçu à Tachkent l’envoyé Jean Dupont \($0).\n").path }
        let list = try directory.write("list.txt", paths.joined(separator: "\n") + "\n")
        let asArguments = try Canonym.run(["scan", "--jobs", "2"] + paths)
        let asList = try Canonym.run(["scan", "--jobs", "2", "--files-from", list.path])
        #expect(asArguments.status == 0, "\(asArguments.stderr)")
        #expect(asArguments.stdout == asList.stdout)
        #expect(try asArguments.records().count == 3 * paths.count)
    }
}
