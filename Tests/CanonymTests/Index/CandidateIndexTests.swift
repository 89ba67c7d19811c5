@testable import Canonym
import CanonymTestSupport
import Testing

@Suite struct SkeletonTests {
    @Test func documentedExample() {
        #expect(String(decoding: Skeleton.of("tchernenko"), as: UTF8.self) == "xrnk")
    }

    @Test(arguments: [
        ["tchernenko", "chernenko", "tschernenko", "czernenko"], // ch in French, English, German, Polish
        ["tokayev", "togayev", "tokaev", "tokaiev"],             // voicing and vowels
        ["putin", "poutine", "putine"],                           // vowels come and go
        ["kharkiv", "kharkiw", "kharkov"],                        // v/w, vowels
        ["zelenskyy", "zelensky", "zelenskiy", "selenskyj"],      // glides, z/s
        ["bwzwlwk", "buzuluk"],                                   // romanised Arabic script: w for u
        ["lwndryna", "londrina"],                                 // w for o, y for i, one vowel written
    ])
    func spellingVariantsShareASkeleton(variants: [String]) {
        let skeletons = Set(variants.map { Skeleton.of($0) })
        #expect(skeletons.count == 1, "\(variants): \(skeletons.map { String(decoding: $0, as: UTF8.self) })")
    }

    @Test func initialVowelIsKept() {
        #expect(Skeleton.of("astana") != Skeleton.of("stana"))
        #expect(Skeleton.of("astana").first == UInt8(ascii: "a"))
        #expect(Skeleton.of("ouzbekistan") == Skeleton.of("uzbekistan"))
    }
}

@Suite struct CandidateIndexTests {
    @Test func wordsWrittenIntoReusedArraysAreTheEntrysWords() throws {
        let index = try DefaultGazetteers.load().index
        var buffers: [[[UInt8]]] = []  // by word count, as the matcher keeps them
        var wrong: [Int] = []
        for entry in 0..<index.entryCount {
            let count = index.wordCount(ofEntry: entry)
            while buffers.count <= count { buffers.append(Array(repeating: [], count: buffers.count)) }
            index.words(ofEntry: entry, into: &buffers[count])
            if buffers[count] != index.words(ofEntry: entry) { wrong.append(entry) }
        }
        #expect(index.entryCount > 1_000)
        #expect(wrong.isEmpty, "\(wrong.count) entries differ, e.g. \(wrong.prefix(5))")
    }

    /// A gazetteer of `count` random names plus the given real ones.
    private func gazetteer(with names: [String], randomCount: Int) throws -> Gazetteer {
        var random = SeededGenerator(seed: 42)
        let letters = Array("abdeiklmnoprstuvz")
        var rows = ["id\tcanonical"]
        for (index, name) in names.enumerated() { rows.append("real:\(index)\t\(name)") }
        for index in 0..<randomCount {
            let words = (0..<Int.random(in: 1...3, using: &random)).map { _ in random.word(from: letters, length: 3...9) }
            rows.append("random:\(index)\t\(words.joined(separator: " "))")
        }
        return try Gazetteer.load([.text(name: "index.tsv", rows.joined(separator: "\n") + "\n")])
    }

    @Test(arguments: [
        ("Tachkent", "Tashkent"),               // French ch for sh
        ("Togayev", "Kassym-Jomart Tokayev"),   // one word of three, voiced
        ("Poutine", "Vladimir Putin"),          // vowels and a mute e
        ("Salaconsilina", "Sala Consilina"),    // the words run together
        ("bwzwlwk", "Buzuluk"),                 // vowels left unwritten, w for u
        ("fu luo li ya nuo bo li si", "Florianopolis"),  // syllable by syllable, from Chinese
        ("Saszina", "Sasina"),                  // a letter inserted: no trigram of the name's middle left
        ("Čubajs", "Anatoly Chubais"),          // a surname alone, sharing one letter trigram
    ])
    func variantFindsItsNameAmongManyWithASmallLimit(query: String, name: String) throws {
        let gazetteer = try gazetteer(with: ["Tashkent", "Kassym-Jomart Tokayev", "Vladimir Putin", "Sala Consilina", "Buzuluk", "Florianopolis",
                                             "Sasina", "Anatoly Chubais"],
                                      randomCount: 2_000)
        let index = CandidateIndex(names: Array(gazetteer.names))
        let target = try #require(gazetteer.names.firstIndex { $0.text == name })
        let proposed = index.candidates(for: NameFolder.shared.fold(query).romanizations, limit: 20)
        #expect(proposed.count <= 20)
        #expect(proposed.contains { index.entries[Int($0)].name == Int32(target) }, "\(query) did not propose \(name)")
    }

    @Test func wKeepsItsConsonantSkeletonWhereVowelsAreWritten() {
        #expect(Skeleton.of("kwanza") == Skeleton.of("kvanza"), "two vowels written: w is a consonant")
        #expect(Skeleton.of("zwl") == Skeleton.of("zl"), "no vowel written: w is one")
    }

    @Test func aNameWrittenSyllableBySyllableIsIndexedRunTogether() {
        #expect(CandidateIndex.grams(of: ["fu", "luo", "li", "ya"]) == CandidateIndex.grams(of: ["fuluoliya"]))
        #expect(CandidateIndex.grams(of: ["sa", "ji"]) != CandidateIndex.grams(of: ["saji"]), "two short words stay words")
    }

    @Test func aWordHasOneTrigramPerLetterInEachCodeRange() {
        // ^ab, ab$ of the letters and of the skeleton (b): the start never pairs with itself.
        #expect(CandidateIndex.keys(of: ["ab"]).count == 4)
        let letterRange = UInt32(CandidateIndex.keyCodeCount / 2)
        #expect(CandidateIndex.keys(of: ["tashkent"]).filter { $0 >= letterRange }.count == 8)
    }

    @Test func aQueryAlsoHasTheTrigramsOfItsWordsWithOneLetterLeftOut() {
        // The letters' trigrams (the skeleton's range has those of the query's skeleton, left out).
        let letterRange = UInt32(CandidateIndex.keyCodeCount / 2)
        let name = Set(CandidateIndex.keys(of: ["sasina"]).filter { $0 >= letterRange })
        #expect(!name.isSubset(of: CandidateIndex.keys(of: ["saszina"])))
        #expect(name.isSubset(of: CandidateIndex.queryKeys(of: ["saszina"])))
        #expect(CandidateIndex.queryKeys(of: ["abc"]) == CandidateIndex.keys(of: ["abc"]), "words under four letters have none")
    }

    @Test func everyRomanizationOfANameIsAnEntry() throws {
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", "id\tcanonical\taliases\np:1\tKassym-Jomart Tokayev\tҚасым-Жомарт Тоқаев\n")])
        let index = CandidateIndex(names: Array(gazetteer.names))
        for (nameIndex, name) in gazetteer.names.enumerated() {
            let entries = index.entries(ofName: nameIndex)
            #expect(entries.count == name.form.romanizations.count)
            for entry in entries { #expect(index.entries[Int(entry)].name == Int32(nameIndex)) }
        }
    }
}
