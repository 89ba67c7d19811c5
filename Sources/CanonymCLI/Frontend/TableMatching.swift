import Canonym

/// `canonym match --csv|--tsv`: every input row comes out once, in order, byte for byte as read,
/// with four columns added per matched column (`NAME_canonical`, `NAME_id`, `NAME_score`,
/// `NAME_status`), and `NAME_confidence` under a confidence model. A row that cannot be read keeps
/// its bytes and gets status `error`.
struct TableMatching {
    let delimiter: UInt8
    let columns: [String]
    let prefixes: [String]
    let hasHeader: Bool
    let reportsConfidence: Bool

    /// The columns added per matched column, after its prefix.
    private var addedColumns: [String] { ["canonical", "id", "score", "status"] + (reportsConfidence ? ["confidence"] : []) }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A record as read, ready to write out once its names are matched.
    private enum TableRecord {
        /// The header with the added columns' names, written as is.
        case header(bytes: [UInt8])
        /// A data row; its names are matched unless it has a problem.
        case row(DelimitedRecord, problem: (column: Int, message: String)?, matchedColumns: Int)
    }

    /// Matches one input; returns how many rows were errors.
    func run(input: InputFile, output: OutputWriter, batches: OrderedBatchMatcher, counts: BatchSummary) throws -> Int {
        var reader = DelimitedRecordReader(delimiter: delimiter) { try input.readChunk() }
        var selected: [Int] = []
        var width: Int?
        var errors = 0
        var firstRecord = true
        try batches.run(read: { () throws -> PendingRecord<TableRecord>? in
            guard let record = try reader.next() else { return nil }
            let inputBytes = record.raw.count + record.terminator.count
            if firstRecord {
                firstRecord = false
                let header = hasHeader ? record.fields : []
                if hasHeader && record.error != nil {
                    throw Failure(description: "\(input.displayName):\(record.line):\(record.error!.column): error: the header cannot be read: \(record.error!.message)")
                }
                let names: [String]
                (selected, names) = try resolve(columns, header: header, input: input.displayName)
                if hasHeader {
                    width = header.count
                    let added = zip(names, prefixes(for: names)).flatMap { _, prefix in
                        addedColumns.map { prefix + $0 }
                    }
                    let bytes = record.raw + Array(added.map { delimiterString + quoted($0) }.joined().utf8)
                        + (record.terminator.isEmpty ? [0x0A] : record.terminator)
                    return PendingRecord(context: .header(bytes: bytes), names: [], inputBytes: inputBytes)
                }
            }
            var problem = record.error
            if problem == nil, let width, record.fields.count != width {
                problem = (1, "the row has \(record.fields.count) fields; the header has \(width)")
            }
            if problem == nil, let missing = selected.first(where: { $0 >= record.fields.count }) {
                problem = (1, "the row has \(record.fields.count) fields; column \(missing + 1) is missing")
            }
            return PendingRecord(context: .row(record, problem: problem, matchedColumns: selected.count),
                                 names: problem == nil ? selected.map { record.fields[$0] } : [], inputBytes: inputBytes)
        }, write: { table, matches in
            switch table {
            case .header(let bytes):
                output.write(bytes: bytes)
            case .row(let record, let problem, let matchedColumns):
                counts.countRecord()
                var added = ""
                if let problem {
                    errors += 1
                    counts.count(status: "error")
                    Diagnostics.emit("\(input.displayName):\(record.line):\(problem.column): error: \(problem.message)")
                    let cells = addedColumns.map { $0 == "status" ? "error" : "" }
                    added = String(repeating: cells.map { delimiterString + $0 }.joined(), count: matchedColumns)
                } else {
                    for match in matches {
                        counts.count(status: match.status.rawValue)
                        let best = match.best
                        added += ([best?.entity.canonical ?? "", best?.entity.id ?? "", best.map { JSON.number($0.score) } ?? "", match.status.rawValue]
                                  + (reportsConfidence ? [match.confidence.map { JSON.number($0) } ?? ""] : []))
                            .map { delimiterString + quoted($0) }.joined()
                    }
                }
                output.write(bytes: record.raw + Array(added.utf8) + record.terminator)
            }
        })
        return errors
    }

    private var delimiterString: String { String(UnicodeScalar(delimiter)) }

    /// RFC 4180: a field holding the delimiter, a quote or a line break is quoted, quotes doubled.
    private func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func prefixes(for names: [String]) -> [String] {
        names.enumerated().map { index, name in index < prefixes.count ? prefixes[index] : name + "_" }
    }

    /// Columns by header name or 1-based number.
    private func resolve(_ columns: [String], header: [String], input: String) throws -> ([Int], [String]) {
        var indices: [Int] = [], names: [String] = []
        for column in columns {
            if let index = header.firstIndex(of: column) {
                indices.append(index); names.append(column)
            } else if let number = Int(column), number >= 1 {
                indices.append(number - 1); names.append(number - 1 < header.count ? header[number - 1] : "column\(number)")
            } else {
                let available = header.isEmpty ? "the file has no header (--no-header): use column numbers" : "its columns are: " + header.joined(separator: ", ")
                throw Failure(description: "\(input): error: no column \"\(column)\"; \(available)")
            }
        }
        return (indices, names)
    }
}
