import Canonym
import Foundation

/// `canonym match --jsonl --field PATH`: every input line comes out once, in order, with the
/// object's own text unchanged and four keys added before its closing brace per matched field
/// (`PATH_canonical`, `PATH_id`, `PATH_score`, `PATH_status`). `PATH` may go into nested objects
/// (`person.name`). A line that is not a JSON object, or lacks a string at a path, keeps its text
/// and gets status `error` (a line that is not an object is wrapped as `{"input": …}` first).
struct JSONLinesMatching {
    let matcher: Matcher
    let fields: [String]
    let prefixes: [String]

    /// Matches one input; returns how many lines were errors.
    func run(input: InputFile, output: OutputWriter, maxLineBytes: Int, counts: BatchSummary) throws -> Int {
        var reader = LineReader(descriptor: input.descriptor, maxLineBytes: maxLineBytes)
        var errors = 0
        while let line = try reader.next() {
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
            counts.countRecord()
            if problem != nil { counts.count(status: "error") }
            var added: [(String, String)] = []
            for (index, path) in fields.enumerated() {
                let prefix = index < prefixes.count ? prefixes[index] : path + "_"
                if problem == nil {
                    let match = matcher.match(values[index])
                    counts.count(status: match.status.rawValue)
                    let best = match.best
                    added += [(prefix + "canonical", JSON.optional(best?.entity.canonical)), (prefix + "id", JSON.optional(best?.entity.id)),
                              (prefix + "score", JSON.number(best?.score)), (prefix + "status", JSON.string(match.status.rawValue))]
                } else {
                    added += [(prefix + "canonical", "null"), (prefix + "id", "null"), (prefix + "score", "null"), (prefix + "status", "\"error\"")]
                }
            }
            let keys = added.map { JSON.string($0.0) + ":" + $0.1 }.joined(separator: ",")
            if let problem {
                errors += 1
                Diagnostics.emit("\(input.displayName):\(number):\(problem.column): error: \(problem.message)")
            }
            if problem == nil || (object != nil && trimmed.hasSuffix("}")) {
                let body = trimmed.dropLast().trimmingCharacters(in: .whitespaces)
                output.write(body + (body.hasSuffix("{") ? "" : ",") + keys + "}\n")
            } else {
                output.write("{\"input\":" + JSON.string(text) + "," + keys + "}\n")
            }
        }
        return errors
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
