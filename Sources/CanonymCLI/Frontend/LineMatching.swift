import Canonym

/// `canonym match` on names one per line: one record per line, in order, rendered as JSON Lines
/// or TSV; a line that cannot be read (invalid UTF-8, too long) gets an `error` record in place.
struct LineMatching {
    let renderer: MatchRenderer
    let maxLineBytes: Int

    /// Matches one input; returns how many lines were errors.
    func run(input: InputFile, output: OutputWriter, batches: OrderedBatchMatcher, counts: BatchSummary) throws -> Int {
        var reader = LineReader(descriptor: input.descriptor, maxLineBytes: maxLineBytes)
        var unreadable = 0
        try batches.run(read: { () throws -> PendingRecord<InputLine>? in
            let before = reader.bytesConsumed
            guard let line = try reader.next() else { return nil }
            let names = if case .text(let text, _) = line { [text] } else { [String]() }
            return PendingRecord(context: line, names: names, inputBytes: reader.bytesConsumed - before)
        }, write: { line, matches in
            counts.countRecord()
            switch line {
            case .text:
                for match in matches {
                    counts.count(status: match.status.rawValue)
                    output.write(renderer.render(match))
                }
            case .unreadable(let raw, let number, let column, let reason):
                unreadable += 1
                counts.count(status: "error")
                Diagnostics.emit("\(input.displayName):\(number):\(column): error: \(reason)")
                output.write(renderer.renderError(input: raw, message: reason))
            }
        })
        return unreadable
    }
}
