import Dispatch
import Synchronization

/// Where a gazetteer's TSV comes from.
public enum GazetteerSource: Sendable, Hashable {
    case file(String)
    /// A TSV text held in memory, with the name used in messages.
    case text(name: String, String)
}

/// One name an entity goes by (its canonical form or an alias), folded once at load time.
public struct GazetteerName: Sendable {
    /// Index of the entity in ``Gazetteer/entities``.
    public let entity: Int
    public let text: String
    public let isCanonical: Bool
    public let form: NameForm
}

/// An immutable set of entities and their names, merged from one or more gazetteer files.
///
/// ```swift
/// let gazetteer = try Gazetteer.load(paths: ["gazetteers/places.tsv", "gazetteers/people.tsv"])
/// gazetteer.entity(id: "city:tashkent")?.canonical   // "Tashkent"
/// ```
public final class Gazetteer: Sendable {
    /// The entities in the order read (made from the tables when read: a compiled file holds no Swift values).
    public let entities: Entities
    /// Every name of every entity (its canonical form first, then its aliases), folded; a name
    /// listing alternatives with slashes is followed by one alias per part (``SlashAlternatives``).
    public let names: Names
    /// Problems the reader found that did not stop loading (ignored country codes, empty aliases, …).
    /// Names shared by several entities are listed by ``ambiguityWarnings()``.
    public let warnings: [GazetteerIssue]
    /// The confidence model compiled with the gazetteer (`canonym gazetteer compile --calibrate`),
    /// learnt from its own names; nil for a gazetteer read from text. The commands decide by it
    /// unless told otherwise.
    public let confidenceModel: ConfidenceModel?
    let tables: GazetteerTables

    /// The gazetteer's entities, decoded one by one when read.
    public struct Entities: RandomAccessCollection, Sendable, Equatable {
        let tables: GazetteerTables
        public var startIndex: Int { 0 }
        public var endIndex: Int { tables.entityCount }
        public subscript(position: Int) -> Entity { tables.entity(position) }
        public static func == (a: Entities, b: Entities) -> Bool { a.elementsEqual(b) }
    }

    /// The gazetteer's names, decoded one by one when read.
    public struct Names: RandomAccessCollection, Sendable {
        let tables: GazetteerTables
        public var startIndex: Int { 0 }
        public var endIndex: Int { tables.nameCount }
        public subscript(position: Int) -> GazetteerName { tables.name(position) }
    }

    /// Builds a gazetteer from entities. Duplicate ids are errors.
    /// - Complexity: O(total length of all names); folding and indexing run on all cores.
    public convenience init(entities: [Entity], folder: NameFolder = .shared) throws(GazetteerError) {
        let ids = GazetteerTables.ids(of: entities)
        let errors = ids.repeatedKeys.map { later, first in
            let firstAt = entities[Int(first)].location.map { " (first defined at \($0))" } ?? ""
            return GazetteerIssue(.error, at: entities[Int(later)].location ?? .init(file: "<memory>", line: 0),
                                  "duplicate id \"\(entities[Int(later)].id)\"\(firstAt)")
        }
        if !errors.isEmpty { throw GazetteerError(issues: errors) }

        let names = Self.foldNames(of: entities, folder: folder)
        let store = GazetteerTables.store(entities: entities, ids: ids, names: names)
        // The folded names live on in the tables: freeing their many small values is left to
        // another thread rather than holding up the load.
        DispatchQueue.global(qos: .utility).async { [names] in withExtendedLifetime(names) {} }
        do {
            self.init(tables: try GazetteerTables(store: store, payload: store.bytes), warnings: [])
        } catch {
            preconditionFailure("tables built in memory are consistent")
        }
    }

    /// A gazetteer over tables built or read in place; `storedScanTables`, a compiled file's.
    init(tables: GazetteerTables, warnings: [GazetteerIssue], confidenceModel: ConfidenceModel? = nil, storedScanTables: StoredScanTables? = nil) {
        self.tables = tables
        self.entities = Entities(tables: tables)
        self.names = Names(tables: tables)
        self.warnings = warnings
        self.confidenceModel = confidenceModel
        self.storedScanTables = storedScanTables
    }

    /// A compiled file's `ScanTables` as stored, in the file's mapping (their checksum checked
    /// when the file was opened).
    struct StoredScanTables: @unchecked Sendable {  // unchecked: a read-only view into `store`
        let store: ByteStore
        let bytes: UnsafeRawBufferPointer
    }
    let storedScanTables: StoredScanTables?

    /// The tables a scan needs, for a matcher scoring with `model`: read from the compiled file
    /// when it stores them and they were built with `model`'s rules, else built (as they are
    /// when the stored ones fail their checks: never trusted).
    func scanTables(model: CostModel) -> ScanTables {
        if let stored = storedScanTables, ScanTables.fit(stored.bytes, model: model) {
            // Each table's pages of the mapping go once it is copied out, before the next copy.
            defer { stored.store.releasePages(within: stored.bytes) }
            if let tables = try? ScanTables(decoding: stored.bytes, model: model, copied: stored.store.releasePages(within:)) {
                return tables
            }
        }
        return ScanTables(gazetteer: self, model: model)
    }

    var index: CandidateIndex { tables.index }

    /// Made on the first query read as an acronym (see `AcronymTable`).
    private let acronymTable = Mutex<AcronymTable?>(nil)
    var acronyms: AcronymTable {
        acronymTable.withLock { table in
            if table == nil { table = AcronymTable(index: index, tables: tables) }
            return table!
        }
    }

    /// Loads and merges gazetteer files. Every error of every file is reported at once.
    public static func load(paths: [String], folder: NameFolder = .shared) throws(GazetteerError) -> Gazetteer {
        try load(paths.map(GazetteerSource.file), folder: folder)
    }

    /// Loads and merges gazetteers from files and in-memory texts, in order.
    public static func load(_ sources: [GazetteerSource], folder: NameFolder = .shared) throws(GazetteerError) -> Gazetteer {
        let (entities, issues) = readAll(sources)
        return try build(entities: entities, readIssues: issues, folder: folder)
    }

    private static func readAll(_ sources: [GazetteerSource]) -> (entities: [Entity], issues: [GazetteerIssue]) {
        var entities: [Entity] = []
        var issues: [GazetteerIssue] = []
        for source in sources {
            let read = switch source {
            case .file(let path): GazetteerReader.read(contentsOf: path)
            case .text(let name, let text): GazetteerReader.read(Array(text.utf8), file: name)
            }
            // One file's entities are taken as they are: copying them retains every string.
            if entities.isEmpty { entities = read.entities } else { entities += read.entities }
            issues += read.issues
        }
        return (entities, issues)
    }

    /// Reads and validates gazetteers without stopping at errors: every error and warning,
    /// sorted by file and line, and the merged gazetteer when there were no errors.
    public static func check(_ sources: [GazetteerSource], folder: NameFolder = .shared) -> (gazetteer: Gazetteer?, issues: [GazetteerIssue]) {
        do {
            let gazetteer = try load(sources, folder: folder)
            return (gazetteer, sorted(gazetteer.warnings + gazetteer.ambiguityWarnings()))
        } catch {
            let (entities, readIssues) = readAll(sources)
            var issues = error.issues + readIssues.filter { $0.severity == .warning }
            var seen = Set<String>()
            let unique = entities.filter { seen.insert($0.id).inserted }
            if let partial = try? Gazetteer(entities: unique, folder: folder) { issues += partial.ambiguityWarnings() }
            return (nil, sorted(Array(Set(issues))))
        }
    }

    private static func build(entities: [Entity], readIssues: [GazetteerIssue], folder: NameFolder) throws(GazetteerError) -> Gazetteer {
        let readErrors = readIssues.filter { $0.severity == .error }
        let gazetteer: Gazetteer
        do {
            gazetteer = try Gazetteer(entities: entities, folder: folder)
        } catch {
            throw GazetteerError(issues: readErrors + error.issues)
        }
        if !readErrors.isEmpty { throw GazetteerError(issues: readErrors) }
        return Gazetteer(tables: gazetteer.tables, warnings: readIssues.filter { $0.severity == .warning } + gazetteer.warnings)
    }

    public func entity(id: String) -> Entity? {
        entityIndex(id: id).map { entities[$0] }
    }

    public func entityIndex(id: String) -> Int? {
        tables.ids.values(for: id.utf8).first.map(Int.init)
    }

    /// Indices of the names one of whose romanisations folds to `key` (words joined by single spaces).
    func nameIndices(forKey key: String) -> UnsafeBufferPointer<Int32> {
        tables.keys.values(for: key.utf8)
    }

    /// Each folded key with the entities of the names holding it, in order of first appearance.
    private func keyOwners() -> [(key: String, entities: [Int])] {
        (0..<tables.keys.count).map { group in
            var owners: [Int] = []
            for name in tables.keys.values(group) where !owners.contains(Int(tables.nameEntity[Int(name)])) {
                owners.append(Int(tables.nameEntity[Int(name)]))
            }
            return (String(decoding: tables.keys.key(group), as: UTF8.self), owners)
        }
    }

    /// Names whose folded form is shared by several entities: the same spelling means different things.
    public var ambiguousKeys: [(key: String, entities: [Int])] {
        keyOwners().filter { $0.entities.count > 1 }.map { ($0.key, $0.entities.sorted()) }.sorted { $0.key < $1.key }
    }

    private static func sorted(_ issues: [GazetteerIssue]) -> [GazetteerIssue] {
        issues.sorted { ($0.location.file, $0.location.line, $0.location.column, $0.message) < ($1.location.file, $1.location.line, $1.location.column, $1.message) }
    }

    /// A warning for every folded name that several entities share: matches on it are ambiguous.
    public func ambiguityWarnings() -> [GazetteerIssue] {
        var warnings: [GazetteerIssue] = []
        for (key, owners) in keyOwners() {
            guard owners.count > 1 else { continue }
            let later = entities[owners[owners.count - 1]]
            let ids = owners.map { "\"\(entities[$0].id)\"" }.joined(separator: ", ")
            warnings.append(.init(.warning, at: later.location ?? .init(file: "<memory>", line: 0),
                                  "the name \"\(key)\" (folded) belongs to several entities: \(ids); matches on it are ambiguous"))
        }
        return Self.sorted(warnings)
    }

    /// Every name of every entity, folded on all cores, in order: its canonical form, then its
    /// aliases. A name listing alternatives (*Biel/Bienne*) is also filed as each of them: an
    /// alias that shows the whole name as written, folded from the part. Names that fold to
    /// nothing (punctuation alone) are left out.
    static func foldNames(of entities: [Entity], folder: NameFolder) -> [GazetteerName] {
        let chunkCount = max(1, min(64, entities.count / 128))
        let results = Mutex<[[GazetteerName]]>(Array(repeating: [], count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var names: [GazetteerName] = []
            for index in (entities.count * chunk / chunkCount)..<(entities.count * (chunk + 1) / chunkCount) {
                let type = entities[index].type  // fields, not the entity: a copy retains all its strings
                func add(_ text: String, folded: String, isCanonical: Bool) {
                    let form = folder.fold(folded)
                    if !form.isEmpty { names.append(GazetteerName(entity: index, text: text, isCanonical: isCanonical, form: form)) }
                }
                func addWithParts(_ name: String, isCanonical: Bool) {
                    add(name, folded: name, isCanonical: isCanonical)
                    for part in SlashAlternatives.parts(of: name, type: type) ?? [] { add(name, folded: part, isCanonical: false) }
                }
                addWithParts(entities[index].canonical, isCanonical: true)
                for alias in entities[index].aliases { addWithParts(alias, isCanonical: false) }
            }
            results.withLock { $0[chunk] = names }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
