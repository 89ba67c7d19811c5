/// What kind of thing an entity is (the gazetteer's `type` column).
public enum EntityType: String, Sendable, Hashable, CaseIterable, Codable {
    case person, place, organization, other
}

/// Where something was read: a file, a 1-based line and a 1-based column (in characters).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One named thing of a gazetteer: its id, canonical form and every other name it goes by.
public struct Entity: Sendable, Hashable, Identifiable {
    public let id: String
    public let canonical: String
    public let type: EntityType
    public let aliases: [String]
    /// ISO 3166 alpha-2 code, upper case, when known.
    public let country: String?
    /// Prior popularity (population, frequency); breaks near-ties only. 0 when not given.
    public let weight: Double
    /// Columns the format does not know, kept as read (header name → cell).
    public let attributes: [String: String]
    /// The row the entity was read from.
    public let location: SourceLocation?

    public init(id: String, canonical: String, type: EntityType = .other, aliases: [String] = [],
                country: String? = nil, weight: Double = 0, attributes: [String: String] = [:],
                location: SourceLocation? = nil) {
        self.id = id
        self.canonical = canonical
        self.type = type
        self.aliases = aliases
        self.country = country
        self.weight = weight
        self.attributes = attributes
        self.location = location
    }
}
