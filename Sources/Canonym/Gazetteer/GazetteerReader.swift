import Dispatch
import Foundation
import Synchronization

/// Reads the gazetteer TSV format (DESIGN.md 3.1) and reports every problem with file:line:column.
///
/// UTF-8; `#` lines are comments; blank lines are skipped; the first other line is the header.
/// Required columns `id`, `canonical`; known optional columns `type`, `aliases` (`|`-separated),
/// `country`, `weight`; any other column is kept as an attribute.
public enum GazetteerReader {
    static let knownColumns: Set<String> = ["id", "canonical", "type", "aliases", "country", "weight"]

    /// Parses one file's bytes. Rows with errors are skipped; their issues say why.
    /// - Complexity: O(bytes); rows are read on all cores, in chunks of lines joined in order.
    public static func read(_ bytes: [UInt8], file: String) -> (entities: [Entity], issues: [GazetteerIssue]) {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // One check of the whole file; only a file with a bad byte is checked line by line.
        let fileIsValid = bytes.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[start...]), as: UTF8.self) != nil }
        var header = Lines(start: start, end: bytes.count, lineNumber: 0)
        var columns: Columns?
        let headerRead = bytes.withUnsafeBufferPointer { read($0, file: file, fileIsValid: fileIsValid, lines: &header, columns: &columns) }
        var entities = headerRead.entities, issues = headerRead.issues
        guard let columns, !headerRead.stop else {
            if !headerRead.stop {
                issues.append(.init(.error, at: .init(file: file, line: max(header.lineNumber, 1)), "the file has no header line (expected at least \"id\" and \"canonical\" columns)"))
            }
            return (entities, issues)
        }
        start = header.start

        // Chunks end after a line feed; each starts knowing its first line's number.
        let chunkCount = max(1, min(16, (bytes.count - start) / 65_536))
        var chunks: [Lines] = []
        var lineNumber = header.lineNumber
        for chunk in 0..<chunkCount {
            var end = chunk == chunkCount - 1 ? bytes.count : max(start, start + (bytes.count - start) * (chunk + 1) / chunkCount - 1)
            if chunk < chunkCount - 1 {
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                end = min(bytes.count, end + 1)
            }
            chunks.append(Lines(start: start, end: end, lineNumber: lineNumber))
            lineNumber += bytes[start..<end].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            start = end
        }
        let results = Mutex<[(entities: [Entity], issues: [GazetteerIssue])]>(Array(repeating: ([], []), count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { [chunks] chunk in
            var lines = chunks[chunk]
            var known: Columns? = columns
            let rows = bytes.withUnsafeBufferPointer { read($0, file: file, fileIsValid: fileIsValid, lines: &lines, columns: &known) }
            results.withLock { $0[chunk] = (rows.entities, rows.issues) }
        }
        for chunk in results.withLock({ $0 }) {
            entities += chunk.entities
            issues += chunk.issues
        }
        return (entities, issues)
    }

    /// A stretch of lines still to read: bytes `start..<end`, after line `lineNumber`.
    private struct Lines {
        var start: Int
        let end: Int
        var lineNumber: Int
    }

    /// Where the known columns are, found from the header once rather than by name per row.
    private struct Columns: Sendable {
        let header: [String]
        let id: Int, canonical: Int
        let type: Int?, aliases: Int?, country: Int?, weight: Int?
        /// Columns the format does not know: kept as attributes.
        let attributes: [(index: Int, name: String)]
    }

    /// Reads `lines`: the header when `columns` is nil (then stops after it), rows otherwise.
    /// `stop` says the header lacks a required column, so the file cannot be read.
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, fileIsValid: Bool, lines: inout Lines,
                             columns: inout Columns?) -> (entities: [Entity], issues: [GazetteerIssue], stop: Bool) {
        var entities: [Entity] = []
        var issues: [GazetteerIssue] = []
        var lineNumber = lines.lineNumber
        var start = lines.start
        defer { lines.start = start; lines.lineNumber = lineNumber }
        var cellRanges: [Range<Int>] = []
        var lastType: (text: String, type: EntityType?) = ("", nil)

        while start < lines.end {
            lineNumber += 1
            var end = start
            while end < lines.end && bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            let lineStart = start
            start = end < lines.end ? end + 1 : end
            if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = lineStart..<lineEnd
            if !fileIsValid && String(validating: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self) == nil {
                let column = UTF8Location.ofFirstInvalidByte(in: ArraySlice(bytes[line])).column
                issues.append(.init(.error, at: .init(file: file, line: lineNumber, column: column),
                                    "the line is not valid UTF-8"))
                continue
            }
            if bytes[line].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || bytes[line].first == UInt8(ascii: "#") { continue }
            // Cells as byte ranges: Character-level splitting was most of the reading time.
            cellRanges.removeAll(keepingCapacity: true)
            var cellStart = line.lowerBound
            for index in line where bytes[index] == 0x09 {
                cellRanges.append(cellStart..<index)
                cellStart = index + 1
            }
            cellRanges.append(cellStart..<line.upperBound)
            func text(_ cellIndex: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[cellRanges[cellIndex]]), as: UTF8.self) }
            func at(_ cellIndex: Int) -> SourceLocation {
                // Columns count characters, cell by cell (a tab is one).
                var column = 1
                for index in 0..<min(cellIndex, cellRanges.count) { column += text(index).count + 1 }
                return SourceLocation(file: file, line: lineNumber, column: column)
            }
            guard let columns else {
                let header = cellRanges.indices.map { trimmed(text($0)) }
                var column: [String: Int] = [:]
                for (index, name) in header.enumerated() {
                    if let first = column[name] {
                        issues.append(.init(.error, at: at(index), "column \"\(name)\" appears twice (first at column \(at(first).column))"))
                    } else {
                        column[name] = index
                    }
                }
                for required in ["id", "canonical"] where column[required] == nil {
                    issues.append(.init(.error, at: at(0), "the header has no \"\(required)\" column; it has: \(header.joined(separator: ", "))"))
                }
                guard let id = column["id"], let canonical = column["canonical"] else { return (entities, issues, true) }
                columns = Columns(header: header, id: id, canonical: canonical, type: column["type"], aliases: column["aliases"],
                                  country: column["country"], weight: column["weight"],
                                  attributes: header.enumerated().filter { !knownColumns.contains($0.element) }.map { ($0.offset, $0.element) })
                return (entities, issues, false)
            }
            let cellCount = cellRanges.count
            if cellCount > columns.header.count {
                issues.append(.init(.error, at: at(columns.header.count), "the row has \(cellCount) cells but the header has \(columns.header.count) columns"))
                continue
            }
            func cell(_ index: Int?) -> (String, Int)? {
                guard let index, index < cellCount else { return nil }
                return (trimmed(bytes[cellRanges[index]]), index)
            }
            var rowIsValid = true
            func fail(_ cellIndex: Int, _ message: String) {
                issues.append(.init(.error, at: at(cellIndex), message))
                rowIsValid = false
            }
            let (id, idIndex) = cell(columns.id) ?? ("", min(cellCount, columns.id))
            let (canonical, canonicalIndex) = cell(columns.canonical) ?? ("", min(cellCount, columns.canonical))
            if id.isEmpty { fail(idIndex, "the id is empty") }
            if canonical.isEmpty { fail(canonicalIndex, "the canonical name is empty") }

            var type = EntityType.other
            if let (text, location) = cell(columns.type), !text.isEmpty {
                // Rows repeat a few types: lower-case and look up each spelling once in a row.
                if text != lastType.text { lastType = (text, EntityType(rawValue: text.lowercased())) }
                if let parsed = lastType.type { type = parsed } else {
                    fail(location, "unknown type \"\(text)\"; expected one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            var weight = 0.0
            if let (text, location) = cell(columns.weight), !text.isEmpty {
                if let parsed = Double(text), parsed.isFinite, parsed >= 0 { weight = parsed } else {
                    fail(location, "the weight \"\(text)\" is not a non-negative number")
                }
            }
            var country: String?
            if let (text, location) = cell(columns.country), !text.isEmpty {
                // Two characters that are ASCII letters are exactly two bytes that are.
                let letters = Array(text.utf8)
                if letters.count == 2, letters.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
                    country = String(decoding: letters.map { $0 & ~0x20 }, as: UTF8.self)
                } else {
                    issues.append(.init(.warning, at: at(location), "the country \"\(text)\" is not an ISO 3166 alpha-2 code; ignored"))
                }
            }
            var aliases: [String] = []
            if let aliasesColumn = columns.aliases, aliasesColumn < cellCount, !isBlankCell(bytes[cellRanges[aliasesColumn]]) {
                let rawRange = cellRanges[aliasesColumn]
                var aliasStart = rawRange.lowerBound
                // A linear search of the aliases kept checks for repeats more cheaply than hashing
                // them into a set, even in rows of a hundred (most strings differ in their first bytes).
                while aliasStart <= rawRange.upperBound {
                    var aliasEnd = aliasStart
                    while aliasEnd < rawRange.upperBound && bytes[aliasEnd] != UInt8(ascii: "|") { aliasEnd += 1 }
                    let name = trimmed(bytes[aliasStart..<aliasEnd])
                    let aliasOffset = aliasStart - rawRange.lowerBound  // in UTF-8 bytes; converted to characters only when reporting
                    var aliasAt: SourceLocation {
                        let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[rawRange.lowerBound..<(rawRange.lowerBound + aliasOffset)]), as: UTF8.self).count
                        return SourceLocation(file: file, line: lineNumber, column: at(aliasesColumn).column + column)
                    }
                    if name.isEmpty {
                        issues.append(.init(.warning, at: aliasAt, "empty alias (two \"|\" in a row, or one at an end)"))
                    } else if name == canonical || aliases.contains(name) {
                        issues.append(.init(.warning, at: aliasAt, "the alias \"\(name)\" is listed twice for \"\(id)\" (or repeats the canonical name)"))
                    } else {
                        aliases.append(name)
                    }
                    aliasStart = aliasEnd + 1
                }
            }
            var attributes: [String: String] = [:]
            for (index, name) in columns.attributes where index < cellCount && !cellRanges[index].isEmpty {
                attributes[name] = text(index)
            }
            guard rowIsValid else { continue }
            entities.append(Entity(id: id, canonical: canonical, type: type, aliases: aliases, country: country,
                                   weight: weight, attributes: attributes, location: at(idIndex)))
        }
        return (entities, issues, false)
    }

    /// Whether a cell trims to nothing, as `trimmed` would say, without making a string.
    private static func isBlankCell(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = bytes.first, first == 0x20 || first == 0xC2 else { return bytes.isEmpty }
        return trimmed(bytes).isEmpty
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

    /// `trimmed` of a cell's bytes; a string is made once, and the slow path runs only when an
    /// end byte could be a space.
    static func trimmed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
        guard let firstByte = bytes.first, let lastByte = bytes.last,
              firstByte == 0x20 || lastByte == 0x20 || firstByte == 0xC2 || lastByte == 0xA0 else { return text }
        return trimmed(Substring(text))
    }

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
