@testable import Canonym
import Testing

/// Places that list their names both with and without *City of*, and with and without *Oblast*
/// ... enough of them to teach the words; *San* is dropped by three places but held by many more.
private func entities(teaching: Bool = true) -> [Entity] {
    var entities: [Entity] = []
    let towns = ["Austin", "Manila", "Hastings", "Cebu", "Dallas"]
    for (k, town) in towns.enumerated() {
        entities.append(Entity(id: "place:\(k)", canonical: town, type: .place, aliases: teaching ? ["City of \(town)"] : []))
    }
    for (k, saint) in ["Juan", "Pedro", "Marcos"].enumerated() {
        entities.append(Entity(id: "place:san\(k)", canonical: "San \(saint)", type: .place, aliases: [saint]))
    }
    for k in 0..<20 { entities.append(Entity(id: "place:other-san\(k)", canonical: "San Town\(k)", type: .place)) }
    // People's names are not taught from: *Vladimir Putin* beside *Putin* makes *Vladimir* no qualifier.
    for (k, name) in ["Putin", "Lavrov", "Shoigu"].enumerated() {
        entities.append(Entity(id: "person:\(k)", canonical: "Vladimir \(name)", type: .person, aliases: [name]))
    }
    entities.append(Entity(id: "place:maasin", canonical: "Maasin", type: .place))
    return entities
}

@Suite struct QualifierWordsTests {
    @Test func placesTeachTheWordsTheirNamesCarryOrDrop() throws {
        let names = Gazetteer.foldNames(of: entities(), folder: .shared)
        let all = entities()
        let learnt = QualifierWords.learn(from: names, isPlace: { all[$0].type == .place }, country: { all[$0].country })
        #expect(learnt.words == ["city", "of"] && learnt.locatorCountries.isEmpty)
    }

    /// Five American places close a name with *Wisconsin*, five with *Texas*, but *Texas City*
    /// begins with it; *Beach* closes four American names and a British one; four German
    /// places teach *Bavaria* too little; five places of no country teach nothing. No place
    /// lists its name without the word as well, so no word is learnt as one dropped.
    private func locatingPlaces(wisconsin: Bool = true) -> [Entity] {
        var entities: [Entity] = []
        func add(_ canonical: String, _ country: String?, _ alias: String) {
            entities.append(Entity(id: "place:\(entities.count)", canonical: canonical, type: .place, aliases: [alias], country: country))
        }
        for town in ["Kenosha", "Racine", "Appleton", "Wausau", "Madison"] { add(town, "US", wisconsin ? "\(town)h Wisconsin" : "\(town)h") }
        for town in ["Austin", "Waco", "Tyler", "Plano", "Frisco"] { add(town, "US", "\(town)h Texas") }
        add("Texas City", "US", "Texas")
        for town in ["Palm", "Long", "Myrtle", "Daytona"] { add("\(town) Beach", "US", "\(town)h Beach") }
        add("Brighton Beach", "GB", "Brightonh Beach")
        for town in ["Passau", "Landshut", "Erding", "Dachau"] { add(town, "DE", "\(town)h Bavaria") }
        for town in ["Aa", "Bb", "Cc", "Dd", "Ee"] { add(town, nil, "\(town)h Nowhere") }
        entities.append(Entity(id: "place:sheboygan", canonical: "Sheboygan", type: .place, country: "US"))
        entities.append(Entity(id: "place:sheboygan-falls", canonical: "Sheboygan Falls", type: .place, country: "US"))
        entities.append(Entity(id: "place:sheboygan-gb", canonical: "Sheboygan", type: .place, country: "GB"))
        return entities
    }

    @Test func theRegionClosingOneCountrysPlacesIsALocator() {
        let all = locatingPlaces(), names = Gazetteer.foldNames(of: all, folder: .shared)
        #expect(QualifierWords.locators(from: names, isPlace: { all[$0].type == .place }, country: { all[$0].country }) == ["wisconsin": "US"])
        #expect(QualifierWords.droppedWords(from: names) { all[$0].type == .place }.isEmpty)
    }

    @Test func aQueryNamingThePlaceAndItsRegionMatchesThePlace() throws {
        let taught = Matcher(gazetteer: try Gazetteer(entities: locatingPlaces()))
        let untaught = Matcher(gazetteer: try Gazetteer(entities: locatingPlaces(wisconsin: false)))
        let match = taught.match("Sheboygan, Wisconsin")
        #expect(match.entity?.id == "place:sheboygan" && match.status == .fuzzy)
        #expect(untaught.match("Sheboygan, Wisconsin").status != .fuzzy, "an unknown word weighs fully")
        let lines = taught.explain(try #require(match.best)).lines
        #expect(lines.contains("not in the name, the query's wisconsin places it in US, where this place is (weighs very little)"))
        #expect(!lines.contains { $0.hasPrefix("not in the name, a word places' names carry or drop") })
    }

    /// A locator naming the place's own country says where it is, not that the name is another:
    /// unpaired, it weighs less than other qualifying words, and only for a place of that country.
    @Test func aLocatorOfThePlacesOwnCountryWeighsVeryLittle() throws {
        let matcher = Matcher(gazetteer: try Gazetteer(entities: locatingPlaces()))
        let scorer = matcher.scorer
        #expect(scorer.confirmedLocatorWeight < scorer.extraQualifierWeight)
        let match = matcher.match("Sheboygan Wisconsin")
        let american = try #require(match.best), british = try #require(match.candidates.first { $0.entity.id == "place:sheboygan-gb" })
        #expect(american.entity.id == "place:sheboygan" && american.alignment.withinLocatorCountry)
        #expect(abs(american.score - 9 / (9 + 9 * Double(scorer.confirmedLocatorWeight))) < 1e-6)
        #expect(!british.alignment.withinLocatorCountry)
        #expect(abs(british.score - 9 / (9 + 9 * Double(scorer.extraQualifierWeight)) * Double(scorer.otherCountryFactor)) < 1e-6)
        // A misspelt name the weight of a qualifying word would hold under the threshold.
        let misspelt = matcher.match("Shebojgann Wisconsin")
        #expect(misspelt.entity?.id == "place:sheboygan" && misspelt.status == .fuzzy)
        var plainly = scorer
        plainly.confirmedLocatorWeight = scorer.extraQualifierWeight
        #expect(Matcher(gazetteer: try Gazetteer(entities: locatingPlaces()), scorer: plainly).match("Shebojgann Wisconsin").status == .unknown)
    }

    @Test func aLocatorScoresDownAPlaceOfTheNameInAnotherCountry() throws {
        let matcher = Matcher(gazetteer: try Gazetteer(entities: locatingPlaces()))
        let match = matcher.match("Sheboygan Wisconsin")
        let british = try #require(match.candidates.first { $0.entity.id == "place:sheboygan-gb" })
        let american = try #require(match.best)
        #expect(british.alignment.outsideLocatorCountry && !american.alignment.outsideLocatorCountry)
        #expect(british.score < american.score * Double(matcher.scorer.otherCountryFactor))
        #expect(matcher.explain(british).lines.contains("the query's wisconsin places it in US; this place is in GB (scored ×0.95)"))
        // Without the locator the two tie.
        let plain = matcher.match("Sheboygan")
        #expect(plain.candidates.prefix(2).allSatisfy { !$0.alignment.outsideLocatorCountry } && plain.status == .ambiguous)
    }

    @Test func aQueryWithTheWordsMatchesThePlaceWithout() throws {
        let taught = Matcher(gazetteer: try Gazetteer(entities: entities()))
        let untaught = Matcher(gazetteer: try Gazetteer(entities: entities(teaching: false)))
        let match = taught.match("City of Maasin")
        #expect(match.entity?.id == "place:maasin" && match.status == .fuzzy)
        let before = untaught.match("City of Maasin")
        #expect(before.status == .unknown, "without the pairs, two unexplained words weigh fully")
        let lines = taught.explain(try #require(match.best)).lines
        #expect(lines.contains("not in the name, a word places' names carry or drop (weighs little): city of"))
    }

    @Test func aWordLeftOutOfTheQueryWeighsMoreThanAWordAdded() throws {
        let scorer = Matcher(gazetteer: try Gazetteer(entities: entities())).scorer
        let added = scorer.align(query: [Array("of".utf8), Array("maasin".utf8)], name: [Array("maasin".utf8)], type: .place)
        let leftOut = scorer.align(query: [Array("maasin".utf8)], name: [Array("of".utf8), Array("maasin".utf8)], type: .place)
        #expect(abs(leftOut.score - Double(1 - scorer.omittedQualifierPenalty)) < 1e-6)
        #expect(abs(added.score - 6 / (6 + 2 * Double(scorer.extraQualifierWeight))) < 1e-6)
        // Only places: an organisation's *of* stays a word of its name.
        let organisation = scorer.align(query: [Array("of".utf8), Array("maasin".utf8)], name: [Array("maasin".utf8)], type: .organization)
        #expect(organisation.score < added.score)
    }

    /// Qualifying words both names carry weigh little, in the mean and run together: the
    /// place's own word decides. Words of one or two letters (*of*, *el*, *e*) weigh their length.
    @Test func qualifyingWordsBothNamesHaveWeighLittle() throws {
        let scorer = Matcher(gazetteer: try Gazetteer(entities: entities())).scorer
        let untaught = Matcher(gazetteer: try Gazetteer(entities: entities(teaching: false))).scorer
        let query = [Array("tara".utf8), Array("city".utf8)], name = [Array("tula".utf8), Array("city".utf8)]
        let alignment = scorer.align(query: query, name: name, type: .place)
        let tara = Double(scorer.similarity(Array("tara".utf8), Array("tula".utf8)))
        #expect(tara < 0.8)
        let city = 4 * Double(scorer.pairedQualifierWeight)
        #expect(abs(alignment.score - (4 * tara + city) / (4 + city)) < 1e-6)
        #expect(!alignment.comparedJoined)
        #expect(alignment.score < 0.85, "agreeing on *City* does not make Tara Tula")
        let before = untaught.align(query: query, name: name, type: .place).score
        #expect(abs(before - (4 * tara + 4) / 8) < 1e-6)
        // An organisation's words are its own: *City* weighs its length there.
        #expect(scorer.align(query: query, name: name, type: .organization).score > alignment.score)
        let of = ([Array("of".utf8), Array("tara".utf8)], [Array("of".utf8), Array("tula".utf8)])
        #expect(scorer.align(query: of.0, name: of.1, type: .place).score == untaught.align(query: of.0, name: of.1, type: .place).score)
    }

    @Test func aCompiledGazetteerKeepsTheWords() throws {
        let gazetteer = try Gazetteer(entities: entities())
        let reopened = try CompiledGazetteer.encode(gazetteer).withUnsafeBytes { try CompiledGazetteer.decode($0, path: "test.canonym") }
        #expect(Array(reopened.tables.qualifierWords).sorted() == ["city", "of"])
        let located = try Gazetteer(entities: locatingPlaces())
        let reopenedLocated = try CompiledGazetteer.encode(located).withUnsafeBytes { try CompiledGazetteer.decode($0, path: "test.canonym") }
        #expect(reopenedLocated.tables.locatorCountries == ["wisconsin": "US"])
        #expect(Matcher(gazetteer: reopened).match("City of Maasin").entity?.id == "place:maasin")
    }
}
