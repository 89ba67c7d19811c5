@testable import Canonym
import Foundation
import CanonymTestSupport
import Testing

@Suite struct CompiledGazetteerTests {
    static let gazetteer = try! DefaultGazetteers.load()
    static let compiled = CompiledGazetteer.encode(gazetteer)

    private func decode(_ bytes: [UInt8]) throws(CompiledGazetteerError) -> Gazetteer {
        let result = bytes.withUnsafeBytes { raw in Result { () throws(CompiledGazetteerError) in try CompiledGazetteer.decode(raw, path: "test.canonym") } }
        return try result.get()
    }

    private func failure(_ bytes: [UInt8]) -> String? {
        do { _ = try decode(bytes); return nil } catch { return error.description }
    }

    @Test func scriptMasksKeepTheFormatsBitOrder() {
        // Compiled files store a name's scripts as a mask whose bit k is Script.allCases[k].
        #expect(Script.allCases.enumerated().allSatisfy { $0.element.bit == 1 << $0.offset })
        #expect(Script.sets.indices.allSatisfy { Script.mask(of: Script.sets[$0]) == $0 })
    }

    @Test func roundTripKeepsEntitiesNamesAndFoldedForms() throws {
        let reopened = try decode(Self.compiled)
        #expect(reopened.entities == Self.gazetteer.entities)
        #expect(reopened.names.count == Self.gazetteer.names.count)
        for (a, b) in zip(reopened.names, Self.gazetteer.names) {
            #expect(a.entity == b.entity && a.text == b.text && a.isCanonical == b.isCanonical && a.form == b.form)
        }
        #expect(reopened.entity(id: "person:tokayev")?.canonical == Self.gazetteer.entity(id: "person:tokayev")?.canonical)
        #expect(reopened.index.entryCount == Self.gazetteer.index.entryCount)
        #expect(reopened.ambiguousKeys.map(\.key) == Self.gazetteer.ambiguousKeys.map(\.key))
    }

    @Test func matchesTheSameThroughTheCompiledIndex() throws {
        let fromTSV = Matcher(gazetteer: Self.gazetteer)
        let fromCompiled = Matcher(gazetteer: try decode(Self.compiled))
        for query in ["Tachkent", "Togayev", "Diluberdi", "Kirghizistan", "Токаев", "Moscou", "Blingen", "Jean Dupont", "Springfeld", "EP", "JC Juncker"] {
            let (a, b) = (fromTSV.match(query), fromCompiled.match(query))
            #expect(a.status == b.status && a.entity?.id == b.entity?.id && a.score == b.score && a.best?.matchedName == b.best?.matchedName,
                    "\(query): \(a.status) \(a.entity?.id ?? "-") vs \(b.status) \(b.entity?.id ?? "-")")
        }
    }

    /// A confidence model compiled in comes back as it went in; a file without one carries none,
    /// and a model damaged in the file is refused.
    @Test func aConfidenceModelRidesAlong() throws {
        let model = ConfidenceModel(regression: LogisticRegression(means: .init(repeating: 0.5, count: ConfidenceModel.featureNames.count),
                                                                   scales: .init(repeating: 1, count: ConfidenceModel.featureNames.count),
                                                                   weights: .init(repeating: 0.25, count: ConfidenceModel.featureNames.count), bias: -1),
                                    provenance: .init(entities: 3, names: 5, heldOutAliases: 60, absentNames: 20, seed: 1))
        let bytes = CompiledGazetteer.encode(Self.gazetteer, confidenceModel: model)
        #expect(try decode(bytes).confidenceModel == model)
        #expect(try decode(Self.compiled).confidenceModel == nil)
        let json = Array(model.encoded()), at = try #require(bytes.indices.first { Array(bytes[$0..<($0 + json.count)]) == json })
        var damaged = bytes
        damaged[at + json.count / 2] ^= 0x01
        #expect(failure(damaged)?.contains("is damaged or truncated") == true)
    }

    @Test func aDamagedPayloadIsRefused() throws {
        var bytes = Self.compiled
        bytes[Self.payloadStart(bytes) + Self.payloadLength(bytes) / 2] ^= 0x40
        #expect(failure(bytes) == "test.canonym: error: the compiled gazetteer is damaged or truncated; compile it again")
    }

    @Test func damagedScanTablesAreRefused() throws {
        var bytes = Self.compiled
        let start = Self.scanTablesStart(bytes)
        bytes[start + (bytes.count - start) / 2] ^= 0x40
        #expect(failure(bytes) == "test.canonym: error: the compiled gazetteer is damaged or truncated; compile it again")
    }

    @Test func aTruncatedFileIsRefused() {
        for length in [13, 40, Self.compiled.count - 100] {
            #expect(failure(Array(Self.compiled.prefix(length)))?.contains("is damaged or truncated") == true, "cut at \(length)")
        }
        #expect(failure(Array(Self.compiled.prefix(4)))?.contains("is not a compiled Canonym gazetteer") == true)
    }

    @Test func anotherVersionIsRefusedByName() {
        // Header: 8 magic bytes, the format (4 bytes), then the version string's length (4 bytes) and bytes.
        var bytes = Self.compiled
        bytes[16] = UInt8(ascii: "9")
        let message = failure(bytes)
        #expect(message?.contains("was compiled by Canonym 9") == true, "\(message ?? "accepted")")
        #expect(message?.contains("this is Canonym \(CanonymVersion.string)") == true)

        var otherFormat = Self.compiled
        otherFormat[8] = 99
        #expect(failure(otherFormat)?.contains("uses compiled format 99") == true)
    }

    /// Where the payload starts: after the header (magic, format, version, length, checksum, the
    /// confidence model's JSON and checksum, the scan tables' length and checksum), at 8 bytes.
    private static func length(_ bytes: [UInt8], at offset: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) } }
    private static func payloadStart(_ bytes: [UInt8]) -> Int {
        let modelAt = 32 + length(bytes, at: 12)
        return (modelAt + 4 + length(bytes, at: modelAt) + 8 + 16 + 7) / 8 * 8
    }
    private static func payloadLength(_ bytes: [UInt8]) -> Int { length(bytes, at: 16 + length(bytes, at: 12)) }
    /// Where the scan tables start, after the payload at 8 bytes, and where their checksum is.
    static func scanTablesStart(_ bytes: [UInt8]) -> Int { payloadStart(bytes) + (payloadLength(bytes) + 7) / 8 * 8 }
    private static func scanChecksumAt(_ bytes: [UInt8]) -> Int {
        let modelAt = 32 + length(bytes, at: 12)
        return modelAt + 4 + length(bytes, at: modelAt) + 8 + 8
    }

    /// Where table `section` starts in the file, read from the payload's directory.
    private static func tableOffset(_ bytes: [UInt8], _ section: SectionID) -> Int {
        func load(_ at: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let start = payloadStart(bytes)
        let entry = (0..<load(start)).first { load(start + 8 + 24 * $0) == Int(section.rawValue) }!
        return start + load(start + 8 + 24 * entry + 8)
    }

    /// The bytes with one number of a table changed and the checksum made right again: only
    /// the checks of the tables themselves can refuse them.
    private static func resealed(_ bytes: [UInt8], section: SectionID, element: Int, value: Int32) -> [UInt8] {
        var bytes = bytes
        let at = tableOffset(bytes, section) + 4 * element
        withUnsafeBytes(of: value.littleEndian) { for k in 0..<4 { bytes[at + k] = $0[k] } }
        return resealed(bytes)
    }

    /// The bytes with the checksums of their payload and their scan tables written into the header.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let start = payloadStart(bytes)
        let sum = bytes[start..<(start + payloadLength(bytes))].withUnsafeBytes { checksum($0) }
        let checksumAt = 24 + length(bytes, at: 12)
        withUnsafeBytes(of: sum.littleEndian) { for k in 0..<8 { bytes[checksumAt + k] = $0[k] } }
        let scanSum = bytes[scanTablesStart(bytes)...].withUnsafeBytes { checksum($0) }
        let scanChecksumAt = scanChecksumAt(bytes)
        withUnsafeBytes(of: scanSum.littleEndian) { for k in 0..<8 { bytes[scanChecksumAt + k] = $0[k] } }
        return bytes
    }

    @Test(arguments: [(SectionID.postings, 7), (.nameEntity, 3), (.entryFirstWord, 5), (.wordStart, 9), (.keySlots, 1),
                      (.nameFirstEntry, 2), (.entryName, 4), (.entityRecordStart, 1), (.nameRecordStart, 6)])
    func aConsistentChecksumOverBrokenTablesIsRefused(section: SectionID, element: Int) {
        let broken = Self.resealed(Self.compiled, section: section, element: element, value: 1 << 30)
        #expect(failure(broken) == "test.canonym: error: the compiled gazetteer is damaged or truncated; compile it again", "\(section)")
        // Resealing alone changes nothing: the unchanged value opens.
        let original = Self.compiled.withUnsafeBytes { raw in
            Int32(littleEndian: raw.loadUnaligned(fromByteOffset: Self.tableOffset(Self.compiled, section) + 4 * element, as: Int32.self))
        }
        #expect(failure(Self.resealed(Self.compiled, section: section, element: element, value: original)) == nil, "\(section)")
    }

    @Test func anEntryListedTwiceUnderABigramIsRefused() {
        let starts = Self.compiled.withUnsafeBytes { raw in
            (0...CandidateIndex.keyCodeCount).map { raw.loadUnaligned(fromByteOffset: Self.tableOffset(Self.compiled, .postingStart) + 4 * $0, as: Int32.self) }
        }
        let gram = starts.indices.dropLast().first { starts[$0 + 1] - starts[$0] >= 2 }!
        let first = Self.compiled.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: Self.tableOffset(Self.compiled, .postings) + 4 * Int(starts[gram]), as: Int32.self) }
        let broken = Self.resealed(Self.compiled, section: .postings, element: Int(starts[gram]) + 1, value: first)
        #expect(failure(broken) == "test.canonym: error: the compiled gazetteer is damaged or truncated; compile it again")
    }

    @Test func randomDamageBehindAGoodChecksumIsRefusedOrReadSafely() {
        // Bytes changed anywhere in the payload, the checksum made right again: the file is refused,
        // or it opens and everything in it can be read and matched against without a bad read
        // (test builds check every buffer access).
        var random = SeededGenerator(seed: 11)
        let start = Self.payloadStart(Self.compiled)
        var refused = 0
        for _ in 0..<60 {
            var bytes = Self.compiled
            for _ in 0..<3 {
                bytes[Int.random(in: start..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            bytes = Self.resealed(bytes)
            guard let opened = try? decode(bytes) else { refused += 1; continue }
            _ = (opened.entities.map(\.id), opened.names.map(\.form), opened.ambiguousKeys)
            let matcher = Matcher(gazetteer: opened)
            for query in ["Tachkent", "Togayev", "Astana", "Kassym-Jomart Tokayev"] { _ = matcher.match(query) }
            _ = MentionFinder(matcher: matcher).mentions(in: "M. Togayev a rencontré Blingen à Tachkent et à Nour-Soultan.")
        }
        #expect(refused > 0)
    }

    @Test func randomDamageInTheScanTablesBehindAGoodChecksumIsRefusedOrReadSafely() {
        // The scan tables' bytes changed, both checksums made right again: the tables are refused
        // (a scan then builds its own) or read, and every search and lookup in them stays in bounds.
        var random = SeededGenerator(seed: 12)
        let start = Self.scanTablesStart(Self.compiled)
        var refused = 0, read = 0
        for trial in 0..<60 {
            var bytes = Self.compiled
            for _ in 0..<(1 + trial % 3) { bytes[Int.random(in: start..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random) }
            let sealed = Self.resealed(bytes)
            let stored = sealed[start...].withUnsafeBytes { raw in try? ScanTables(decoding: raw, model: .standard) }
            guard let tables = stored else { refused += 1; continue }
            read += 1
            for word in ["tachkent", "togayev", "a", "kassymjomarttokayev", "nour soultan"] {
                for trie in [tables.words, tables.joinedNames, tables.surnames] {
                    for similarity: Float in [0, 0.5, 0.85, 0.9, 1] { _ = trie.containsWord(near: Array(word.utf8), minimumSimilarity: similarity) }
                }
                _ = (tables.phraseKeys.contains(word), tables.phrasePrefixes.contains(word), Array(tables.phraseKeys))
            }
            let opened = try? decode(sealed)
            #expect(opened != nil, "the payload is whole")
            if let opened { _ = MentionFinder(matcher: Matcher(gazetteer: opened)).mentions(in: "M. Togayev a rencontré Blingen à Tachkent.") }
        }
        #expect(refused > 0 && read > 0, "refused \(refused), read \(read)")
    }

    @Test func aMappedFileMatchesAsTheGazetteerItWasCompiledFrom() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("canonym-\(UUID().uuidString).canonym").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(Self.compiled).write(to: URL(fileURLWithPath: path))
        let opened = try CompiledGazetteer.open(path: path)
        #expect(opened.entities == Self.gazetteer.entities)
        let (a, b) = (Matcher(gazetteer: opened).match("Tachkent"), Matcher(gazetteer: Self.gazetteer).match("Tachkent"))
        #expect(a.entity?.id == "city:tashkent" && a.entity == b.entity && a.status == b.status)
    }

    @Test func aTSVIsNotACompiledGazetteer() {
        #expect(failure(Array("id\tcanonical\nx\tX\n".utf8)) == "test.canonym: error: the compiled gazetteer is not a compiled Canonym gazetteer")
    }
}
