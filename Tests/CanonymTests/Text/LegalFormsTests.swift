import Canonym
import Testing

@Suite struct LegalFormsTests {
    private let folder = NameFolder()

    @Test(arguments: [
        ("Siemens Aktiengesellschaft", "Siemens AG", "siemens ag"),
        ("Stripe Limited Liability Company", "Stripe L.L.C.", "stripe llc"),
        ("Acme Limited", "Acme Ltd", "acme ltd"),
        ("Bowne Global Solutions (France), S.A.R.L.", "Bowne Global Solutions France SARL", "bowne global solutions france sarl"),
        ("Faberlic Europe Sp. z o.o.", "Faberlic Europe spzoo", "faberlic europe spzoo"),
        ("Общество с ограниченной ответственностью Газпром", "ООО Газпром", "ooo gazprom"),
        ("Публичное акционерное общество Сбербанк", "ПАО Сбербанк", "pao sberbank"),
    ])
    func writtenOutAndAbbreviatedFormsFoldAlike(longForm: String, shortForm: String, key: String) {
        let long = folder.fold(longForm), short = folder.fold(shortForm)
        #expect(long.key == key)
        #expect(short.key == key)
        #expect(long.romanizations.allSatisfy { !$0.contains("obshchestvo") && !$0.contains("obsestvo") },
                "every romanisation of a Russian form folds to its code: \(long.romanizations)")
    }

    @Test func theLongestFormWins() {
        #expect(folder.fold("Acme Public Limited Company").key == "acme plc")
        #expect(folder.fold("Acme Limited Partnership").key == "acme lp")
        #expect(folder.fold("Acme Open Joint Stock Company").key == "acme ojsc")
    }

    @Test(arguments: [
        ("Tactical Missiles Corporation Joint Stock Compan", "tactical missiles corp jsc"),  // cut short at the end
        ("Tactical Missiles Corporation Joynt Stock Company", "tactical missiles corp jsc"), // a letter changed
        ("Siemens Aktiengeselschaft", "siemens ag"),                                      // a letter dropped
        ("Acme Compnay", "acme co"),                                                       // two letters swapped
        ("Acme Limited Liability Compan", "acme llc"),                                     // the longer form wins
    ])
    func aFormMisspeltOrCutShortStillFoldsToItsCode(name: String, key: String) {
        #expect(folder.fold(name).key == key)
    }

    @Test func aMisspeltFormMatchesTheNameButNeverExactly() throws {
        let matcher = Matcher(gazetteer: try Gazetteer.load([.text(name: "g.tsv", "id\tcanonical\ttype\nc:siemens\tSiemens AG\torganization\n")]))
        #expect(matcher.match("Siemens Aktiengesellschaft").status == .exact, "written out right, the form is the code")
        let misspelt = matcher.match("Siemens Aktiengeselschaft")
        #expect(misspelt.status == .fuzzy && misspelt.entity?.id == "c:siemens")
        let best = try #require(misspelt.best)
        #expect(best.score == Double(matcher.scorer.misspeltLegalFormFactor))
        #expect(matcher.explain(best).lines.contains("legal form misspelt or cut short, read as its code (scored ×0.98)"))
        #expect(folder.fold("Siemens Aktiengeselschaft").hasMisspeltLegalForm)
        #expect(!folder.fold("Siemens Aktiengesellschaft").hasMisspeltLegalForm)
    }

    @Test func nearFormsNeedTheirOtherWordsAndLength() {
        #expect(folder.fold("Acme Corporat Holdings").key == "acme corporat holdings", "cut short only at the end")
        #expect(folder.fold("Joint Stick Compan").key == "joint stick co", "two words off is not the form")
        #expect(folder.fold("Acme Compa").key == "acme compa", "too little left to tell")
        #expect(folder.fold("Kompany").key == "kompany", "the first letter is kept")
        #expect(folder.fold("Acme Stuck").key == "acme stuck")
    }

    @Test func initialsAndOrdinaryWordsAreLeftAlone() {
        #expect(folder.fold("S. A. Smith").key == "s a smith", "two single letters may be a person's initials")
        #expect(folder.fold("Limitedly Company Town").key == "limitedly co town")
        #expect(folder.fold("zao zhuang").key == "zao zhuang", "a code written as a word is not rewritten")
        #expect(folder.fold("Tashkent").key == "tashkent")
    }
}
