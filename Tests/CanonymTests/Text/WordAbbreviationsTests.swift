import Canonym
import Testing

@Suite struct WordAbbreviationsTests {
    private let folder = NameFolder()

    @Test func abbreviatedWordsAreWrittenOut() {
        #expect(folder.fold("First Bank Int'l").key == "first bank international")
        #expect(folder.fold("Acme Mfg. Co.").key == "acme manufacturing co")
        #expect(folder.fold("ACME HLDGS LTD").key == "acme holdings ltd")
    }

    @Test func otherWordsAreLeftAlone() {
        #expect(folder.fold("Acme Tech Inst").key == "acme tech inst", "abbreviations of more than one word stay")
        #expect(folder.fold("Intle Natle").key == "intle natle")
        #expect(folder.fold("Tashkent").key == "tashkent")
    }

    @Test func anAbbreviatedNameMeetsTheNameWrittenOut() throws {
        let matcher = Matcher(gazetteer: try Gazetteer.load([.text(name: "g.tsv", "id\tcanonical\ttype\nc:1\tFirst International Bank\torganization\n")]))
        let match = matcher.match("First Bank Int’l")
        #expect(match.status == .fuzzy && match.entity?.id == "c:1")
        #expect(match.best?.alignment.reordered == true)
    }
}
