@testable import Canonym
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
        #expect(reopened.compiledIndex != nil)
    }

    @Test func matchesTheSameThroughTheCompiledIndex() throws {
        let fromTSV = Matcher(gazetteer: Self.gazetteer)
        let fromCompiled = Matcher(gazetteer: try decode(Self.compiled))
        for query in ["Tachkent", "Togayev", "Diluberdi", "Kirghizistan", "Токаев", "Moscou", "Blingen", "Jean Dupont", "Springfeld"] {
            let (a, b) = (fromTSV.match(query), fromCompiled.match(query))
            #expect(a.status == b.status && a.entity?.id == b.entity?.id && a.score == b.score && a.best?.matchedName == b.best?.matchedName,
                    "\(query): \(a.status) \(a.entity?.id ?? "-") vs \(b.status) \(b.entity?.id ?? "-")")
        }
    }

    @Test func aDamagedPayloadIsRefused() throws {
        var bytes = Self.compiled
        bytes[bytes.count / 2] ^= 0x40
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

    @Test func aTSVIsNotACompiledGazetteer() {
        #expect(failure(Array("id\tcanonical\nx\tX\n".utf8)) == "test.canonym: error: the compiled gazetteer is not a compiled Canonym gazetteer")
    }
}
