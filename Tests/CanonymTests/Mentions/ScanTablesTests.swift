@testable import Canonym
import CanonymTestSupport
import Testing

@Suite struct ScanTablesTests {
    static let gazetteer = try! DefaultGazetteers.load()
    static let compiled = CompiledGazetteer.encode(gazetteer)
    static let opened = compiled.withUnsafeBytes { try! CompiledGazetteer.decode($0, path: "test.canonym") }

    /// The same gazetteer without stored tables: a scan builds its own.
    private static var unstored: Gazetteer { Gazetteer(tables: opened.tables, warnings: []) }

    /// Some of the gazetteer's words and names run together, and each with a letter changed,
    /// dropped or doubled (a sample: a debug build searches slowly).
    private static let probes: [String] = {
        var random = SeededGenerator(seed: 5)
        let words = Set(opened.names.flatMap { $0.form.romanizations.flatMap { $0 + [$0.joined()] } })
        return words.sorted().shuffled(using: &random).prefix(300).flatMap { word -> [String] in
            var changed = Array(word.utf8), dropped = changed, doubled = changed
            let at = Int.random(in: 0..<changed.count, using: &random)
            changed[at] = UInt8.random(in: UInt8(ascii: "a")...UInt8(ascii: "z"), using: &random)
            dropped.remove(at: at)
            doubled.insert(doubled[at], at: at)
            return [word] + [changed, dropped, doubled].map { String(decoding: $0, as: UTF8.self) }
        }
    }()

    @Test func aCompiledFileStoresTheTablesAScanWouldBuild() throws {
        let stored = try #require(Self.opened.storedScanTables)
        let read = try ScanTables(decoding: stored.bytes, model: .standard)
        let built = ScanTables(gazetteer: Self.unstored, model: .standard)
        #expect(Self.probes.count == 1_200)
        for (readTrie, builtTrie) in [(read.words, built.words), (read.joinedNames, built.joinedNames), (read.surnames, built.surnames)] {
            for similarity: Float in [0.85, 0.9] {
                let differing = Self.probes.filter {
                    readTrie.containsWord(near: Array($0.utf8), minimumSimilarity: similarity) != builtTrie.containsWord(near: Array($0.utf8), minimumSimilarity: similarity)
                }
                #expect(differing.isEmpty, "\(differing.prefix(5))")
            }
        }
        #expect(Set(read.phraseKeys) == Set(built.phraseKeys) && Set(read.phrasePrefixes) == Set(built.phrasePrefixes))
        #expect(read.phraseKeys.count > 100 && read.longestPhrase == built.longestPhrase)
        #expect(CompiledGazetteer.encode(Self.gazetteer) == Self.compiled, "compiling is deterministic")
    }

    @Test func aScanFindsTheSameMentionsWithStoredOrBuiltTables() {
        let text = """
            Le président Tokaïev a reçu Antony Blingen à Astana, puis M. Togayev s'est rendu à Tachkent.
            Mukhtar Tileuberdi et Sergueï Lavrov ont parlé du Kirghizistan, de Moscou et de l'ONU.
            """
        let stored = MentionFinder(matcher: Matcher(gazetteer: Self.opened)).mentions(in: text)
        let built = MentionFinder(matcher: Matcher(gazetteer: Self.unstored)).mentions(in: text)
        #expect(stored.count >= 8)
        #expect(stored.map { "\($0.start)-\($0.end) \($0.match.status) \($0.match.entity?.id ?? "-")" } == built.map { "\($0.start)-\($0.end) \($0.match.status) \($0.match.entity?.id ?? "-")" })
    }

    @Test func storedTablesServeOnlyTheRulesTheyWereBuiltWith() throws {
        let stored = try #require(Self.opened.storedScanTables)
        #expect(ScanTables.fit(stored.bytes, model: .standard))
        var other = CostModel.standard
        other.addRule("zz", "q", cost: 0.3, label: "a rule the stored tries do not know")
        #expect(!ScanTables.fit(stored.bytes, model: other))
        #expect(throws: TruncatedData.self) { try ScanTables(decoding: stored.bytes, model: other) }
        // Costs outside the rules are read when searching, not built into the tries.
        var cheaper = CostModel.standard
        cheaper.transposition = 0.1
        #expect(ScanTables.fit(stored.bytes, model: cheaper))
    }
}
