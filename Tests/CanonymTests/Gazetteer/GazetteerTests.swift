import Canonym
import Testing

@Suite struct GazetteerTests {
    @Test func loadsAndMergesSeveralSourcesInOrder() throws {
        let gazetteer = try Gazetteer.load([
            .text(name: "places.tsv", "id\tcanonical\taliases\nc:tashkent\tTashkent\tTachkent|Ташкент\n"),
            .text(name: "people.tsv", "id\tcanonical\np:putin\tVladimir Putin\n"),
        ])
        #expect(gazetteer.entities.map(\.id) == ["c:tashkent", "p:putin"])
        #expect(gazetteer.entity(id: "p:putin")?.canonical == "Vladimir Putin")
        #expect(gazetteer.entity(id: "p:putin")?.location?.file == "people.tsv")
        #expect(gazetteer.entityIndex(id: "c:tashkent") == 0)
        #expect(gazetteer.entity(id: "nobody") == nil)
        #expect(gazetteer.warnings.isEmpty)
        // One name per canonical form and alias, each folded once.
        #expect(gazetteer.names.map(\.text) == ["Tashkent", "Tachkent", "Ташкент", "Vladimir Putin"])
        #expect(gazetteer.names.map(\.isCanonical) == [true, false, false, true])
        #expect(gazetteer.names.map(\.entity) == [0, 0, 0, 1])
        #expect(gazetteer.names[2].form.tokens == ["tashkent"])
    }

    @Test func nameThatFoldsToNothingIsLeftOut() throws {
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", "id\tcanonical\taliases\nc:1\tTashkent\t—\n")])
        #expect(gazetteer.entity(id: "c:1")?.aliases == ["—"])
        #expect(gazetteer.names.map(\.text) == ["Tashkent"])
    }

    @Test func duplicateIdAcrossFilesNamesTheFirstLocation() throws {
        let error = try #require(throws: GazetteerError.self) {
            try Gazetteer.load([
                .text(name: "a.tsv", "id\tcanonical\nc:1\tTashkent\n"),
                .text(name: "b.tsv", "# second file\nid\tcanonical\nc:2\tSamarkand\nc:1\tToshkent\n"),
            ])
        }
        #expect(error.issues.map(\.description) == [
            "b.tsv:4:1: error: duplicate id \"c:1\" (first defined at a.tsv:2:1)",
        ])
        #expect(error.description == "b.tsv:4:1: error: duplicate id \"c:1\" (first defined at a.tsv:2:1)")
    }

    @Test func everyRepeatOfAnIdNamesItsFirstDefinitionInFileOrder() throws {
        let error = try #require(throws: GazetteerError.self) {
            try Gazetteer.load([.text(name: "a.tsv", "id\tcanonical\nx\tA\ny\tB\nx\tC\ny\tD\nx\tE\n")])
        }
        #expect(error.issues.map(\.description) == [
            "a.tsv:4:1: error: duplicate id \"x\" (first defined at a.tsv:2:1)",
            "a.tsv:5:1: error: duplicate id \"y\" (first defined at a.tsv:3:1)",
            "a.tsv:6:1: error: duplicate id \"x\" (first defined at a.tsv:2:1)",
        ])
    }

    @Test func duplicateIdInMemoryEntitiesIsAnError() throws {
        let error = try #require(throws: GazetteerError.self) {
            try Gazetteer(entities: [Entity(id: "x", canonical: "A"), Entity(id: "x", canonical: "B")])
        }
        #expect(error.issues.count == 1)
        #expect(error.issues.first?.message.contains("duplicate id \"x\"") == true)
    }

    @Test func readErrorsOfEveryFileAreReportedTogether() throws {
        let error = try #require(throws: GazetteerError.self) {
            try Gazetteer.load([
                .text(name: "a.tsv", "id\tcanonical\n\tTashkent\n"),
                .text(name: "b.tsv", "id\tcanonical\tweight\nc:2\tSamarkand\t-3\n"),
            ])
        }
        #expect(error.issues.map(\.location.description) == ["a.tsv:2:1", "b.tsv:2:15"])
        #expect(error.issues.allSatisfy { $0.severity == .error })
    }

    @Test func sharedAliasIsAWarningNotAnError() throws {
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", """
            id\tcanonical\ttype\taliases
            country:ge\tGeorgia\tplace\tSakartvelo
            us:ga\tGeorgia (U.S. state)\tplace\tGeorgia|GA

            """)])
        #expect(gazetteer.entities.count == 2)
        let warnings = gazetteer.ambiguityWarnings()
        let warning = try #require(warnings.first)
        #expect(warnings.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: "g.tsv", line: 3, column: 1), "reported at the later entity")
        #expect(warning.message.contains("\"country:ge\"") && warning.message.contains("\"us:ga\""))
        #expect(warning.message.contains("georgia"))
        #expect(gazetteer.ambiguousKeys.map(\.key) == ["georgia"])
        #expect(gazetteer.ambiguousKeys.first?.entities == [0, 1])
    }

    @Test func namesThatFoldAlikeAreAmbiguousToo() throws {
        // Different spellings, one folded key: "Tachkent" and "TACHKENT".
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", "id\tcanonical\taliases\na\tTashkent\tTachkent\nb\tTachkent Oblast\tTACHKENT\n")])
        #expect(gazetteer.ambiguousKeys.map(\.key) == ["tachkent"])
        #expect(gazetteer.ambiguityWarnings().count == 1)
    }

    @Test func readWarningsAreKeptOnTheLoadedGazetteer() throws {
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", "id\tcanonical\taliases\tcountry\nc:1\tTashkent\tTachkent|\tUzbekistan\n")])
        #expect(gazetteer.warnings.map(\.location.column).sorted() == [23, 24])
        #expect(gazetteer.warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func checkReturnsErrorsAndWarningsSorted() throws {
        let sources: [GazetteerSource] = [
            .text(name: "b.tsv", """
                id\tcanonical\ttype\taliases\tcountry\tweight
                p:1\tAlpha\tperson\tShared\t\t1
                p:2\tBeta\tperson\t|Beta2\tXYZ\tx

                """),
            .text(name: "a.tsv", """
                id\tcanonical\taliases
                q:1\tGamma\tShared
                p:1\tAlpha again\t

                """),
        ]
        let (gazetteer, issues) = Gazetteer.check(sources)
        #expect(gazetteer == nil)
        let errors = issues.filter { $0.severity == .error }
        let warnings = issues.filter { $0.severity == .warning }
        // Errors: the bad weight of p:2 in b.tsv, p:1 defined again in a.tsv.
        #expect(errors.map(\.location.description) == ["a.tsv:3:1", "b.tsv:3:28"])
        #expect(errors.first?.message.contains("first defined at b.tsv:2:1") == true)
        // Warnings: the empty alias and the invalid country of p:2, the alias shared by p:1 and q:1
        // (reported at the later entity, q:1).
        #expect(warnings.map(\.location.description) == ["a.tsv:2:1", "b.tsv:3:17", "b.tsv:3:24"])
        #expect(warnings[0].message.contains("\"shared\""))
        #expect(warnings[1].message.contains("empty alias"))
        #expect(warnings[2].message.contains("XYZ"))
        let order = issues.map { ($0.location.file, $0.location.line, $0.location.column) }
        #expect(zip(order, order.dropFirst()).allSatisfy { $0 <= $1 }, "sorted by file, line, column: \(order)")
        #expect(issues.count == Set(issues).count, "no issue repeated")
    }

    @Test func checkOfAGoodGazetteerReturnsItWithItsWarnings() throws {
        let (gazetteer, issues) = Gazetteer.check([.text(name: "g.tsv", "id\tcanonical\taliases\na\tGeorgia\t\nb\tGeorgia State\tGeorgia\n")])
        let loaded = try #require(gazetteer)
        #expect(loaded.entities.count == 2)
        #expect(issues.count == 1)
        #expect(issues.allSatisfy { $0.severity == .warning })
    }

    @Test func errorDescriptionListsAtMostTwentyErrors() throws {
        let rows = (1...25).map { "\t\($0)" }.joined(separator: "\n")
        let error = try #require(throws: GazetteerError.self) {
            try Gazetteer.load([.text(name: "g.tsv", "id\tcanonical\n" + rows + "\n")])
        }
        #expect(error.issues.count == 25)
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == 21)
        #expect(lines.last == "… and 5 more errors")
    }
}
