/// One record of delimited text (CSV or TSV), as read: its fields, and its exact bytes, so a
/// batch tool can write every input row back unchanged with columns added.
public struct DelimitedRecord: Sendable, Equatable {
    /// The fields, unquoted (`""` inside a quoted field becomes `"`). Empty when the record has an error.
    public let fields: [String]
    /// The record's bytes as read, without its line break; quoted line breaks included.
    public let raw: [UInt8]
    /// The line break that ended the record: `\n`, `\r\n`, or nothing at the end of the input.
    public let terminator: [UInt8]
    /// 1-based line on which the record starts.
    public let line: Int
    /// Why the record could not be read, with the 1-based column (in characters, on `line`)
    /// where the problem starts; nil for a good record.
    public let error: (column: Int, message: String)?

    public static func == (lhs: DelimitedRecord, rhs: DelimitedRecord) -> Bool {
        lhs.fields == rhs.fields && lhs.raw == rhs.raw && lhs.terminator == rhs.terminator && lhs.line == rhs.line
            && lhs.error?.column == rhs.error?.column && lhs.error?.message == rhs.error?.message
    }
}

/// Reads RFC 4180 records (quoted fields may hold delimiters, doubled quotes and line breaks)
/// from a stream of byte chunks, in bounded memory, without ever losing a record: a bad one
/// (a character after a closing quote, a quote never closed, invalid UTF-8) comes out as a
/// record with an `error` and reading goes on after it.
///
/// A quote opens a quoted field only at the start of a field; elsewhere it is an ordinary
/// character. A quoted field never closed is reported on the line it opened, and reading
/// resumes on the next line, so one stray quote cannot swallow the rest of a file; the same
/// holds for a record longer than `maxRecordBytes`.
///
/// ```swift
/// var reader = DelimitedRecordReader(delimiter: UInt8(ascii: ","), chunks: [Array("a,\"b,c\"\r\nd,e".utf8)])
/// try reader.next()?.fields   // ["a", "b,c"] (terminator "\r\n")
/// try reader.next()?.fields   // ["d", "e"]   (no terminator)
/// ```
public struct DelimitedRecordReader {
    private let delimiter: UInt8
    private let maxRecordBytes: Int
    private let nextChunk: () throws -> [UInt8]?
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private var line = 1
    private var skipBOM = true

    /// - Parameter nextChunk: returns the next bytes of the input, nil at its end.
    public init(delimiter: UInt8, maxRecordBytes: Int = 1 << 20, nextChunk: @escaping () throws -> [UInt8]?) {
        self.delimiter = delimiter
        self.maxRecordBytes = maxRecordBytes
        self.nextChunk = nextChunk
    }

    /// Reads from chunks held in memory (for tests and small inputs).
    public init(delimiter: UInt8, maxRecordBytes: Int = 1 << 20, chunks: [[UInt8]]) {
        var remaining = chunks[...]
        self.init(delimiter: delimiter, maxRecordBytes: maxRecordBytes) { remaining.popFirst() }
    }

    /// The next record, nil at the end of the input.
    public mutating func next() throws -> DelimitedRecord? {
        while true {
            if let record = try scanRecord() { return record }
            if finished { return nil }
        }
    }

    /// Buffers input until `index` is available; false when the input ends before it.
    private mutating func fill(_ index: Int) throws -> Bool {
        while index >= buffer.count && !finished {
            if let chunk = try nextChunk() { buffer += chunk } else { finished = true }
        }
        return index < buffer.count
    }

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    /// Scans one record from `position`; nil only when the input is exhausted.
    private mutating func scanRecord() throws -> DelimitedRecord? {
        // Drop what earlier records used, between records only: offsets below stay valid.
        if position > 1 << 16 { buffer.removeFirst(position); position = 0 }
        if skipBOM {
            skipBOM = false
            if try fill(position + 2), buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF { position += 3 }
        }
        guard try fill(position) else { return nil }
        let start = position, startLine = line
        var fields: [[UInt8]] = [], field: [UInt8] = []
        var state = State.fieldStart
        var index = start
        var problem: (offset: Int, message: String)?
        while true {
            guard try fill(index) else {
                // End of input.
                if state == .quoted { return resume(from: start, line: startLine, message: "a quoted field is never closed") }
                fields.append(field)
                return finish(start: start, end: index, terminator: [], line: startLine, fields: fields, problem: problem, next: index)
            }
            let byte = buffer[index]
            if index - start > maxRecordBytes {
                return resume(from: start, line: startLine,
                              message: state == .quoted ? "a quoted field is never closed (or the record is longer than \(maxRecordBytes) bytes)" : "the record is longer than \(maxRecordBytes) bytes")
            }
            switch state {
            case .fieldStart where byte == UInt8(ascii: "\""):
                state = .quoted
            case .quoted:
                if byte == UInt8(ascii: "\"") {
                    if try fill(index + 1), buffer[index + 1] == UInt8(ascii: "\"") { field.append(byte); index += 1 } else { state = .afterQuote }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            case .fieldStart, .unquoted, .afterQuote:
                if byte == delimiter {
                    fields.append(field); field = []; state = .fieldStart
                    index += 1
                    continue
                }
                var isCRLF = false
                if byte == 0x0D, try fill(index + 1), buffer[index + 1] == 0x0A { isCRLF = true }
                if byte == 0x0A || isCRLF {
                    let terminator: [UInt8] = isCRLF ? [0x0D, 0x0A] : [0x0A]
                    fields.append(field)
                    line += 1
                    return finish(start: start, end: index, terminator: terminator, line: startLine, fields: fields, problem: problem,
                                  next: index + terminator.count)
                } else if state == .afterQuote {
                    if problem == nil { problem = (index, "a character follows the closing quote of a field") }
                    field.append(byte)
                } else {
                    field.append(byte); state = .unquoted
                }
            }
            index += 1
        }
    }

    private mutating func finish(start: Int, end: Int, terminator: [UInt8], line: Int, fields: [[UInt8]],
                                 problem: (offset: Int, message: String)?, next: Int) -> DelimitedRecord {
        let raw = Array(buffer[start..<end])
        position = next
        if let problem {
            return DelimitedRecord(fields: [], raw: raw, terminator: terminator, line: line,
                                   error: (column(of: problem.offset, in: raw, from: start), problem.message))
        }
        var decoded: [String] = []
        for field in fields {
            guard let text = String(validating: field, as: UTF8.self) else {
                let bad = UTF8Location.firstInvalidOffset(in: raw[...])
                return DelimitedRecord(fields: [], raw: raw, terminator: terminator, line: line,
                                       error: (column(of: start + bad, in: raw, from: start), "the record is not valid UTF-8"))
            }
            decoded.append(text)
        }
        return DelimitedRecord(fields: decoded, raw: raw, terminator: terminator, line: line, error: nil)
    }

    /// A record that cannot be closed: report its first physical line and resume on the next.
    private mutating func resume(from start: Int, line startLine: Int, message: String) -> DelimitedRecord {
        var end = start
        while end < buffer.count && buffer[end] != 0x0A { end += 1 }
        let terminatorEnd = end < buffer.count ? end + 1 : end
        var raw = Array(buffer[start..<end])
        var terminator: [UInt8] = end < buffer.count ? [0x0A] : []
        if raw.last == 0x0D && !terminator.isEmpty { raw.removeLast(); terminator = [0x0D, 0x0A] }
        let quote = raw.firstIndex(of: UInt8(ascii: "\"")) ?? 0
        position = terminatorEnd
        line = startLine + (terminator.isEmpty ? 0 : 1)
        return DelimitedRecord(fields: [], raw: raw, terminator: terminator, line: startLine,
                               error: (column(of: start + quote, in: raw, from: start), message))
    }

    /// 1-based character column of buffer offset `offset` on the record's first line.
    private func column(of offset: Int, in raw: [UInt8], from start: Int) -> Int {
        let prefix = raw.prefix(max(0, offset - start))
        let lineStart = (prefix.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        return String(decoding: prefix[lineStart...], as: UTF8.self).count + 1
    }

}
