@testable import Canonym
import Testing

@Suite struct QueryReadingsTests {
    @Test(arguments: [
        (["ig0r", "sech1n"], ["igor", "sechin"] as [String]?),
        (["i9or", "putin"], ["igor", "putin"]),
        (["mh17", "memorial"], nil),     // more digits than a disguise: a code
        (["g7"], nil),
        (["a320"], nil),
        (["1st", "bank"], nil),          // an ordinal, not a disguise
        (["44", "brigade"], nil),        // a number alone
        (["sech2n"], nil),               // 2 looks like no letter
    ])
    func digitsMixedIntoLettersAreReadAsLetters(words: [String], expected: [String]?) {
        #expect(QueryReadings.digitsAsLetters(words) == expected)
    }

    @Test func ordinalsAreSwappedBothWays() {
        #expect(QueryReadings.ordinalsSwapped(["1st", "international", "bank"]) == ["first", "international", "bank"])
        #expect(QueryReadings.ordinalsSwapped(["first", "street"]) == ["1st", "street"])
        #expect(QueryReadings.ordinalsSwapped(["twelfth", "night"]) == ["12th", "night"])
        #expect(QueryReadings.ordinalsSwapped(["11th", "hour"]) == ["eleventh", "hour"])
        #expect(QueryReadings.ordinalsSwapped(["3nd", "street"]) == nil, "a misspelt ordinal is a word")
        #expect(QueryReadings.ordinalsSwapped(["21st", "century"]) == nil, "only those spelt as one word")
        #expect(QueryReadings.ordinalsSwapped(["main", "street"]) == nil)
    }

    @Test func readingsComeInTheirGroups() {
        let form = NameFolder.shared.fold("JC Ig0r 1st")
        let readings = QueryReadings(form, initialisms: ["jc"])
        #expect(readings.all[readings.keyed] == [["jc", "ig0r", "1st"], ["jc", "ig0r", "first"]])
        #expect(readings.all[readings.spelledOut] == [["j", "c", "ig0r", "1st"]])
        #expect(readings.all[readings.digitsAsLetters] == [["jc", "igor", "1st"]])
        #expect(readings.indexed == [["jc", "ig0r", "1st"], ["jc", "ig0r", "first"], ["jc", "igor", "1st"]])
    }
}

@Suite struct QueryReadingMatchingTests {
    static let matcher = Matcher(gazetteer: try! Gazetteer.load([.text(name: "readings.tsv", """
        id\tcanonical\ttype
        p:sechin\tIgor Sechin\tperson
        o:first\tFirst International Bank\torganization
        o:street\t1st Street Holdings\torganization

        """)]))

    @Test func digitsReadAsLettersMatchButNeverExactly() throws {
        let match = Self.matcher.match("Ig0r Sech1n")
        #expect(match.status == .fuzzy && match.entity?.id == "p:sechin")
        let best = try #require(match.best)
        #expect(best.alignment.readDigitsAsLetters)
        #expect(best.score == Double(Self.matcher.scorer.digitsAsLettersFactor))
        #expect(Self.matcher.explain(best).lines.contains("digits read as the letters they look like (scored down)"))
    }

    @Test func anOrdinalMeetsItsOtherWriting() {
        #expect(Self.matcher.match("1st International Bank").entity?.id == "o:first")
        #expect(Self.matcher.match("First Street Holdings").entity?.id == "o:street")
        #expect(Self.matcher.match("First Street Holdings").status == .exact, "the same name, written another way")
    }
}
