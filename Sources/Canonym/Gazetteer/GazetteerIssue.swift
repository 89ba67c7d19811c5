/// A problem found in a gazetteer file, located to the cell.
public struct GazetteerIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public let severity: Severity
    public let location: SourceLocation
    public let message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line:column: error: message`, the form compilers and editors understand.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Loading failed: the gazetteer has errors. Every error found is listed, not only the first.
public struct GazetteerError: Error, Sendable, CustomStringConvertible {
    public let issues: [GazetteerIssue]

    public init(issues: [GazetteerIssue]) {
        self.issues = issues
    }

    public var description: String {
        let errors = issues.filter { $0.severity == .error }
        let shown = errors.prefix(20).map(\.description).joined(separator: "\n")
        return errors.count > 20 ? shown + "\n… and \(errors.count - 20) more errors" : shown
    }
}
