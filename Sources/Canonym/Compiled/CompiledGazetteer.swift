import Foundation

/// A gazetteer saved after reading, folding and indexing, so that opening it does none of that
/// again (`canonym gazetteer compile`, then `--gazetteer FILE.canonym`).
///
/// Layout: the magic bytes `CANONYMG`, a format number, the Canonym and ICU versions that
/// folded the names, the payload's length and checksum, then the payload (entities, names with
/// their romanisations, the candidate index). A file from another format or another version
/// (whose folding may differ), a damaged or a truncated file is refused with a message saying so.
///
/// ```swift
/// let bytes = CompiledGazetteer.encode(try Gazetteer.load(paths: ["places.tsv"]))
/// let reopened = try CompiledGazetteer.open(path: "places.canonym")
/// ```
public enum CompiledGazetteer {
    static let magic = Array("CANONYMG".utf8)
    static let formatVersion: UInt32 = 3  // 2: skeletons of vowel-poor words, syllable-by-syllable names; 3: legal forms folded to codes
    /// The usual file name extension.
    public static let fileExtension = "canonym"

    /// Whether the file starts like a compiled gazetteer (it may still be refused on opening).
    public static func isCompiled(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: magic.count)).map { Array($0) == magic } ?? false
    }

    /// The compiled form of a gazetteer.
    public static func encode(_ gazetteer: Gazetteer) -> [UInt8] {
        var payload = BinaryWriter()
        payload.write(UInt32(gazetteer.entities.count))
        for entity in gazetteer.entities { write(entity, to: &payload) }
        payload.write(UInt32(gazetteer.names.count))
        for name in gazetteer.names { write(name, to: &payload) }
        (gazetteer.compiledIndex ?? CandidateIndex(names: gazetteer.names)).write(to: &payload)

        var file = BinaryWriter()
        for byte in magic { file.write(byte) }
        file.write(formatVersion)
        file.write(CanonymVersion.string)
        file.write(UInt64(payload.bytes.count))
        file.write(payload.bytes.withUnsafeBytes(checksum))
        return file.bytes + payload.bytes
    }

    /// Opens a compiled gazetteer file (memory-mapped while it is decoded).
    public static func open(path: String) throws(CompiledGazetteerError) -> Gazetteer {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw CompiledGazetteerError(path: path, FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist")
        }
        let result = data.withUnsafeBytes { bytes in
            Result { () throws(CompiledGazetteerError) in try decode(bytes, path: path) }
        }
        return try result.get()
    }

    /// Decodes the bytes of a compiled gazetteer; `path` names it in messages.
    public static func decode(_ bytes: UnsafeRawBufferPointer, path: String) throws(CompiledGazetteerError) -> Gazetteer {
        let damaged = CompiledGazetteerError(path: path, "is damaged or truncated; compile it again")
        func reading<T>(_ body: () throws(TruncatedData) -> T) throws(CompiledGazetteerError) -> T {
            do { return try body() } catch { throw damaged }
        }
        guard bytes.count >= magic.count, Array(bytes.prefix(magic.count)) == magic else {
            throw CompiledGazetteerError(path: path, "is not a compiled Canonym gazetteer")
        }
        var reader = BinaryReader(bytes, offset: magic.count)
        let format: UInt32 = try reading { () throws(TruncatedData) in try reader.read() }
        guard format == formatVersion else {
            throw CompiledGazetteerError(path: path, "uses compiled format \(format); this Canonym reads format \(formatVersion): compile it again")
        }
        let builtBy = try reading { () throws(TruncatedData) in try reader.readString() }
        guard builtBy == CanonymVersion.string else {
            throw CompiledGazetteerError(path: path, "was compiled by Canonym \(builtBy); this is Canonym \(CanonymVersion.string), whose folding may differ: compile it again")
        }
        let length: UInt64 = try reading { () throws(TruncatedData) in try reader.read() }
        let expected: UInt64 = try reading { () throws(TruncatedData) in try reader.read() }
        guard length == UInt64(bytes.count - reader.offset) else { throw damaged }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[reader.offset...])
        guard checksum(payload) == expected else { throw damaged }
        var body = BinaryReader(payload)
        return try reading { () throws(TruncatedData) in try decodePayload(&body) }
    }

    private static func decodePayload(_ reader: inout BinaryReader) throws(TruncatedData) -> Gazetteer {
        let entityCount = Int(try reader.read(UInt32.self))
        var entities: [Entity] = []
        var indexByID: [String: Int] = [:]
        entities.reserveCapacity(entityCount)
        indexByID.reserveCapacity(entityCount)
        for index in 0..<entityCount {
            let entity = try readEntity(&reader)
            guard indexByID.updateValue(index, forKey: entity.id) == nil else { throw TruncatedData() }
            entities.append(entity)
        }
        let nameCount = Int(try reader.read(UInt32.self))
        var names: [GazetteerName] = []
        names.reserveCapacity(nameCount)
        for _ in 0..<nameCount {
            let name = try readName(&reader)
            guard name.entity < entities.count else { throw TruncatedData() }
            names.append(name)
        }
        let index = try CandidateIndex(names: names, reading: &reader)
        return Gazetteer(entities: entities, indexByID: indexByID, names: names, compiledIndex: index)
    }

    private static func write(_ entity: Entity, to writer: inout BinaryWriter) {
        writer.write(entity.id)
        writer.write(entity.canonical)
        writer.write(entity.type.rawValue)
        writer.write(entity.aliases)
        writer.write(entity.country ?? "")
        writer.write(entity.weight)
        let attributes = entity.attributes.sorted { $0.key < $1.key }
        writer.write(attributes.map(\.key))
        writer.write(attributes.map(\.value))
        writer.write(entity.location?.file ?? "")
        writer.write(UInt32(entity.location?.line ?? 0))
        writer.write(UInt32(entity.location?.column ?? 0))
    }

    private static func readEntity(_ reader: inout BinaryReader) throws(TruncatedData) -> Entity {
        let id = try reader.readString(), canonical = try reader.readString()
        guard let type = EntityType(rawValue: try reader.readString()) else { throw TruncatedData() }
        let aliases = try reader.readStrings()
        let country = try reader.readString()
        let weight = try reader.readDouble()
        let keys = try reader.readStrings(), values = try reader.readStrings()
        guard keys.count == values.count else { throw TruncatedData() }
        let file = try reader.readString()
        let line = Int(try reader.read(UInt32.self)), column = Int(try reader.read(UInt32.self))
        return Entity(id: id, canonical: canonical, type: type, aliases: aliases, country: country.isEmpty ? nil : country,
                      weight: weight, attributes: Dictionary(zip(keys, values)) { first, _ in first },
                      location: file.isEmpty ? nil : SourceLocation(file: file, line: line, column: column))
    }

    private static func write(_ name: GazetteerName, to writer: inout BinaryWriter) {
        writer.write(UInt32(name.entity))
        writer.write(name.text)
        writer.write(name.isCanonical)
        writer.write(name.form.display)
        writer.write(UInt16(Script.mask(of: name.form.scripts)))
        writer.write(UInt32(name.form.romanizations.count))
        for romanization in name.form.romanizations { writer.write(romanization) }
    }

    private static func readName(_ reader: inout BinaryReader) throws(TruncatedData) -> GazetteerName {
        let entity = Int(try reader.read(UInt32.self))
        let text = try reader.readString()
        let isCanonical = try reader.readBool()
        let display = try reader.readString()
        let scriptBits: UInt16 = try reader.read()
        guard Int(scriptBits) < Script.sets.count else { throw TruncatedData() }
        let scripts = Script.sets[Int(scriptBits)]
        let count = Int(try reader.read(UInt32.self))
        guard count >= 1, count <= 16 else { throw TruncatedData() }
        var romanizations: [[String]] = []
        for _ in 0..<count { romanizations.append(try reader.readStrings()) }
        return GazetteerName(entity: entity, text: text, isCanonical: isCanonical,
                             form: NameForm(display: display, romanizations: romanizations, scripts: scripts))
    }
}

/// A compiled gazetteer that cannot be used, and why.
public struct CompiledGazetteerError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    init(path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): error: the compiled gazetteer \(reason)" }
}
