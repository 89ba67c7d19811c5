import Foundation

/// A gazetteer saved after reading, folding and indexing, so that opening it does none of that
/// again (`canonym gazetteer compile`, then `--gazetteer FILE.canonym`).
///
/// Layout: the magic bytes `CANONYMG`, a format number, the Canonym and ICU versions that
/// folded the names, the payload's length and checksum, the confidence model compiled with the
/// gazetteer (its JSON, empty without one) and its checksum, zeros up to an 8-byte boundary, then
/// the payload: the gazetteer's tables (`GazetteerTables`) as they lie in memory, so a mapped
/// file is used in place. A file from another format or another version (whose folding may
/// differ), a damaged or a truncated file is refused with a message saying so.
///
/// ```swift
/// let places = try Gazetteer.load(paths: ["places.tsv"])
/// let bytes = CompiledGazetteer.encode(places, confidenceModel: try Calibration.calibrate(places).model)
/// let reopened = try CompiledGazetteer.open(path: "places.canonym")
/// ```
public enum CompiledGazetteer {
    static let magic = Array("CANONYMG".utf8)
    static let formatVersion: UInt32 = 15  // 2: skeletons of vowel-poor words, syllable-by-syllable names; 3: legal forms folded to codes; 4: tables read in place; 5: bigram counts beside postings; 6: words without separators; 7: number words also read as digits; 8: trigram postings; 9: legal forms misspelt or cut short, abbreviations written out, slash alternatives; 10: places' qualifying words learnt; 11: a confidence model compiled in (first written as 10), Serbian and Macedonian Cyrillic read in their own orthographies; 12: Latin letters ICU's Latin-ASCII leaves (ə ɔ ɣ) spelt; 13: Belarusian told by і with ы, э or ё; 14: a scan's tables stored after the payload; 15: each locator's country stored with it
    /// The usual file name extension.
    public static let fileExtension = "canonym"

    /// Whether the file starts like a compiled gazetteer (it may still be refused on opening).
    public static func isCompiled(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: magic.count)).map { Array($0) == magic } ?? false
    }

    /// The compiled form of a gazetteer: a header, then its tables as they are. A confidence
    /// model (learnt from this gazetteer by ``Calibration``) rides along: opened, the gazetteer
    /// carries it as ``Gazetteer/confidenceModel``.
    ///
    /// After the tables come the ones a scan makes of them (`ScanTables`, built with the standard
    /// costs), with a checksum of their own: a scan reads them instead of building them.
    public static func encode(_ gazetteer: Gazetteer, confidenceModel: ConfidenceModel? = nil) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(gazetteer, confidenceModel: confidenceModel) { bytes += $0 }
        return bytes
    }

    /// `encode`, handed to `write` piece by piece in order (header, tables, a scan's tables), so
    /// that the file (half a gigabyte for a million names) is never whole in memory beside the
    /// gazetteer. Returns its length.
    @discardableResult
    public static func encode(_ gazetteer: Gazetteer, confidenceModel: ConfidenceModel? = nil,
                              into write: (UnsafeRawBufferPointer) throws -> Void) rethrows -> Int {
        let payload = gazetteer.tables.payload
        let model = confidenceModel.map { String(decoding: $0.encoded(), as: UTF8.self) } ?? ""
        let scanTables = ScanTables.encoded(gazetteer: gazetteer, model: .standard)
        var file = BinaryWriter()
        for byte in magic { file.write(byte) }
        file.write(formatVersion)
        file.write(CanonymVersion.string)
        file.write(UInt64(payload.count))
        file.write(checksum(payload))
        file.write(model)
        file.write(Array(model.utf8).withUnsafeBytes(checksum))
        file.write(UInt64(scanTables.count))
        file.write(scanTables.withUnsafeBytes(checksum))
        while file.bytes.count % 8 != 0 { file.write(UInt8(0)) }
        let padding = [UInt8](repeating: 0, count: (8 - payload.count % 8) % 8)
        try file.bytes.withUnsafeBytes(write)
        try write(payload)
        try padding.withUnsafeBytes(write)
        try scanTables.withUnsafeBytes(write)
        return file.bytes.count + payload.count + padding.count + scanTables.count
    }

    /// Opens a compiled gazetteer file: maps it and reads its tables in place.
    public static func open(path: String) throws(CompiledGazetteerError) -> Gazetteer {
        guard let store = ByteStore.mapping(path: path) else {
            throw CompiledGazetteerError(path: path, FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist")
        }
        return try gazetteer(in: store, path: path)
    }

    /// Decodes the bytes of a compiled gazetteer (copied: the tables outlive `bytes`); `path` names it in messages.
    public static func decode(_ bytes: UnsafeRawBufferPointer, path: String) throws(CompiledGazetteerError) -> Gazetteer {
        try gazetteer(in: ByteStore(copying: bytes), path: path)
    }

    private static func gazetteer(in store: ByteStore, path: String) throws(CompiledGazetteerError) -> Gazetteer {
        let bytes = store.bytes
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
        let modelJSON = try reading { () throws(TruncatedData) in try reader.readString() }
        let modelChecksum: UInt64 = try reading { () throws(TruncatedData) in try reader.read() }
        guard Array(modelJSON.utf8).withUnsafeBytes(checksum) == modelChecksum else { throw damaged }
        var model: ConfidenceModel?
        if !modelJSON.isEmpty {
            do { model = try ConfidenceModel.decode(Data(modelJSON.utf8)) } catch {
                throw CompiledGazetteerError(path: path, "carries a confidence model that cannot be read (\(error.reason)); compile it again")
            }
        }
        let scanLength: UInt64 = try reading { () throws(TruncatedData) in try reader.read() }
        let scanChecksum: UInt64 = try reading { () throws(TruncatedData) in try reader.read() }
        let start = (reader.offset + 7) / 8 * 8
        guard start <= bytes.count, length <= UInt64(bytes.count - start) else { throw damaged }
        let scanStart = start + (Int(length) + 7) / 8 * 8
        guard scanStart <= bytes.count, scanLength == UInt64(bytes.count - scanStart) else { throw damaged }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[start..<(start + Int(length))])
        let scanBytes = UnsafeRawBufferPointer(rebasing: bytes[scanStart...])
        // The scan tables are read again only by a scan: their pages go once checked.
        guard checksum(payload) == expected, checksum(scanBytes, hashed: store.releasePages(within:)) == scanChecksum else { throw damaged }
        let tables = try reading { () throws(TruncatedData) in try GazetteerTables(store: store, payload: payload) }
        let scanTables = Gazetteer.StoredScanTables(store: store, bytes: scanBytes)
        return Gazetteer(tables: tables, warnings: [], confidenceModel: model, storedScanTables: scanTables)
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
