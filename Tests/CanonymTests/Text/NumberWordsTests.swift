@testable import Canonym
import Testing

@Suite struct NumberWordsTests {
    @Test(arguments: [
        ("three percenters", "3 percenters"),
        ("brigade forty four", "brigade 44"),                 // a hyphen has split Forty-Four already
        ("two hundred and five", "205"),
        ("one hundred twenty three", "123"),
        ("two thousand three hundred", "2300"),
        ("group of seven", "group of 7"),
        ("one two", "1 2"),                                   // a unit after a unit starts a number
        ("four forty", "4 40"),
        ("seven and six", "7 and 6"),                         // "and" joins only after hundred or thousand
        ("hundred acre wood", nil),                           // a multiplier alone is a word
        ("tow rivers", nil),
        ("sixteenth street", nil),
    ] as [(String, String?)])
    func runsOfNumberWordsReadAsOneNumber(words: String, expected: String?) {
        let collapsed = NumberWords.collapse(words.split(separator: " ").map(String.init))
        #expect(collapsed?.joined(separator: " ") == expected)
    }

    @Test func theFolderKeepsTheWrittenWordsFirstAndAddsTheDigits() {
        let form = NameFolder().fold("Brigade Forty-Four")
        #expect(form.tokens == ["brigade", "forty", "four"])
        #expect(form.romanizations == [["brigade", "forty", "four"], ["brigade", "44"]])
        #expect(NameFolder().fold("Brigade 44").romanizations == [["brigade", "44"]])
        // The Unicode path gives the same (an accent sends it there).
        #expect(NameFolder().fold("Brigade Forty-Four Café").romanizations.last == ["brigade", "44", "cafe"])
    }

    @Test func numbersWrittenEitherWayMatch() throws {
        let gazetteer = try Gazetteer.load([.text(name: "numbers.tsv", """
            id\tcanonical\ttype\taliases
            org:b44\tBrigade 44\torganization\t
            org:three\tThree Percenters\torganization\t
            place:tworivers\tTwo Rivers\tplace\t
            """)])
        let matcher = Matcher(gazetteer: gazetteer)
        #expect(matcher.match("Brigade Forty-Four").entity?.id == "org:b44")
        #expect(matcher.match("3 Percenters").entity?.id == "org:three")
        #expect(matcher.match("2 Rivers").entity?.id == "place:tworivers")
        #expect(matcher.match("Tow Rivers").entity?.id == "place:tworivers", "a misspelt number word still meets the word")
        #expect(matcher.match("Brigade 45").status != .exact)
    }
}

@Suite struct NumberWordsAsWordsTests {
    @Test func aNumberWordNamesItsNumber() {
        #expect(NumberWords.number(named: Array("twelve".utf8)) == 12)
        #expect(NumberWords.number(named: Array("hundred".utf8)) == 100)
        #expect(NumberWords.number(named: Array("twelv".utf8)) == nil)
        #expect(NumberWords.number(named: Array("tashkent".utf8)) == nil)
    }

    /// Two number words naming different numbers are different words however alike they are
    /// spelt; a misspelt number word is compared as any word is.
    @Test func numberWordsOfDifferentNumbersDoNotPair() {
        let scorer = NameScorer()
        func similarity(_ a: String, _ b: String) -> Float { scorer.similarity(Array(a.utf8), Array(b.utf8)) }
        #expect(similarity("twelve", "twenty") == 0 && similarity("twenty", "twelve") == 0)
        #expect(similarity("seven", "seventy") == 0)
        #expect(similarity("twelve", "twelve") == 1)
        #expect(similarity("fourty", "forty") > 0.8, "a misspelt number word")
        let untouched = NameScorer.similarity(Array("twelve".utf8), Array("twenty".utf8), model: .standard)
        #expect(untouched > 0.5, "as letters the two are alike: \(untouched)")
    }

    @Test func aPlaceOfAnotherNumberIsNotMatched() throws {
        let gazetteer = try Gazetteer(entities: [
            Entity(id: "p:129", canonical: "Chak One Hundred Twenty Nine Left", type: .place),
            Entity(id: "p:other", canonical: "Lahore", type: .place),
        ])
        let match = Matcher(gazetteer: gazetteer).match("Chak One Hundred Twelve Nine Left")
        #expect(match.status == .unknown, "\(match.status) \(match.score)")
        #expect(Matcher(gazetteer: gazetteer).match("Chak One Hundred Twenty Nine Lefft").entity?.id == "p:129")
    }
}
