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

    @Test func initialsAndOrdinaryWordsAreLeftAlone() {
        #expect(folder.fold("S. A. Smith").key == "s a smith", "two single letters may be a person's initials")
        #expect(folder.fold("Limitedly Company Town").key == "limitedly co town")
        #expect(folder.fold("zao zhuang").key == "zao zhuang", "a code written as a word is not rewritten")
        #expect(folder.fold("Tashkent").key == "tashkent")
    }
}
