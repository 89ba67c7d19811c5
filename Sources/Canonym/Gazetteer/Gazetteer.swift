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
    public let entities: [Entity]
    public let names: [GazetteerName]
    /// Problems the reader found that did not stop loading (ignored country codes, empty aliases, …).
    /// Names shared by several entities are listed by ``ambiguityWarnings()``.
    public let warnings: [GazetteerIssue]
    private let entityIndexByID: [String: Int]
    /// Every romanisation key of every name → indices into `names`.
    let namesByKey: [String: [Int]]
    /// The candidate index read from a compiled gazetteer; built by the matcher otherwise.
    let compiledIndex: CandidateIndex?

    /// Builds a gazetteer from entities. Duplicate ids are errors.
    /// - Complexity: O(total length of all names); folding runs on all cores.
    public convenience init(entities: [Entity], folder: NameFolder = .shared) throws(GazetteerError) {
        var indexByID: [String: Int] = [:]
        var errors: [GazetteerIssue] = []
        for (index, entity) in entities.enumerated() {
            if let first = indexByID[entity.id] {
                let firstAt = entities[first].location.map { " (first defined at \($0))" } ?? ""
                errors.append(.init(.error, at: entity.location ?? .init(file: "<memory>", line: 0),
                                    "duplicate id \"\(entity.id)\"\(firstAt)"))
            } else {
                indexByID[entity.id] = index
            }
        }
        if !errors.isEmpty { throw GazetteerError(issues: errors) }

        var texts: [(entity: Int, text: String, isCanonical: Bool)] = []
        for (index, entity) in entities.enumerated() {
            texts.append((index, entity.canonical, true))
            for alias in entity.aliases { texts.append((index, alias, false)) }
        }
        let forms = Self.foldAll(texts.map(\.text), folder: folder)
        var names: [GazetteerName] = []
        names.reserveCapacity(texts.count)
        for (index, item) in texts.enumerated() where !forms[index].isEmpty {
            names.append(GazetteerName(entity: item.entity, text: item.text, isCanonical: item.isCanonical, form: forms[index]))
        }
        self.init(entities: entities, indexByID: indexByID, names: names, compiledIndex: nil)
    }

    /// A gazetteer from names folded already (read back from a compiled file).
    init(entities: [Entity], indexByID: [String: Int], names: [GazetteerName], compiledIndex: CandidateIndex?) {
        var byKey: [String: [Int]] = [:]
        byKey.reserveCapacity(names.reduce(0) { $0 + $1.form.romanizations.count })  // no rehashing on the way
        for (index, name) in names.enumerated() {
            for romanization in name.form.romanizations {
                // A one-word key is the word itself: no new string.
                byKey[romanization.count == 1 ? romanization[0] : romanization.joined(separator: " "), default: []].append(index)
            }
        }
        self.entities = entities
        self.names = names
        self.entityIndexByID = indexByID
        self.namesByKey = byKey
        self.compiledIndex = compiledIndex
        self.warnings = []
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
            entities += read.entities
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
        return Gazetteer(copying: gazetteer, extraWarnings: readIssues.filter { $0.severity == .warning })
    }

    private init(copying other: Gazetteer, extraWarnings: [GazetteerIssue]) {
        entities = other.entities
        names = other.names
        entityIndexByID = other.entityIndexByID
        namesByKey = other.namesByKey
        compiledIndex = other.compiledIndex
        warnings = extraWarnings + other.warnings
    }

    public func entity(id: String) -> Entity? {
        entityIndexByID[id].map { entities[$0] }
    }

    public func entityIndex(id: String) -> Int? {
        entityIndexByID[id]
    }

    /// Names whose folded form is shared by several entities: the same spelling means different things.
    public var ambiguousKeys: [(key: String, entities: [Int])] {
        namesByKey.compactMap { key, nameIndices in
            let owners = Set(nameIndices.map { names[$0].entity })
            return owners.count > 1 ? (key, owners.sorted()) : nil
        }.sorted { $0.key < $1.key }
    }

    private static func sorted(_ issues: [GazetteerIssue]) -> [GazetteerIssue] {
        issues.sorted { ($0.location.file, $0.location.line, $0.location.column, $0.message) < ($1.location.file, $1.location.line, $1.location.column, $1.message) }
    }

    /// A warning for every folded name that several entities share: matches on it are ambiguous.
    public func ambiguityWarnings() -> [GazetteerIssue] {
        var warnings: [GazetteerIssue] = []
        for (key, nameIndices) in namesByKey {
            var owners: [Int] = []
            for index in nameIndices where !owners.contains(names[index].entity) { owners.append(names[index].entity) }
            guard owners.count > 1 else { continue }
            let later = entities[owners[owners.count - 1]]
            let ids = owners.map { "\"\(entities[$0].id)\"" }.joined(separator: ", ")
            warnings.append(.init(.warning, at: later.location ?? .init(file: "<memory>", line: 0),
                                  "the name \"\(key)\" (folded) belongs to several entities: \(ids); matches on it are ambiguous"))
        }
        return Self.sorted(warnings)
    }

    /// Folds many names on all cores, keeping their order.
    static func foldAll(_ texts: [String], folder: NameFolder) -> [NameForm] {
        let chunkCount = max(1, min(64, texts.count / 512))
        let results = Mutex<[[NameForm]]>(Array(repeating: [], count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (texts.count * chunk / chunkCount)..<(texts.count * (chunk + 1) / chunkCount)
            let folded = texts[range].map { folder.fold($0) }
            results.withLock { $0[chunk] = folded }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
