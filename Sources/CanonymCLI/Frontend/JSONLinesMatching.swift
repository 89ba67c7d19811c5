import Canonym
import Foundation

/// `canonym match --jsonl --field PATH`: every input line comes out once, in order, with the
/// object's own text unchanged and four keys added before its closing brace per matched field
/// (`PATH_canonical`, `PATH_id`, `PATH_score`, `PATH_status`, and `PATH_confidence` under a
/// confidence model). `PATH` may go into nested objects
/// (`person.name`). A line that is not a JSON object, or lacks a string at a path, keeps its text
/// and gets status `error` (a line that is not an object is wrapped as `{"input": …}` first).
struct JSONLinesMatching {
    let fields: [String]
    let prefixes: [String]
    let reportsConfidence: Bool

    /// A line as read: its text, and why it is an error record, if it is one.
    private struct JSONLine {
        let text: String
        let number: Int
        let problem: (column: Int, message: String)?
        /// The object's text with its closing brace, when the line is one (keys go in before the brace).
        let objectText: String?
    }

    /// Matches one input; returns how many lines were errors.
    func run(input: InputFile, output: OutputWriter, maxLineBytes: Int, batches: OrderedBatchMatcher, counts: BatchSummary) throws -> Int {
        var reader = LineReader(descriptor: input.descriptor, maxLineBytes: maxLineBytes)
        var errors = 0
        try batches.run(read: { () throws -> PendingRecord<JSONLine>? in
            let before = reader.bytesConsumed
            guard let line = try reader.next() else { return nil }
            let (parsed, values) = parse(line)
            return PendingRecord(context: parsed, names: values, inputBytes: reader.bytesConsumed - before)
        }, write: { line, matches in
            counts.countRecord()
            if line.problem != nil { counts.count(status: "error") }
            var added: [(String, String)] = []
            for (index, path) in fields.enumerated() {
                let prefix = index < prefixes.count ? prefixes[index] : path + "_"
                if line.problem == nil {
                    let match = matches[matches.startIndex + index]
                    counts.count(status: match.status.rawValue)
                    let best = match.best
                    added += [(prefix + "canonical", JSON.optional(best?.entity.canonical)), (prefix + "id", JSON.optional(best?.entity.id)),
                              (prefix + "score", JSON.number(best?.score)), (prefix + "status", JSON.string(match.status.rawValue))]
                    if reportsConfidence { added.append((prefix + "confidence", JSON.number(match.confidence))) }
                } else {
                    added += [(prefix + "canonical", "null"), (prefix + "id", "null"), (prefix + "score", "null"), (prefix + "status", "\"error\"")]
                    if reportsConfidence { added.append((prefix + "confidence", "null")) }
                }
            }
            let keys = added.map { JSON.string($0.0) + ":" + $0.1 }.joined(separator: ",")
            if let problem = line.problem {
                errors += 1
                Diagnostics.emit("\(input.displayName):\(line.number):\(problem.column): error: \(problem.message)")
            }
            if let objectText = line.objectText {
                let body = objectText.dropLast().trimmingCharacters(in: .whitespaces)
                output.write(body + (body.hasSuffix("{") ? "" : ",") + keys + "}\n")
            } else {
                output.write("{\"input\":" + JSON.string(line.text) + "," + keys + "}\n")
            }
        })
        return errors
    }

    /// The line, and the strings at `fields` to match (none when the line is an error record).
    private func parse(_ line: InputLine) -> (JSONLine, [String]) {
        var text: String, number: Int, problem: (column: Int, message: String)?
        switch line {
        case .text(let read, let line):
            (text, number) = (read, line)
        case .unreadable(let raw, let line, let column, let reason):
            (text, number, problem) = (raw, line, (column, reason))
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var object: [String: Any]?
        if problem == nil {
            object = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String: Any]
            if object == nil || !trimmed.hasSuffix("}") { problem = (1, "the line is not a JSON object") }
        }
        var values: [String] = []
        if problem == nil, let object {
            for path in fields {
                guard let value = Self.value(at: path, in: object) else {
                    problem = (1, "the object has no string at \"\(path)\""); break
                }
                values.append(value)
            }
        }
        let isObject = object != nil && trimmed.hasSuffix("}")
        return (JSONLine(text: text, number: number, problem: problem, objectText: isObject ? trimmed : nil),
                problem == nil ? values : [])
    }

    /// The string at a dotted path (`person.name`), nil when absent or not a string.
    static func value(at path: String, in object: [String: Any]) -> String? {
        if let direct = object[path] as? String { return direct }
        var current: Any = object
        for key in path.split(separator: ".").map(String.init) {
            guard let next = (current as? [String: Any])?[key] else { return nil }
            current = next
        }
        return current as? String
    }
}
