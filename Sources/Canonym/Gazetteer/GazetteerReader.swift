import Foundation

/// Reads the gazetteer TSV format (DESIGN.md 3.1) and reports every problem with file:line:column.
///
/// UTF-8; `#` lines are comments; blank lines are skipped; the first other line is the header.
/// Required columns `id`, `canonical`; known optional columns `type`, `aliases` (`|`-separated),
/// `country`, `weight`; any other column is kept as an attribute.
public enum GazetteerReader {
    static let knownColumns: Set<String> = ["id", "canonical", "type", "aliases", "country", "weight"]

    /// Parses one file's bytes. Rows with errors are skipped; their issues say why.
    public static func read(_ bytes: [UInt8], file: String) -> (entities: [Entity], issues: [GazetteerIssue]) {
        var entities: [Entity] = []
        var issues: [GazetteerIssue] = []
        var header: [String]?
        var column: [String: Int] = [:]
        var lineNumber = 0
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }

        while start < bytes.endIndex {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var lineBytes = bytes[start..<end]
            start = end < bytes.endIndex ? end + 1 : end
            if lineBytes.last == 0x0D { lineBytes = lineBytes.dropLast() }
            guard String(validating: lineBytes, as: UTF8.self) != nil else {
                let column = UTF8Location.ofFirstInvalidByte(in: lineBytes).column
                issues.append(.init(.error, at: .init(file: file, line: lineNumber, column: column),
                                    "the line is not valid UTF-8"))
                continue
            }
            if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || lineBytes.first == UInt8(ascii: "#") { continue }
            // Split on bytes: Character-level splitting was most of the reading time.
            let cells = lineBytes.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            func at(_ cellIndex: Int) -> SourceLocation {
                SourceLocation(file: file, line: lineNumber, column: 1 + cells.prefix(cellIndex).reduce(0) { $0 + $1.count + 1 })
            }
            guard let names = header else {
                header = cells.map { trimmed($0) }
                for (index, name) in header!.enumerated() {
                    if let first = column[name] {
                        issues.append(.init(.error, at: at(index), "column \"\(name)\" appears twice (first at column \(at(first).column))"))
                    } else {
                        column[name] = index
                    }
                }
                for required in ["id", "canonical"] where column[required] == nil {
                    issues.append(.init(.error, at: at(0), "the header has no \"\(required)\" column; it has: \(header!.joined(separator: ", "))"))
                }
                if column["id"] == nil || column["canonical"] == nil { return (entities, issues) }
                continue
            }
            if cells.count > names.count {
                issues.append(.init(.error, at: at(names.count), "the row has \(cells.count) cells but the header has \(names.count) columns"))
                continue
            }
            func cell(_ name: String) -> (String, Int)? {
                guard let index = column[name], index < cells.count else { return nil }
                return (trimmed(cells[index]), index)
            }
            var rowIsValid = true
            func fail(_ cellIndex: Int, _ message: String) {
                issues.append(.init(.error, at: at(cellIndex), message))
                rowIsValid = false
            }
            let (id, idIndex) = cell("id") ?? ("", min(cells.count, column["id"]!))
            let (canonical, canonicalIndex) = cell("canonical") ?? ("", min(cells.count, column["canonical"]!))
            if id.isEmpty { fail(idIndex, "the id is empty") }
            if canonical.isEmpty { fail(canonicalIndex, "the canonical name is empty") }

            var type = EntityType.other
            if let (text, location) = cell("type"), !text.isEmpty {
                if let parsed = EntityType(rawValue: text.lowercased()) { type = parsed } else {
                    fail(location, "unknown type \"\(text)\"; expected one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            var weight = 0.0
            if let (text, location) = cell("weight"), !text.isEmpty {
                if let parsed = Double(text), parsed.isFinite, parsed >= 0 { weight = parsed } else {
                    fail(location, "the weight \"\(text)\" is not a non-negative number")
                }
            }
            var country: String?
            if let (text, location) = cell("country"), !text.isEmpty {
                if text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) { country = text.uppercased() } else {
                    issues.append(.init(.warning, at: at(location), "the country \"\(text)\" is not an ISO 3166 alpha-2 code; ignored"))
                }
            }
            var aliases: [String] = []
            if let (text, location) = cell("aliases"), !text.isEmpty {
                var seen: Set<String> = [canonical]
                var offset = 0  // in UTF-8 bytes; converted to characters only when reporting
                let raw = cells[location]
                for alias in raw.utf8.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false) {
                    let name = trimmed(Substring(alias))
                    let aliasOffset = offset
                    var aliasAt: SourceLocation {
                        let column = String(decoding: raw.utf8.prefix(aliasOffset), as: UTF8.self).count
                        return SourceLocation(file: file, line: lineNumber, column: at(location).column + column)
                    }
                    offset += alias.count + 1
                    if name.isEmpty {
                        issues.append(.init(.warning, at: aliasAt, "empty alias (two \"|\" in a row, or one at an end)"))
                    } else if !seen.insert(name).inserted {
                        issues.append(.init(.warning, at: aliasAt, "the alias \"\(name)\" is listed twice for \"\(id)\" (or repeats the canonical name)"))
                    } else {
                        aliases.append(name)
                    }
                }
            }
            var attributes: [String: String] = [:]
            for (index, name) in names.enumerated() where !knownColumns.contains(name) && index < cells.count && !cells[index].isEmpty {
                attributes[name] = cells[index]
            }
            guard rowIsValid else { continue }
            entities.append(Entity(id: id, canonical: canonical, type: type, aliases: aliases, country: country,
                                   weight: weight, attributes: attributes, location: at(idIndex)))
        }
        if header == nil {
            issues.append(.init(.error, at: .init(file: file, line: max(lineNumber, 1)), "the file has no header line (expected at least \"id\" and \"canonical\" columns)"))
        }
        return (entities, issues)
    }

    /// Reads a file from disk; a missing or unreadable file is reported as an issue at line 1.
    public static func read(contentsOf path: String) -> (entities: [Entity], issues: [GazetteerIssue]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            return ([], [.init(.error, at: .init(file: path, line: 1), "the gazetteer file \(reason)")])
        }
        return read([UInt8](data), file: path)
    }

    /// `text` without leading and trailing spaces and no-break spaces (Foundation's trimming is
    /// slow on hot paths).
    static func trimmed(_ text: String) -> String { trimmed(Substring(text)) }

    static func trimmed(_ text: Substring) -> String {
        let bytes = text.utf8
        guard let firstByte = bytes.first, let lastByte = bytes.last,
              firstByte == 0x20 || lastByte == 0x20 || firstByte == 0xC2 || lastByte == 0xA0 else { return String(text) }
        let isBlank = { (c: Character) in c == " " || c == "\u{A0}" }
        guard let first = text.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = text.lastIndex(where: { !isBlank($0) })!
        return String(text[first...last])
    }

}
