import Canonym
import Foundation
import Testing

/// Reads a TSV text as the file "test.tsv".
private func read(_ text: String) -> (entities: [Entity], issues: [GazetteerIssue]) {
    GazetteerReader.read(Array(text.utf8), file: "test.tsv")
}

private func errors(_ issues: [GazetteerIssue]) -> [GazetteerIssue] { issues.filter { $0.severity == .error } }
private func warnings(_ issues: [GazetteerIssue]) -> [GazetteerIssue] { issues.filter { $0.severity == .warning } }

@Suite struct GazetteerReaderTests {
    // MARK: Well-formed files

    @Test func readsEveryKnownColumn() throws {
        let (entities, issues) = read("""
            id\tcanonical\ttype\taliases\tcountry\tweight
            geonames:1512569\tTashkent\tplace\tTachkent|Taschkent|Ташкент\tuz\t1978028

            """)
        #expect(issues.isEmpty)
        let tashkent = try #require(entities.first)
        #expect(entities.count == 1)
        #expect(tashkent.id == "geonames:1512569")
        #expect(tashkent.canonical == "Tashkent")
        #expect(tashkent.type == .place)
        #expect(tashkent.aliases == ["Tachkent", "Taschkent", "Ташкент"])
        #expect(tashkent.country == "UZ", "country codes are upper-cased")
        #expect(tashkent.weight == 1_978_028)
        #expect(tashkent.attributes.isEmpty)
        #expect(tashkent.location == SourceLocation(file: "test.tsv", line: 2, column: 1))
    }

    @Test func optionalColumnsDefault() throws {
        let (entities, issues) = read("canonical\tid\nTashkent\tc:1\n")
        #expect(issues.isEmpty)
        let entity = try #require(entities.first)
        #expect(entity.id == "c:1", "columns are found by name, in any order")
        #expect(entity.type == .other)
        #expect(entity.aliases.isEmpty)
        #expect(entity.country == nil)
        #expect(entity.weight == 0)
    }

    @Test func commentsAndBlankLinesAreSkippedButCounted() throws {
        let (entities, issues) = read("# a comment\n\n   \n\t\nid\tcanonical\n# another\n\nc:1\tTashkent\n")
        #expect(issues.isEmpty)
        #expect(entities.map(\.id) == ["c:1"])
        #expect(entities.first?.location?.line == 8)
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let (entities, issues) = GazetteerReader.read([0xEF, 0xBB, 0xBF] + Array("id\tcanonical\nc:1\tTashkent\n".utf8), file: "bom.tsv")
        #expect(issues.isEmpty)
        #expect(entities.first?.id == "c:1")
        #expect(entities.first?.location == SourceLocation(file: "bom.tsv", line: 2, column: 1))
    }

    @Test func crlfLineEndingsAreAccepted() throws {
        let (entities, issues) = read("id\tcanonical\taliases\r\nc:1\tTashkent\tTachkent|Toshkent\r\n")
        #expect(issues.isEmpty)
        #expect(entities.first?.canonical == "Tashkent")
        #expect(entities.first?.aliases == ["Tachkent", "Toshkent"], "no carriage return left on the last cell")
    }

    @Test func lastLineWithoutNewlineIsRead() {
        #expect(read("id\tcanonical\nc:1\tTashkent").entities.map(\.canonical) == ["Tashkent"])
    }

    @Test func extraColumnsAreKeptAsAttributes() throws {
        let (entities, issues) = read("id\tcanonical\trole\twikidata\nc:1\tTashkent\tcapital of Uzbekistan\t\n")
        #expect(issues.isEmpty)
        #expect(entities.first?.attributes == ["role": "capital of Uzbekistan"], "empty cells add no attribute")
    }

    @Test func typeIsCaseInsensitive() {
        #expect(read("id\tcanonical\ttype\nc:1\tTashkent\tPlace\n").entities.first?.type == .place)
    }

    @Test func shortRowsLeaveTheMissingCellsEmpty() {
        let (entities, issues) = read("id\tcanonical\ttype\taliases\nc:1\tTashkent\n")
        #expect(issues.isEmpty)
        #expect(entities.first?.type == .other)
        #expect(entities.first?.aliases == [])
    }

    // MARK: Aliases

    @Test func aliasesAreSplitOnBarsAndTrimmed() {
        let (entities, issues) = read("id\tcanonical\taliases\nc:1\tTashkent\t Tachkent | Taschkent \n")
        #expect(issues.isEmpty)
        #expect(entities.first?.aliases == ["Tachkent", "Taschkent"])
    }

    @Test func emptyAliasIsAWarningAtItsColumn() throws {
        // "c:1\tTashkent\t" is 13 characters: the aliases cell starts at column 14.
        let (entities, issues) = read("id\tcanonical\taliases\nc:1\tTashkent\tTachkent||Toshkent|\n")
        #expect(errors(issues).isEmpty)
        #expect(entities.first?.aliases == ["Tachkent", "Toshkent"])
        let found = warnings(issues)
        #expect(found.count == 2)
        #expect(found.map(\.location) == [
            SourceLocation(file: "test.tsv", line: 2, column: 23), // between the two bars
            SourceLocation(file: "test.tsv", line: 2, column: 33), // after the last bar
        ])
        #expect(found.allSatisfy { $0.message.contains("empty alias") })
    }

    @Test func repeatedAliasIsAWarningAndKeptOnce() {
        let (entities, issues) = read("id\tcanonical\taliases\nc:1\tTashkent\tTachkent|Tashkent|Tachkent\n")
        #expect(errors(issues).isEmpty)
        #expect(warnings(issues).count == 2, "one for repeating the canonical name, one for the repeated alias")
        #expect(entities.first?.aliases == ["Tachkent"])
    }

    /// Repeats among many aliases are found written alike or only canonically equivalent (*é* as
    /// one character or as *e* and a mark), and the first of each is kept in its place.
    @Test func repeatsAmongManyAliasesAreFoundAsAmongFew() {
        let distinct = (1...12).map { "Alias\($0)" } + ["Orléans"]
        let repeated = distinct + ["Alias2", "Alias12", "Orle\u{301}ans", "Tashkent"]
        let (entities, issues) = read("id\tcanonical\taliases\nc:1\tTashkent\t\(repeated.joined(separator: "|"))\n")
        #expect(warnings(issues).count == 4)
        #expect(entities.first?.aliases == distinct)
    }

    @Test func invalidCountryIsAWarningAndIgnored() throws {
        let (entities, issues) = read("id\tcanonical\tcountry\nc:1\tTashkent\tUzbekistan\n")
        #expect(entities.first?.country == nil)
        let warning = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: "test.tsv", line: 2, column: 14))
        #expect(warning.message.contains("\"Uzbekistan\""))
    }

    // MARK: Errors, located to the cell

    @Test(arguments: [
        // id missing: the header's columns are listed.
        ("name\tcanonical\n", "the header has no \"id\" column; it has: name, canonical"),
        // canonical missing.
        ("id\tname\ttype\n", "the header has no \"canonical\" column; it has: id, name, type"),
    ])
    func missingRequiredColumnIsAnErrorListingTheColumns(text: String, message: String) throws {
        let (entities, issues) = read(text + "c:1\tTashkent\n")
        #expect(entities.isEmpty)
        let error = try #require(errors(issues).first)
        #expect(error.description == "test.tsv:1:1: error: \(message)")
    }

    @Test func headerAfterCommentsIsLocatedOnItsOwnLine() throws {
        let (_, issues) = read("# comment\n\nname\tcanonical\n")
        #expect(try #require(issues.first).location == SourceLocation(file: "test.tsv", line: 3, column: 1))
    }

    @Test func fileWithoutHeaderIsAnError() throws {
        let (entities, issues) = read("# only comments\n\n")
        #expect(entities.isEmpty)
        let error = try #require(errors(issues).first)
        #expect(error.message.contains("no header"))
        #expect(error.location.file == "test.tsv")
    }

    @Test func columnNamedTwiceIsAnError() throws {
        let (_, issues) = read("id\tcanonical\tid\nc:1\tTashkent\tc:2\n")
        let error = try #require(errors(issues).first)
        #expect(error.location == SourceLocation(file: "test.tsv", line: 1, column: 14))
        #expect(error.message.contains("\"id\" appears twice"))
    }

    @Test func emptyIdIsAnErrorAtColumnOne() throws {
        let (entities, issues) = read("id\tcanonical\n\tTashkent\n")
        #expect(entities.isEmpty)
        #expect(errors(issues).map(\.description) == ["test.tsv:2:1: error: the id is empty"])
    }

    @Test func blankIdIsEmptyToo() {
        #expect(errors(read("id\tcanonical\n  \tTashkent\n").issues).map(\.message) == ["the id is empty"])
    }

    @Test func emptyCanonicalIsAnErrorAtItsCell() {
        // "city:a\t" is 7 characters: the canonical cell starts at column 8.
        let (entities, issues) = read("id\tcanonical\tweight\ncity:a\t\t5\n")
        #expect(entities.isEmpty)
        #expect(errors(issues).map(\.description) == ["test.tsv:2:8: error: the canonical name is empty"])
    }

    @Test func missingCanonicalCellIsAnErrorJustPastTheRow() {
        // The row "c:1" has one cell; the canonical cell would start at column 5.
        #expect(errors(read("id\tcanonical\nc:1\n").issues).map(\.location.column) == [5])
    }

    @Test func moreCellsThanHeaderIsAnErrorAtTheFirstExtraCell() {
        let (entities, issues) = read("id\tcanonical\nc:1\tTashkent\tstray\n")
        #expect(entities.isEmpty)
        #expect(errors(issues).map(\.description) == ["test.tsv:2:14: error: the row has 3 cells but the header has 2 columns"])
    }

    @Test(arguments: [
        "abc",    // not a number
        "-5",     // negative
        "1,5",    // decimal comma
        "nan",    // not finite
        "inf",    // not finite
        "12 000", // grouping space
    ])
    func malformedWeightIsAnErrorAtItsCell(weight: String) throws {
        // "c:1\tTashkent\t" is 13 characters: the weight cell starts at column 14.
        let (entities, issues) = read("id\tcanonical\tweight\nc:1\tTashkent\t\(weight)\n")
        #expect(entities.isEmpty)
        let error = try #require(errors(issues).first)
        #expect(errors(issues).count == 1)
        #expect(error.location == SourceLocation(file: "test.tsv", line: 2, column: 14))
        #expect(error.message == "the weight \"\(weight)\" is not a non-negative number")
    }

    @Test(arguments: [
        ("0", 0.0),           // zero
        ("1978028", 1_978_028), // a population
        ("0.25", 0.25),       // a fraction
        ("1e3", 1_000),       // exponent notation
        ("", 0),              // empty: the default
    ])
    func validWeightIsRead(text: String, weight: Double) {
        let (entities, issues) = read("id\tcanonical\tweight\nc:1\tTashkent\t\(text)\n")
        #expect(issues.isEmpty)
        #expect(entities.first?.weight == weight)
    }

    @Test func unknownTypeIsAnErrorListingTheTypes() throws {
        let (entities, issues) = read("id\tcanonical\ttype\nc:1\tTashkent\tcity\n")
        #expect(entities.isEmpty)
        let error = try #require(errors(issues).first)
        #expect(error.location == SourceLocation(file: "test.tsv", line: 2, column: 14))
        #expect(error.message.contains("\"city\""))
        for type in EntityType.allCases { #expect(error.message.contains(type.rawValue)) }
    }

    @Test(arguments: [
        // A lone continuation byte after "ab\t" (3 characters): column 4.
        ([0x61, 0x62, 0x09, 0x80], 4),
        // After "c:é\t" (4 characters, 5 bytes): an invalid lead byte at column 5.
        (Array("c:é\t".utf8) + [0xFF, 0x41], 5),
        // A two-byte sequence cut short by an ASCII letter: column of its lead byte.
        (Array("Tash".utf8) + [0xC3, 0x41], 5),
        // Invalid byte first: column 1.
        ([0xFE], 1),
    ] as [([UInt8], Int)])
    func invalidUTF8IsAnErrorAtTheBadByte(line: [UInt8], column: Int) throws {
        let bytes = Array("id\tcanonical\nc:1\tTashkent\n".utf8) + line + Array("\nc:2\tSamarkand\n".utf8)
        let (entities, issues) = GazetteerReader.read(bytes, file: "bad.tsv")
        #expect(entities.map(\.id) == ["c:1", "c:2"], "the other rows are still read")
        #expect(errors(issues).map(\.description) == ["bad.tsv:3:\(column): error: the line is not valid UTF-8"])
    }

    @Test func everyErrorIsReportedNotOnlyTheFirst() {
        let (entities, issues) = read("""
            id\tcanonical\ttype\tweight
            \tTashkent\tplace\t1
            c:2\tSamarkand\tcity\t1
            c:3\tBukhara\tplace\t-1
            c:4\tKhiva\tplace\t1

            """)
        #expect(entities.map(\.id) == ["c:4"])
        #expect(errors(issues).map(\.location.line) == [2, 3, 4])
    }

    @Test func rowWithSeveralProblemsReportsEachCell() {
        let (_, issues) = read("id\tcanonical\ttype\tweight\nc:1\t\tcity\tx\n")
        #expect(errors(issues).map(\.location.column) == [5, 6, 11])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // "ид:1\tТашкент\t" is 13 characters (21 bytes): the weight cell starts at column 14.
        let (_, issues) = read("id\tcanonical\tweight\nид:1\tТашкент\tx\n")
        #expect(try #require(issues.first).location.column == 14)
    }

    @Test func missingFileIsAnErrorNamingTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("canonym-no-such-\(UUID().uuidString).tsv").path
        let (entities, issues) = GazetteerReader.read(contentsOf: path)
        #expect(entities.isEmpty)
        let error = try #require(issues.first)
        #expect(error.severity == .error)
        #expect(error.location.file == path)
        #expect(error.message.contains("does not exist"))
    }

    @Test func fileOnDiskIsReadWithItsPathInLocations() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("canonym-\(UUID().uuidString).tsv")
        try Data("id\tcanonical\nc:1\tTashkent\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let (entities, issues) = GazetteerReader.read(contentsOf: url.path)
        #expect(issues.isEmpty)
        #expect(entities.first?.location == SourceLocation(file: url.path, line: 2, column: 1))
    }

    @Test func issueDescriptionIsTheCompilerForm() {
        let issue = GazetteerIssue(.warning, at: SourceLocation(file: "a.tsv", line: 3, column: 7), "something")
        #expect(issue.description == "a.tsv:3:7: warning: something")
    }
}
