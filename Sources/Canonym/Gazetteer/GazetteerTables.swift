import CMemory
import Dispatch
import Synchronization

/// A gazetteer as flat tables of numbers and bytes: entities, names, their lookups by id and by
/// folded key, and the candidate index.
///
/// A gazetteer read from TSV builds them in memory after folding; `gazetteer compile` writes
/// them as they are; a compiled file is mapped and read in place, so opening it decodes nothing.
/// Entities and names become Swift values only when asked for (a match's few candidates).
struct GazetteerTables: @unchecked Sendable {  // unchecked: read-only views into `store`
    let store: ByteStore
    /// The tables' bytes in `store` (a compiled file's store also holds its header).
    let payload: UnsafeRawBufferPointer
    let index: CandidateIndex
    /// Entity e: its record (canonical, aliases, country, attributes, location), type and weight;
    /// its id is `ids.key(e)`.
    private let entityRecordStart: UnsafeBufferPointer<Int64>
    private let entityRecords: UnsafeBufferPointer<UInt8>
    let entityTypes: UnsafeBufferPointer<UInt8>
    let entityWeights: UnsafeBufferPointer<Double>
    let ids: KeyTable
    /// Name k: its entity, whether it is the canonical one, its scripts and its record (text, display).
    let nameEntity: UnsafeBufferPointer<Int32>
    let nameIsCanonical: UnsafeBufferPointer<UInt8>
    private let nameScripts: UnsafeBufferPointer<UInt16>
    private let nameRecordStart: UnsafeBufferPointer<Int64>
    private let nameRecords: UnsafeBufferPointer<UInt8>
    /// Every romanisation key of every name → indices of the names.
    let keys: KeyTable
    /// Words places' names carry or drop, learnt when the tables were built (`QualifierWords`).
    let qualifierWords: WordSet
    /// The country each of those that is a locator names (*wskwnsn*: US).
    let locatorCountries: [String: String]

    var entityCount: Int { entityTypes.count }
    /// Entity types by their stored number (`allCases` would make a new array on every call).
    private static let types = EntityType.allCases
    var nameCount: Int { nameEntity.count }

    /// The lookup of `entities` by id, which also tells the ids given twice (`repeatedKeys`).
    static func ids(of entities: [Entity]) -> KeyTable.Builder {
        var ids = KeyTable.Builder()
        for e in entities.indices { ids.add(Array(entities[e].id.utf8), value: Int32(e)) }
        return ids
    }

    /// The tables of entities (`ids`: their lookup by id) and their folded names, in a store of their own.
    /// - Complexity: O(total length of all names); the index is built on all cores.
    static func store(entities: [Entity], ids: KeyTable.Builder, names: [GazetteerName]) -> ByteStore {
        // One pool of work for all cores: the entity and name tables as one item, the index's
        // entries in chunks of names; the postings are then made from the chunks.
        let ranges = CandidateIndex.entryChunkRanges(nameCount: names.count)
        let recordList = Mutex(SectionList()), qualifiers = Mutex(QualifierWords.Learnt())
        let chunks = Mutex([CandidateIndex.EntryChunk](repeating: .init(), count: ranges.count))
        DispatchQueue.concurrentPerform(iterations: ranges.count + 2) { item in
            if item == 0 {
                var list = SectionList()
                appendEntitiesAndNames(entities: entities, ids: ids, names: names, to: &list)
                recordList.withLock { $0 = list }
            } else if item == 1 {
                let learnt = QualifierWords.learn(from: names, isPlace: { entities[$0].type == .place }, country: { entities[$0].country })
                qualifiers.withLock { $0 = learnt }
            } else {
                let chunk = CandidateIndex.entryChunk(of: names, in: ranges[item - 2])
                chunks.withLock { $0[item - 2] = chunk }
            }
        }
        recordList.withLock { $0.append(.qualifierWords, QualifierWords.encode(qualifiers.withLock { $0 })) }
        var indexList = SectionList()
        CandidateIndex.appendTables(of: names, chunks: chunks.withLock { chunks in defer { chunks = [] }; return chunks }, to: &indexList)
        // Each list is freed once written: a million-name gazetteer's tables are hundreds of megabytes.
        var lists = [recordList.withLock { list in defer { list = SectionList() }; return list }, indexList]
        indexList = SectionList()
        // The index's chunks, hundreds of megabytes of small arrays at a million names, are freed
        // by now: their pages go back before the tables' copy takes fresh ones.
        _ = canonym_release_free_memory()
        let writer = SectionWriter()
        writer.reserve(for: lists)
        while !lists.isEmpty { writer.append(lists.removeFirst()) }
        return writer.finish()
    }

    private static func appendEntitiesAndNames(entities: [Entity], ids: KeyTable.Builder, names: [GazetteerName], to list: inout SectionList) {
        var records = BinaryWriter(), starts: [Int64] = [0]
        // Indices rather than elements: an element taken out of the array is a copy, whose every
        // string and array is retained and then released.
        for e in entities.indices {
            write(entities[e], to: &records)
            starts.append(Int64(records.bytes.count))
        }
        list.append(.entityRecordStart, starts)
        list.append(.entityRecords, records.bytes)
        list.append(.entityTypes, entities.map { UInt8(types.firstIndex(of: $0.type)!) })
        list.append(.entityWeights, entities.map(\.weight))
        ids.append(ids: KeyTable.entityIDs, to: &list)

        records = BinaryWriter()
        starts = [0]
        for k in names.indices {
            records.write(names[k].text)
            records.write(names[k].form.display)
            starts.append(Int64(records.bytes.count))
        }
        list.append(.nameEntity, names.map { Int32($0.entity) })
        list.append(.nameIsCanonical, names.map { UInt8($0.isCanonical ? 1 : 0) })
        list.append(.nameScripts, names.map(\.form.scriptMask))
        list.append(.nameRecordStart, starts)
        list.append(.nameRecords, records.bytes)

        // Each romanisation's words joined by single spaces, into one reused buffer.
        var keys = KeyTable.Builder(), key: [UInt8] = []
        for index in names.indices {
            for romanization in names[index].form.romanizations {
                key.removeAll(keepingCapacity: true)
                for (k, word) in romanization.enumerated() {
                    if k > 0 { key.append(UInt8(ascii: " ")) }
                    key += word.utf8
                }
                keys.add(key, value: Int32(index))
            }
        }
        keys.append(ids: KeyTable.nameKeys, to: &list)
    }

    /// The tables of `payload` (which lies in `store`), read in place. Every stored number and
    /// record is checked against the others, so a damaged file is refused rather than trusted.
    init(store: ByteStore, payload: UnsafeRawBufferPointer) throws(TruncatedData) {
        let sections = try Sections(payload)
        self.store = store
        self.payload = payload
        entityTypes = try sections.table(.entityTypes)
        let entityCount = entityTypes.count
        entityRecordStart = try sections.table(.entityRecordStart, count: entityCount + 1)
        entityRecords = try sections.table(.entityRecords)
        entityWeights = try sections.table(.entityWeights, count: entityCount)
        ids = try KeyTable(sections, ids: KeyTable.entityIDs, valueLimit: entityCount)
        nameEntity = try sections.table(.nameEntity)
        let nameCount = nameEntity.count
        nameIsCanonical = try sections.table(.nameIsCanonical, count: nameCount)
        nameScripts = try sections.table(.nameScripts, count: nameCount)
        nameRecordStart = try sections.table(.nameRecordStart, count: nameCount + 1)
        nameRecords = try sections.table(.nameRecords)
        keys = try KeyTable(sections, ids: KeyTable.nameKeys, valueLimit: nameCount)
        guard let qualifiers = QualifierWords.decode(try sections.table(.qualifierWords)) else { throw TruncatedData() }
        qualifierWords = WordSet(qualifiers.words)
        locatorCountries = qualifiers.locatorCountries
        // The index's checks and the records' on two cores: a million-name file holds tens of
        // millions of numbers to check.
        let built = Mutex<Result<CandidateIndex, TruncatedData>?>(nil), recordsHold = Mutex(false)
        nonisolated(unsafe) let tables = (sections: sections, entityStarts: entityRecordStart, entities: entityRecords,
                                          nameStarts: nameRecordStart, names: nameRecords)  // read only
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let index = Result { () throws(TruncatedData) in try CandidateIndex(store: store, sections: tables.sections, nameCount: nameCount) }
                built.withLock { $0 = index }
            } else {
                let hold = Self.recordsAreWellFormed(tables.entityStarts, tables.entities, tables.nameStarts, tables.names)
                recordsHold.withLock { $0 = hold }
            }
        }
        index = try built.withLock { $0! }.get()
        guard recordsHold.withLock({ $0 }),
              ids.count == entityCount, (0..<entityCount).allSatisfy({ ids.values($0).elementsEqual([Int32($0)]) }),
              TableCheck.allBelow(entityTypes, Self.types.count),
              TableCheck.allBelow(nameEntity, entityCount),
              TableCheck.allBelow(nameScripts, Script.sets.count) else { throw TruncatedData() }
    }

    /// Whether every entity and name record holds exactly the fields `entity(_:)` and `name(_:)` read.
    private static func recordsAreWellFormed(_ entityRecordStart: UnsafeBufferPointer<Int64>, _ entityRecords: UnsafeBufferPointer<UInt8>,
                                             _ nameRecordStart: UnsafeBufferPointer<Int64>, _ nameRecords: UnsafeBufferPointer<UInt8>) -> Bool {
        guard TableCheck.isMonotone(entityRecordStart, from: 0, to: Int64(entityRecords.count)),
              TableCheck.isMonotone(nameRecordStart, from: 0, to: Int64(nameRecords.count)) else { return false }
        do {
            for entity in 0..<(entityRecordStart.count - 1) {
                var reader = BinaryReader(record(entity, entityRecordStart, entityRecords))
                try reader.skipString()
                try reader.skipStrings()
                try reader.skipString()
                guard try reader.skipStrings() == reader.skipStrings() else { return false }
                try reader.skipString()
                _ = try reader.read(UInt64.self)
                guard reader.isAtEnd else { return false }
            }
            for name in 0..<(nameRecordStart.count - 1) {
                var reader = BinaryReader(record(name, nameRecordStart, nameRecords))
                try reader.skipString()
                try reader.skipString()
                guard reader.isAtEnd else { return false }
            }
            return true
        } catch {
            return false
        }
    }

    private static func record(_ k: Int, _ starts: UnsafeBufferPointer<Int64>, _ records: UnsafeBufferPointer<UInt8>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: records[Int(starts[k])..<Int(starts[k + 1])]))
    }

    private static func write(_ entity: Entity, to writer: inout BinaryWriter) {
        writer.write(entity.canonical)
        writer.write(entity.aliases)
        writer.write(entity.country ?? "")
        let attributes = entity.attributes.sorted { $0.key < $1.key }
        writer.write(attributes.map(\.key))
        writer.write(attributes.map(\.value))
        writer.write(entity.location?.file ?? "")
        writer.write(UInt32(entity.location?.line ?? 0))
        writer.write(UInt32(entity.location?.column ?? 0))
    }

    /// Entity e as a Swift value. Its record was checked on opening, so reading cannot fail.
    func entity(_ e: Int) -> Entity {
        var reader = BinaryReader(Self.record(e, entityRecordStart, entityRecords))
        do {
            let canonical = try reader.readString(), aliases = try reader.readStrings(), country = try reader.readString()
            let keys = try reader.readStrings(), values = try reader.readStrings()
            let file = try reader.readString()
            let line = Int(try reader.read(UInt32.self)), column = Int(try reader.read(UInt32.self))
            return Entity(id: id(e), canonical: canonical, type: Self.types[Int(entityTypes[e])], aliases: aliases,
                          country: country.isEmpty ? nil : country, weight: entityWeights[e],
                          attributes: Dictionary(zip(keys, values)) { first, _ in first },
                          location: file.isEmpty ? nil : SourceLocation(file: file, line: line, column: column))
        } catch {
            preconditionFailure("entity record \(e) was checked when the tables were opened")
        }
    }

    func id(_ e: Int) -> String { String(decoding: ids.key(e), as: UTF8.self) }

    func type(ofEntity e: Int) -> EntityType { Self.types[Int(entityTypes[e])] }

    /// Name k as a Swift value, its romanisations read from the index's entries.
    func name(_ k: Int) -> GazetteerName {
        var reader = BinaryReader(Self.record(k, nameRecordStart, nameRecords))
        do {
            let text = try reader.readString(), display = try reader.readString()
            let romanizations = index.entries(ofName: k).map { index.strings(ofEntry: Int($0)) }
            return GazetteerName(entity: Int(nameEntity[k]), text: text, isCanonical: nameIsCanonical[k] != 0,
                                 form: NameForm(display: display, romanizations: romanizations, scriptMask: nameScripts[k]))
        } catch {
            preconditionFailure("name record \(k) was checked when the tables were opened")
        }
    }

    /// The scripts of name k, as `Script` bits (`NameForm.scriptMask`).
    func scriptMask(ofName k: Int) -> UInt16 { nameScripts[k] }

    /// The words of name k's first romanisation (`NameForm.tokens`), read in place.
    func primaryWords(ofName k: Int) -> LazyMapCollection<Range<Int>, UnsafeBufferPointer<UInt8>> {
        index.wordLetters(ofEntry: Int(index.entries(ofName: k).lowerBound))
    }

    /// The text of name k alone (what a candidate reports).
    func text(ofName k: Int) -> String {
        var reader = BinaryReader(Self.record(k, nameRecordStart, nameRecords))
        return (try? reader.readString()) ?? ""
    }
}
