import Foundation

/// A name with the entity it should match (nil: the name is not in the gazetteer and should
/// come back unknown), and an optional subset label for break-downs.
public struct LabelledQuery: Sendable, Hashable {
    public let query: String
    public let expectedID: String?
    public let subset: String
    public let location: SourceLocation
}

/// Reads labelled queries: TSV with the header `query	expected_id	subset` (the third column
/// optional), `#` comments and blank lines skipped — the format of the Canonym dev sets.
public enum LabelledQueryReader {
    public static func read(contentsOf path: String) -> (queries: [LabelledQuery], issues: [GazetteerIssue]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            return ([], [.init(.error, at: .init(file: path, line: 1), "the queries file \(reason)")])
        }
        return read([UInt8](data), file: path)
    }

    public static func read(_ bytes: [UInt8], file: String) -> (queries: [LabelledQuery], issues: [GazetteerIssue]) {
        var queries: [LabelledQuery] = []
        var issues: [GazetteerIssue] = []
        var sawHeader = false
        var lineNumber = 0
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let lineBytes = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            guard let line = String(validating: lineBytes, as: UTF8.self) else {
                issues.append(.init(.error, at: .init(file: file, line: lineNumber, column: UTF8Location.ofFirstInvalidByte(in: lineBytes).column),
                                    "the line is not valid UTF-8"))
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                sawHeader = true
                if cells.first != "query" || (cells.count > 1 && cells[1] != "expected_id") {
                    issues.append(.init(.error, at: .init(file: file, line: lineNumber),
                                        "expected the header \"query<TAB>expected_id<TAB>subset\", found \"\(line.prefix(80))\""))
                    return (queries, issues)
                }
                continue
            }
            if cells.count > 3 {
                let column = cells.prefix(3).reduce(1) { $0 + $1.count + 1 }
                issues.append(.init(.error, at: .init(file: file, line: lineNumber, column: column), "the row has \(cells.count) cells; at most 3 expected"))
                continue
            }
            let expected = cells.count > 1 ? GazetteerReader.trimmed(cells[1]) : ""
            queries.append(LabelledQuery(query: cells[0], expectedID: expected.isEmpty ? nil : expected,
                                         subset: cells.count > 2 ? cells[2] : "",
                                         location: .init(file: file, line: lineNumber)))
        }
        if !sawHeader { issues.append(.init(.error, at: .init(file: file, line: 1), "the file has no header line")) }
        return (queries, issues)
    }
}
