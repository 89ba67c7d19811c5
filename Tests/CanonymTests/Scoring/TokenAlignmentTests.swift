@testable import Canonym
import CanonymTestSupport
import Testing

private func words(_ text: String) -> [[UInt8]] {
    text.split(separator: " ").map { Array($0.utf8) }
}

private func align(_ query: String, _ name: String, type: EntityType = .person) -> TokenAlignment {
    NameScorer().align(query: words(query), name: words(name), type: type)
}

/// The default decision threshold: what "scores high" and "scores low" are measured against.
private let threshold = MatchOptions().threshold

@Suite struct TokenAlignmentTests {
    @Test func surnameAloneScoresHighAgainstTheFullName() {
        let alignment = align("putin", "vladimir putin")
        #expect(alignment.score >= threshold)
        #expect(alignment.score < 1, "a left-out given name still costs a little")
        #expect(alignment.pairs.map(\.nameToken) == [1])
        #expect(alignment.omittedNameTokens == [0])
        #expect(alignment.extraQueryTokens.isEmpty)
        #expect(!alignment.reordered && !alignment.comparedJoined)
    }

    @Test func givenNameAloneScoresLowerThanTheSurnameAlone() {
        // People are named by surname; a given name alone says little.
        let given = align("vladimir", "vladimir putin"), surname = align("putin", "vladimir putin")
        #expect(given.score < surname.score)
        #expect(given.score < threshold)
    }

    @Test func leftOutWordOfAPlaceCostsTheWordPenalty() {
        let scorer = NameScorer()
        let alignment = align("york", "new york", type: .place)
        #expect(alignment.omittedNameTokens == [0])
        #expect(abs(alignment.score - Double(1 - scorer.omittedWordPenalty)) < 1e-6)
    }

    @Test func swappedGivenNameScoresLow() {
        // Leonid Putin is someone else: the surname agrees, the given name does not.
        let alignment = align("leonid putin", "vladimir putin")
        #expect(alignment.score < threshold)
        #expect(alignment.score < align("putin", "vladimir putin").score)
    }

    @Test func unrelatedNameScoresNearZero() {
        #expect(align("jean dupont", "vladimir putin").score < 0.5)
    }

    @Test func reorderedWordsAreFlagged() {
        let alignment = align("putin vladimir", "vladimir putin")
        #expect(alignment.reordered)
        #expect(alignment.score >= threshold)
        #expect(alignment.score < align("vladimir putin", "vladimir putin").score)
        #expect(Set(alignment.pairs.map { [$0.queryToken, $0.nameToken] }) == [[0, 1], [1, 0]])
    }

    @Test func anOrganisationsInitialsInAnotherOrderSpellAnotherName() {
        let reversed = align("c b a co", "a b c co", type: .organization)
        #expect(reversed.reorderedInitials && reversed.score < threshold)
        let moved = align("co a b c", "a b c co", type: .organization)
        #expect(moved.reordered && !moved.reorderedInitials && moved.score >= threshold, "the initials keep their order")
        #expect(!align("b a smith", "a b smith").reorderedInitials, "a person's given names may come in either order")
    }

    @Test func namesSwappedAroundBinAreFatherAndSon() {
        let swapped = align("salman bin muhammad al rawi", "muhammad bin salman al rawi")
        #expect(swapped.reversedLineage && swapped.score < threshold)
        let father = align("ibrahim bin al din al masri", "saif al din bin ibrahim al masri")
        #expect(father.reversedLineage, "the father's name before the query's bin")
        let moved = align("bin salman mohammed", "mohammed bin salman")
        #expect(moved.reordered && !moved.reversedLineage && moved.score >= threshold, "the lineage moved whole")
        #expect(!align("salman mohammed", "mohammed bin salman").reversedLineage, "no bin in the query to read the other way")
        #expect(!align("ben smith", "smith ben").reversedLineage, "nothing either side of the name's ben")
    }

    @Test func anotherFathersNameIsAnotherPerson() {
        let patronymic = align("rustam ibrahimovich aselderov", "rustam magomedovich aselderov")
        #expect(patronymic.heldToFathersName && !patronymic.heldToSurname && patronymic.score < threshold)
        let lineage = align("mohamed ben belgacem ben hamid al aouadi", "mohamed ben belgacem ben abdallah al aouadi")
        #expect(lineage.heldToFathersName && lineage.score < threshold, "the word after ben")
        #expect(!align("rustam aselderov", "rustam magomedovich aselderov").heldToFathersName, "left out, it costs no more")
        let same = align("sergey viktorovich lavrov", "sergey viktorovich lavrov")
        #expect(!same.heldToFathersName && same.score == 1)
        #expect(!align("ibrahimovich co", "magomedovich co", type: .organization).heldToFathersName, "people only")
    }

    @Test func aWordWrittenTwiceWeighsLittle() {
        let repeated = align("sergey sergey shoigu", "sergey shoigu")
        #expect(repeated.extraQueryTokens.count == 1 && repeated.score >= threshold)
        let other = align("sergey kuzhugetovich shoigu", "sergey shoigu")
        #expect(repeated.score > other.score, "another word the name lacks weighs more")
        #expect(align("shoigu shoigu sergey", "sergey shoigu").score >= threshold)
    }

    @Test func wordsInOrderAreNotFlagged() {
        #expect(!align("vladimir putin", "vladimir vladimirovich putin").reordered)
    }

    @Test func omittedWordsAreListed() {
        let alignment = align("putin", "vladimir vladimirovich putin")
        #expect(alignment.omittedNameTokens == [0, 1])
        #expect(alignment.score >= threshold, "given name and patronymic are often left out")
    }

    @Test func extraQueryWordsCountAgainst() {
        #expect(align("president vladimir putin", "vladimir putin").score < 1)
        // When the words are also out of order, run-together comparison cannot help and the
        // extra word is listed.
        let alignment = align("putin vladimir mr", "vladimir putin")
        #expect(!alignment.comparedJoined)
        #expect(alignment.extraQueryTokens == [2])
        #expect(alignment.score < align("putin vladimir", "vladimir putin").score)
    }

    @Test func leftOutSurnameCostsMoreThanALeftOutGivenName() {
        let scorer = NameScorer()
        #expect(scorer.omittedSurnamePenalty > scorer.omittedGivenNamePenalty)
        #expect(align("kassym", "kassym tokayev").score < align("tokayev", "kassym tokayev").score)
    }

    @Test(arguments: [
        ("v putin", "vladimir putin"),           // given-name initial
        ("k j tokayev", "kassym jomart tokayev"), // two initials
    ])
    func initialsPairWithTheirWord(query: String, name: String) {
        let alignment = align(query, name)
        #expect(alignment.score >= threshold)
        #expect(alignment.omittedNameTokens.isEmpty)
        let initials = alignment.pairs.filter { words(query)[$0.queryToken].count == 1 }
        #expect(!initials.isEmpty)
        for pair in initials {
            #expect(words(query)[pair.queryToken][0] == words(name)[pair.nameToken][0])
            #expect(pair.similarity < 1)
        }
    }

    @Test func wrongInitialDoesNotPair() {
        let alignment = align("s putin", "vladimir putin")
        #expect(!alignment.pairs.contains { $0.queryToken == 0 })
        #expect(alignment.score < align("v putin", "vladimir putin").score)
    }

    @Test(arguments: [
        ("a nazarbayev", "nursultan nazarbayev"),     // an initial that is not the given name's
        ("hans o friedrich", "hans joachim friedrich"),
        ("william g frost", "william w frost"),       // two initials that differ
        ("aaron wendt", "josh wendt"),                // two unrelated given names
    ])
    func aGivenNameThatContradictsTheNamesIsAConflictNotAnExtraWord(query: String, name: String) {
        let alignment = align(query, name)
        #expect(alignment.score < threshold, "\(alignment.score)")
        #expect(alignment.conflictingWords.count == 1)
        let conflict = alignment.conflictingWords[0]
        #expect(words(query)[conflict.queryToken] != words(name)[conflict.nameToken])
        #expect(!alignment.extraQueryTokens.contains(conflict.queryToken))
        #expect(!alignment.omittedNameTokens.contains(conflict.nameToken))
        // The same query word with no given name left to contradict costs less.
        var fewer = words(name)
        fewer.remove(at: conflict.nameToken)
        let shorter = NameScorer().align(query: words(query), name: fewer, type: .person)
        #expect(shorter.conflictingWords.isEmpty && shorter.score > alignment.score)
    }

    @Test func titlesPatronymicsAndTheSurnameNeverConflict() {
        // A title beside a left-out given name is still a title; a left-out surname is priced as such.
        #expect(align("president putin", "vladimir putin").conflictingWords.isEmpty)
        #expect(align("vladimir vladimirovich", "vladimir putin").conflictingWords.isEmpty)
        #expect(align("kassym jomart", "kassym tokayev").conflictingWords.isEmpty)
        #expect(align("a nazarbayev", "nursultan nazarbayev", type: .place).conflictingWords.isEmpty)
    }

    @Test(arguments: [
        ("salaconsilina", "sala consilina"),    // the name written as one word
        ("sala consilina", "salaconsilina"),    // and the other way round
        ("kassymjomart", "kassym jomart"),      // hyphen dropped
    ])
    func namesAreComparedRunTogetherWhenWordBreaksDiffer(query: String, name: String) {
        let alignment = align(query, name, type: .place)
        #expect(alignment.comparedJoined)
        #expect(alignment.score == 1)
        #expect(alignment.pairs.isEmpty)
    }

    @Test func wordSimilarityIsOneForIdenticalAndZeroForEmpty() {
        let scorer = NameScorer()
        #expect(scorer.similarity(Array("putin".utf8), Array("putin".utf8)) == 1)
        #expect(scorer.similarity([], Array("putin".utf8)) == 0)
        #expect(scorer.similarity(Array("v".utf8), Array("vladimir".utf8)) > 0)
        #expect(scorer.similarity(Array("s".utf8), Array("vladimir".utf8)) == 0)
    }

    @Test func wordSimilarityFollowsTheEditDistance() {
        let scorer = NameScorer()
        let near = scorer.similarity(Array("togayev".utf8), Array("tokayev".utf8))
        let far = scorer.similarity(Array("tokarev".utf8), Array("tokayev".utf8))
        #expect(near > far)
        let cost = WeightedEditDistance.distance(Array("togayev".utf8), Array("tokayev".utf8))
        #expect(abs(near - (1 - cost / 7)) < 1e-6)
    }

    @Test func scoreStaysWithinZeroAndOne() {
        var random = SeededGenerator(seed: 11)
        let alphabet = Array("aeioukgtdsznmrlvy")
        for _ in 0..<300 {
            let query = (0..<Int.random(in: 1...4, using: &random)).map { _ in random.word(from: alphabet, length: 1...8) }
            let name = (0..<Int.random(in: 1...4, using: &random)).map { _ in random.word(from: alphabet, length: 1...8) }
            let type = EntityType.allCases.randomElement(using: &random)!
            let alignment = NameScorer().align(query: query.map { Array($0.utf8) }, name: name.map { Array($0.utf8) }, type: type)
            #expect((0...1).contains(alignment.score), "\(query) ~ \(name): \(alignment.score)")
            // Every word is paired, in conflict, extra or omitted, exactly once.
            if !alignment.comparedJoined {
                let queryTokens = alignment.pairs.map(\.queryToken) + alignment.conflictingWords.map(\.queryToken) + alignment.extraQueryTokens
                let nameTokens = alignment.pairs.map(\.nameToken) + alignment.conflictingWords.map(\.nameToken) + alignment.omittedNameTokens
                #expect(queryTokens.sorted() == Array(query.indices), "\(query) ~ \(name)")
                #expect(nameTokens.sorted() == Array(name.indices), "\(query) ~ \(name)")
            }
            if type == .place { #expect(alignment.conflictingWords.isEmpty) }
            if type == .organization {
                #expect(alignment.conflictingWords.allSatisfy { conflict in
                    LegalForms.kind(of: Array(query[conflict.queryToken].utf8)) != LegalForms.kind(of: Array(name[conflict.nameToken].utf8))
                }, "only legal forms of two kinds conflict in an organisation's name")
            }
        }
    }

    // MARK: Patronymics and surnames

    @Test(arguments: ["sergey viktorovich lavrov", "lavrov sergey viktorovich", "kassym jomart kemeluly tokayev"])
    func aPatronymicTheNameLacksCostsLittle(query: String) {
        let name = query.hasPrefix("kassym") ? "kassym jomart tokayev" : "sergey lavrov"
        let alignment = align(query, name)
        #expect(alignment.score >= threshold, "\(alignment.score)")
        #expect(alignment.extraQueryTokens.count == 1)
    }

    @Test func anExtraWordThatIsNoPatronymicStillCosts() {
        // Same length as "viktorovich", no patronymic ending: an unexplained word weighs fully.
        #expect(align("sergey viktorovaxx lavrov", "sergey lavrov").score < threshold)
        #expect(align("sergey viktorovich lavrov", "sergey lavrov", type: .place).score < threshold, "only people have patronymics")
    }

    @Test func aGivenNameNeverPairsWithThePatronymicMadeFromIt() {
        // Oleksandr is the father, not Volodymyr: the query's given name stays unpaired.
        let son = align("oleksandr zelenskyy", "volodymyr oleksandrovych zelenskyy")
        #expect(!son.pairs.contains { $0.queryToken == 0 && $0.nameToken == 1 })
        #expect(son.score < threshold, "\(son.score)")
        #expect(!align("petrov", "ivan petrovich sidorov").pairs.contains { $0.nameToken == 1 }, "a surname of the patronymic's stem")
        // Patronymics written other ways (French -itch), and surnames ending like one, still pair.
        #expect(align("sergey viktorovitch lavrov", "sergey viktorovich lavrov").pairs.count == 3)
        #expect(align("stanislav schuschkewitsch", "stanislav shushkevich").pairs.count == 2)
        #expect(align("oleksandr zelenskyy", "volodymyr oleksandrovych zelenskyy", type: .organization).pairs.count == 2, "only people have patronymics")
    }

    @Test(arguments: [("olga baranova", "oleg baranov"), ("putina", "vladimir putin"), ("putina", "vladimir poutine"), ("tolstaya", "lev tolstoy"),
                      ("anna kowalska", "jan kowalski")])
    func aSurnameOfTheOtherGenderIsAnotherPerson(query: String, name: String) {
        let alignment = align(query, name)
        #expect(alignment.surnamesOfTwoGenders)
        #expect(alignment.score <= Double(NameScorer().otherGenderSurnameCeiling) + 1e-6, "\(alignment.score)")
    }

    @Test func aGivenNameBothAgreeOnMakesTheEndingASlip() {
        let slip = align("maria zakharov", "maria zakharova")
        #expect(!slip.surnamesOfTwoGenders && slip.score >= threshold)
        #expect(!align("baranova", "oleg baranova").surnamesOfTwoGenders, "one gender")
        #expect(!align("olga baranova", "oleg baranov", type: .organization).surnamesOfTwoGenders, "only people")
    }

    @Test func aPersonsScoreIsHeldToHowWellTheSurnameMatches() {
        let scorer = NameScorer()
        let surname = scorer.similarity(Array("lukashevich".utf8), Array("lukashenko".utf8))
        let person = align("alexander lukashevich", "alexander lukashenko")
        #expect(person.heldToSurname)
        #expect(person.score <= Double(surname + scorer.surnameLeeway) + 1e-6)
        #expect(person.score < threshold, "a different surname is a different person")
        let place = align("alexander lukashevich", "alexander lukashenko", type: .place)
        #expect(!place.heldToSurname && place.score > person.score, "places are not held")
    }

    @Test func aCloseSurnameIsNotHeldBackNorAreShortOnes() {
        #expect(!align("olaf scholze", "olaf scholz").heldToSurname)
        #expect(align("olaf scholze", "olaf scholz").score >= threshold)
        let short = align("kim jong on", "kim jong un")  // two letters say too little to hold the score to
        #expect(!short.heldToSurname)
        #expect(short.score >= threshold)
    }

    @Test func runTogetherNamesAreNotHeldToTheSurname() {
        let alignment = align("sergeilavrov", "sergei lavrov")
        #expect(alignment.comparedJoined && alignment.score == 1)
    }

    // MARK: Kinds of places

    @Test(arguments: [("luotang zhen", "luotang"), ("pecherskyi district", "pecherskyi"), ("jurong", "jurong town")])
    func aPlacesKindAfterItsNameWeighsLittle(query: String, name: String) {
        let alignment = align(query, name, type: .place)
        #expect(alignment.score >= threshold, "\(alignment.score)")
        #expect(alignment.score > align(query.replacingOccurrences(of: " ", with: " x"), name, type: .place).score || query == "jurong")
    }

    @Test func aKindWeighsLittleOnlyAsAPlacesLastWord() {
        let place = align("luotang zhen", "luotang", type: .place).score
        #expect(align("zhen luotang", "luotang", type: .place).score < place, "before the name it is a word of the name")
        #expect(align("luotang zhen", "luotang", type: .person).score < place, "only places have kinds")
        #expect(align("luotang wharf", "luotang", type: .place).score < threshold, "another word still weighs fully")
    }
}

@Suite struct OrganisationAlignmentTests {
    private func organisation(_ query: String, _ name: String) -> TokenAlignment {
        align(query, name, type: .organization)
    }

    @Test func aLegalFormLeftOutCostsLittle() {
        let dropped = organisation("gazprom", "gazprom pao"), place = align("gazprom", "gazprom pao", type: .place)
        #expect(dropped.score >= 0.95)
        #expect(dropped.score > place.score, "only an organisation's legal form is light")
        #expect(organisation("gazprom pao", "gazprom").score >= 0.95)
        #expect(organisation("the homs refinery co", "homs refinery corp").score >= threshold)
    }

    @Test func oneDifferentWordKeepsAnOrganisationBelowTheThreshold() {
        // Both scored above the threshold as a mean of their words.
        for (query, name) in [("government of estonia", "government of ethiopia"), ("china railroad engineering corp", "china railway engineering corp")] {
            let alignment = organisation(query, name)
            #expect(alignment.score < threshold, "\(query) ~ \(name): \(alignment.score)")
            #expect(alignment.heldToWeakestWord && !alignment.heldToSurname, "held to the least similar word")
        }
        #expect(organisation("tactical missiles corp joynt stock co", "tactical missiles corp joint stock co").score >= threshold,
                "a misspelt word is still close")
    }

    @Test func twoDifferentLegalFormsConflict() {
        let alignment = organisation("deutsche bank ag", "deutsche bank gmbh")
        #expect(alignment.score < threshold, "\(alignment.score)")
        #expect(alignment.conflictingWords.map { [$0.queryToken, $0.nameToken] } == [[2, 2]])
        #expect(organisation("deutsche bank ag", "deutsche bank").score >= 0.95, "one legal form alone is still light")
        #expect(organisation("deutsche bank", "deutsche bank gmbh").score >= 0.95)
        #expect(align("deutsche bank ag", "deutsche bank gmbh", type: .place).conflictingWords.isEmpty, "only organisations have legal forms")
        // Two writings of one kind of company are no conflict, nor is a word used of any kind.
        #expect(organisation("gazprom oao", "gazprom jsc").conflictingWords.isEmpty)
        #expect(organisation("gazprom oao", "gazprom jsc").score >= threshold)
        #expect(organisation("siemens corp", "siemens ag").conflictingWords.isEmpty)
    }

    @Test func anOrganisationsWordsAreNotRunTogether() {
        #expect(organisation("bwi industries inc", "bae industries inc").score < threshold)
        #expect(!organisation("bwi industries inc", "bae industries inc").comparedJoined)
        #expect(organisation("face book inc", "facebook inc").comparedJoined, "where words break still differs")
    }
}

@Suite struct WholeWordDifferenceTests {
    @Test func aDifferentLastWordIsNotExcusedByRunningTheNamesTogether() {
        let alignment = align("ali saddam hussein al rawi", "ali saddam hussein al tikriti")
        #expect(!alignment.comparedJoined)
        #expect(alignment.score < threshold)
    }

    @Test func aParticleLeftOverMayStillBeABreak() {
        let alignment = align("damazin", "ad damazin", type: .place)
        #expect(alignment.comparedJoined)
        #expect(alignment.score >= threshold)
    }
}

@Suite struct PersonTitleTests {
    @Test func aTitleBeforeTheNameCostsLittle() {
        let titled = align("president erdogan", "recep tayyip erdogan"), other = align("turkish erdogan", "recep tayyip erdogan")
        #expect(titled.score >= threshold)
        #expect(titled.extraQueryTokens == [0])
        #expect(other.score < titled.score - 0.05, "an ordinary extra word still weighs")
        #expect(align("president obama", "barack obama", type: .organization).score < titled.score, "titles are a person's")
    }
}
