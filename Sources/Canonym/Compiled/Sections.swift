import Dispatch

/// The tables a gazetteer is made of, by the number that names each in a compiled file.
enum SectionID: UInt32, CaseIterable {
    // Entities: their records, types and weights, and the lookup by id (which holds the ids).
    case entityRecordStart = 1, entityRecords, entityTypes, entityWeights
    case idSlots, idKeyStart, idKeyBytes, idValueStart, idValues
    // Names: owner, canonical flag, scripts, records (text, display) and first entry.
    case nameEntity = 20, nameIsCanonical, nameScripts, nameRecordStart, nameRecords, nameFirstEntry
    case keySlots, keyKeyStart, keyKeyBytes, keyValueStart, keyValues
    // Entries (one per romanisation of a name): owner, words, letters.
    case entryName = 40, entryFirstWord, wordStart, letters
    // The candidate index: each entry's bigrams, and each trigram's entries with their trigram counts.
    case entryGramStart = 60, entryGrams, postingStart = 63, postings, postingKeyCounts
    // Words learnt from the gazetteer: places' qualifiers (`QualifierWords`).
    case qualifierWords = 80
}

/// Writes tables one after another, each 8-byte aligned, behind a directory of
/// (id, offset, length): a reader points at each table where it lies, copying nothing.
/// Tables are written straight into the memory that `finish()` hands to a `ByteStore`.
final class SectionWriter {
    private var memory = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    private var count: Int
    private var directory: [(id: SectionID, offset: Int, length: Int)] = []
    /// Room for one directory row per kind of table, before the first table.
    private static let directorySize = 8 + 24 * SectionID.allCases.count

    init() {
        precondition(UInt16(1).littleEndian == 1, "compiled tables are little-endian")
        count = Self.directorySize
        memory.initializeMemory(as: UInt8.self, repeating: 0)
    }

    deinit { if memory.count > 0 { memory.deallocate() } }

    /// Appends `list`'s tables in its order, each let go of once copied: a million names' tables
    /// are hundreds of megabytes, and held to the end they stood beside their whole copy. A
    /// table is copied in pieces on all cores, every page of it fresh memory.
    func append(_ list: consuming SectionList) {
        reserve(list.sections.reduce(0) { $0 + Self.padded($1.table.byteCount) })  // one allocation, not one per doubling
        while !list.sections.isEmpty {
            let (id, table) = list.sections.removeFirst()
            nonisolated(unsafe) let at = memory.baseAddress! + count  // each piece writes bytes no other piece does
            DispatchQueue.concurrentPerform(iterations: (table.byteCount + Self.pieceSize - 1) / Self.pieceSize) { piece in
                let from = piece * Self.pieceSize, to = min(table.byteCount, from + Self.pieceSize)
                table.withBytes { bytes in (at + from).copyMemory(from: bytes.baseAddress! + from, byteCount: to - from) }
            }
            let padded = Self.padded(table.byteCount)
            (at + table.byteCount).initializeMemory(as: UInt8.self, repeating: 0, count: padded - table.byteCount)
            directory.append((id, count, table.byteCount))
            count += padded
        }
    }

    private static let pieceSize = 1 << 20

    func append<T: BitwiseCopyable>(_ id: SectionID, _ values: [T]) {
        values.withUnsafeBytes { append(id, $0) }
    }

    private func append(_ id: SectionID, _ bytes: UnsafeRawBufferPointer) {
        let padded = Self.padded(bytes.count)
        reserve(padded)
        if let base = bytes.baseAddress { (memory.baseAddress! + count).copyMemory(from: base, byteCount: bytes.count) }
        (memory.baseAddress! + count + bytes.count).initializeMemory(as: UInt8.self, repeating: 0, count: padded - bytes.count)
        directory.append((id, count, bytes.count))
        count += padded
    }

    private static func padded(_ byteCount: Int) -> Int { (byteCount + 7) / 8 * 8 }

    /// Makes room for `lists` at once: a gazetteer's tables are tens of megabytes, and each
    /// doubling would copy them all again.
    func reserve(for lists: [SectionList]) {
        reserve(lists.reduce(0) { total, list in list.sections.reduce(total) { $0 + Self.padded($1.table.byteCount) } })
    }

    private func reserve(_ extra: Int) {
        guard count + extra > memory.count else { return }
        var size = memory.count
        while size < count + extra { size *= 2 }
        let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        grown.baseAddress!.copyMemory(from: memory.baseAddress!, byteCount: count)
        memory.deallocate()
        memory = grown
    }

    /// The payload (directory and tables), handed over to a store; the writer is empty after.
    func finish() -> ByteStore {
        var rows: [UInt64] = [UInt64(directory.count)]
        for row in directory { rows += [UInt64(row.id.rawValue), UInt64(row.offset), UInt64(row.length)] }
        rows.withUnsafeBytes { memory.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        let store = ByteStore(adopting: memory, count: count)
        memory = UnsafeMutableRawBufferPointer(start: nil, count: 0)
        return store
    }
}

/// Tables made apart (on several threads), appended to a `SectionWriter` in a fixed order so
/// that a compiled file comes out the same on every run.
struct SectionList: Sendable {
    /// The arrays themselves, not copies of their bytes: they are copied once, into the writer.
    fileprivate var sections: [(id: SectionID, table: SectionTable)] = []

    mutating func append<T: BitwiseCopyable & Sendable>(_ id: SectionID, _ values: [T]) {
        sections.append((id, SectionTable(values)))
    }

    /// Appends the tables of `other`, in its order.
    mutating func append(_ other: SectionList) {
        sections += other.sections
    }
}

/// An array of plain values of any type, as the bytes a section holds.
private struct SectionTable: Sendable {
    let byteCount: Int
    let withBytes: @Sendable ((UnsafeRawBufferPointer) -> Void) -> Void

    init<T: BitwiseCopyable & Sendable>(_ values: [T]) {
        byteCount = values.count * MemoryLayout<T>.stride
        withBytes = { body in values.withUnsafeBytes(body) }
    }
}

/// The tables of a `SectionWriter` payload, read in place. Every range is checked against the
/// payload, so a damaged directory fails with `TruncatedData` rather than a bad read.
struct Sections {
    private let payload: UnsafeRawBufferPointer
    private let ranges: [SectionID: Range<Int>]

    /// `payload` must start 8-byte aligned (a mapped file's page, or a `ByteStore` copy).
    init(_ payload: UnsafeRawBufferPointer) throws(TruncatedData) {
        guard let base = payload.baseAddress, Int(bitPattern: base) % 8 == 0 else { throw TruncatedData() }
        var reader = BinaryReader(payload)
        let count = try reader.read(UInt64.self)
        guard count <= UInt64(SectionID.allCases.count) else { throw TruncatedData() }
        var ranges: [SectionID: Range<Int>] = [:]
        for _ in 0..<count {
            let raw = try reader.read(UInt64.self), offset = try reader.read(UInt64.self), length = try reader.read(UInt64.self)
            guard let id = UInt32(exactly: raw).flatMap(SectionID.init(rawValue:)), offset % 8 == 0,
                  offset <= UInt64(payload.count), length <= UInt64(payload.count) - offset,
                  ranges.updateValue(Int(offset)..<Int(offset + length), forKey: id) == nil else { throw TruncatedData() }
        }
        self.payload = payload
        self.ranges = ranges
    }

    /// Table `id` as `T`s; `count`, when given, is the number it must hold.
    func table<T: BitwiseCopyable>(_ id: SectionID, _: T.Type = T.self, count: Int? = nil) throws(TruncatedData) -> UnsafeBufferPointer<T> {
        guard let range = ranges[id], range.count % MemoryLayout<T>.stride == 0 else { throw TruncatedData() }
        let elements = range.count / MemoryLayout<T>.stride
        guard count == nil || count == elements else { throw TruncatedData() }
        let start = payload.baseAddress!.advanced(by: range.lowerBound)
        return UnsafeBufferPointer(start: start.bindMemory(to: T.self, capacity: elements), count: elements)
    }
}

/// Checks of stored tables, written without early exits so that the compiler vectorises them:
/// opening a million-name file checks tens of millions of numbers.
enum TableCheck {
    /// `starts` runs from `first` to `last` without going down (`strictly`: always going up).
    static func isMonotone<T: FixedWidthInteger>(_ starts: UnsafeBufferPointer<T>, from first: T, to last: T, strictly: Bool = false) -> Bool {
        guard starts.first == first, starts.last == last else { return false }
        var bad: UInt8 = 0
        if strictly {
            for k in 1..<starts.count { bad |= starts[k - 1] >= starts[k] ? 1 : 0 }
        } else {
            for k in 1..<starts.count { bad |= starts[k - 1] > starts[k] ? 1 : 0 }
        }
        return bad == 0
    }

    /// Every value lies in `0..<limit`.
    static func allBelow<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>, _ limit: Int) -> Bool {
        guard limit >= 0 else { return false }
        guard let bound = T.Magnitude(exactly: limit) else { return true }  // above every value of T
        // The largest value, rather than a flag per value: a reduction the compiler vectorises.
        var largest: T.Magnitude = 0
        for value in values { largest = Swift.max(largest, T.Magnitude(truncatingIfNeeded: value)) }
        return values.isEmpty || largest < bound
    }
}
