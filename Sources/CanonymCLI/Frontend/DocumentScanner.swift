import Canonym
import Foundation
import Synchronization

/// `canonym scan` on a run of documents: each is read in chunks cut at line breaks, the chunks'
/// spans are found and matched on `jobs` threads (`MentionFinder.prepare`, nearly all the time),
/// and the mentions are written on the calling thread in document order.
///
/// What depends on order stays on the calling thread: the document context (a surname resolved
/// through an earlier chunk) and the run's unknown-name clusters (keys made by first sight). A
/// document's first chunk needs no earlier context, so its surnames are resolved on the threads
/// (a news article is one chunk: this is most of the resolving). The
/// matcher is deterministic, so the output is the same, byte for byte, whatever the jobs; and as
/// only a few chunks are in flight, memory does not grow with the input.
final class DocumentScanner {
    let finder: MentionFinder
    private let finders: FinderPool

    /// Finders with caches of their own, one per thread at work (`MentionFinder.withOwnCaches`).
    private final class FinderPool: Sendable {
        private let shared: MentionFinder
        private let idle = Mutex<[MentionFinder]>([])

        init(_ shared: MentionFinder) { self.shared = shared }

        func withFinder<Result>(_ body: (MentionFinder) -> Result) -> Result {
            let finder = idle.withLock { $0.popLast() } ?? shared.withOwnCaches()
            defer { idle.withLock { $0.append(finder) } }
            return body(finder)
        }
    }
    let output: OutputWriter
    /// Characters of context written on each side of a mention (cut at the chunk's edges).
    let contextCharacters: Int
    let chunkBytes: Int
    /// Work goes out in batches of chunks of about `chunkBytes` in all: a short document is a
    /// chunk of its own, and with one work item per news article two threads took 15% longer.
    private var batches: OrderedWorkQueue<[Chunk], [ScannedChunk]>
    private var batch: [Chunk] = []
    private var batchBytes = 0
    private var clusters = UnknownNameClusters()
    /// What the earlier chunks of the document being written named.
    private var documentContext = MentionFinder.DocumentContext()

    /// A chunk read and submitted, with where it sits in the run.
    private struct Chunk {
        /// The document's display name as a JSON string, made once for all the chunk's records.
        let quotedFile: String
        /// The chunk's text: UTF-8 that `UTF8Validation` has found valid.
        let bytes: [UInt8]
        /// Scalars of the document before this chunk.
        let offset: Int
        /// The document's first chunk, which no earlier context bears on.
        var opensDocument: Bool { offset == 0 }
    }

    /// A chunk as the threads hand it back: its surnames resolved when it opens its document
    /// (with the context it leaves), else still to be resolved in order.
    private struct ScannedChunk: Sendable {
        let prepared: MentionFinder.PreparedChunk
        let resolved: (mentions: [Mention], context: MentionFinder.DocumentContext)?

        init(_ bytes: [UInt8], opensDocument: Bool, finder: MentionFinder) {
            prepared = finder.prepare(validUTF8: bytes)
            if opensDocument {
                var context = MentionFinder.DocumentContext()
                let mentions = finder.mentions(in: prepared, context: &context)
                resolved = (mentions, context)
            } else {
                resolved = nil
            }
        }
    }

    init(finder: MentionFinder, jobs: Int, chunkBytes: Int, contextCharacters: Int, output: OutputWriter) {
        self.finder = finder
        finders = FinderPool(finder)
        self.output = output
        self.contextCharacters = contextCharacters
        self.chunkBytes = chunkBytes
        batches = OrderedWorkQueue(jobs: jobs)
    }

    /// Reads one document and submits its chunks; false when it could not be read to the end (an
    /// error record then follows the mentions found before the problem). Mentions may still be
    /// in flight on return: call `finish()` after the last document.
    func scan(_ input: InputFile) -> Bool {
        var reader = TextChunkReader(input: input, targetBytes: chunkBytes)
        var offset = 0, linesBefore = 0
        do {
            while let bytes = try reader.next() {
                // Checked here, decoded on the threads: a string made of the bytes would check them again.
                guard bytes.withUnsafeBufferPointer(UTF8Validation.isValid) else {
                    let (line, column) = UTF8Location.ofFirstInvalidByte(in: bytes[...])
                    return fail(input, "the file is not valid UTF-8", at: "\(linesBefore + line):\(column)")
                }
                batch.append(Chunk(quotedFile: JSON.string(input.displayName), bytes: bytes, offset: offset))
                batchBytes += bytes.count
                if batchBytes >= chunkBytes { submitBatch() }
                offset += bytes.withUnsafeBufferPointer(UTF8Counts.scalars)
                linesBefore += bytes.withUnsafeBufferPointer(UTF8Counts.lineBreaks)
            }
        } catch {
            return fail(input, "the file cannot be read: \(error)", at: "\(linesBefore + 1):1")
        }
        return true
    }

    /// Writes the mentions of every chunk still in flight.
    func finish() {
        submitBatch()
        for (chunks, prepared) in batches.drain() { write(chunks, prepared) }
    }

    private func submitBatch() {
        guard !batch.isEmpty else { return }
        let finders = self.finders, texts = batch.map { ($0.bytes, $0.opensDocument) }
        let due = batches.submit(batch) { finders.withFinder { finder in texts.map { ScannedChunk($0, opensDocument: $1, finder: finder) } } }
        batch = []
        batchBytes = 0
        for (chunks, prepared) in due { write(chunks, prepared) }
    }

    private func write(_ chunks: [Chunk], _ scanned: [ScannedChunk]) {
        for (chunk, scanned) in zip(chunks, scanned) { write(chunk, scanned) }
    }

    /// Writes the error record of a document that is not scanned (a listed file that cannot be
    /// opened), in its place in the output; `location` is where the problem shows (the list's line).
    func reportUnusable(displayName: String, reason: String, at location: String) {
        finish()
        report(displayName: displayName, reason, diagnostic: "\(location): error: \(reason)")
    }

    private func fail(_ input: InputFile, _ reason: String, at location: String) -> Bool {
        finish()  // the mentions found before the problem come first
        report(displayName: input.displayName, reason, diagnostic: "\(input.displayName):\(location): error: \(reason)")
        return false
    }

    private func report(displayName: String, _ reason: String, diagnostic: String) {
        Diagnostics.emit(diagnostic)
        output.write(JSON.object([("file", JSON.string(displayName)), ("status", JSON.string("error")),
                                  ("message", JSON.string(reason))]) + "\n")
    }

    /// Applies the document's context to a chunk and writes its mentions; chunks come in order.
    private func write(_ chunk: Chunk, _ scanned: ScannedChunk) {
        let mentions: [Mention]
        if let resolved = scanned.resolved {
            documentContext = resolved.context
            mentions = resolved.mentions
        } else {
            mentions = finder.mentions(in: scanned.prepared, context: &documentContext, offset: chunk.offset)
        }
        let scalars = scanned.prepared.scalars
        // One buffer for the chunk's records. Room for the fields and the context as JSON may
        // escape it: grown, the buffer is copied.
        var record = JSONObject(capacity: 512 + 12 * contextCharacters)
        for mention in mentions {
            let cluster = mention.match.status == .unknown ? clusters.key(forFoldedWords: mention.foldedWords) : nil
            writeRecord(of: mention, quotedFile: chunk.quotedFile, scalars: scalars, base: chunk.offset, cluster: cluster, into: &record)
        }
    }

    /// Writes `scalars` as the field `key` of `record` with each line break as a space, as
    /// Foundation's `replacingOccurrences(of: "\n", with: " ")` makes them: straight into the
    /// record unless a line break is next to a scalar that may combine with it (one followed by
    /// a combining mark is left as it is), which only Foundation's replacement gives.
    static func writeLineBreaksAsSpaces(_ scalars: ArraySlice<Unicode.Scalar>, as key: StaticString, to record: inout JSONObject) {
        if !record.stringWithLineBreaksAsSpaces(key, scalars: scalars, besidePlain: isPlain) {
            record.string(key, String(String.UnicodeScalarView(scalars)).replacingOccurrences(of: "\n", with: " "))
        }
    }

    /// ASCII, a Latin-1 or Latin Extended letter, a Cyrillic letter, or a quotation mark, dash,
    /// ellipsis or no-break space (what news has around line breaks): none combines with one. `JSONTests` holds the
    /// replacement to Foundation's with these beside line breaks.
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80, 0xA0...0x24F, 0x400...0x482, 0x48A...0x52F: true
        case 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x202F: true
        default: false
        }
    }

    /// `scalars` is the chunk holding the mention, which starts `base` scalars into the document.
    /// Writes the record of `mention` in `record`'s buffer, and from there to the output.
    private func writeRecord(of mention: Mention, quotedFile: String, scalars: [Unicode.Scalar], base: Int, cluster: String?,
                             into record: inout JSONObject) {
        let before = max(0, mention.start - base - contextCharacters)
        let after = min(scalars.count, mention.end - base + contextCharacters)
        let match = mention.match
        record.encoded("file", quotedFile)
        record.integer("start", mention.start)
        record.integer("end", mention.end)
        record.string("text", mention.text)
        record.plainString("status", match.status.rawValue)
        // The best candidate's fields are read in place, one by one: a copy of the entity would
        // retain all of its strings.
        if let best = match.best {
            record.string("id", best.entity.id)
            record.string("canonical", best.entity.canonical)
            record.number("score", best.score)
            record.plainString("type", best.entity.type.rawValue)
            record.string("matched", best.matchedName)
        } else {
            for key: StaticString in ["id", "canonical", "score", "type", "matched"] { record.encoded(key, "null") }
        }
        record.optional("title", mention.title)
        record.optional("cluster", cluster)
        Self.writeLineBreaksAsSpaces(scalars[before..<after], as: "context", to: &record)
        record.withClosedBytes(line: true) { output.write(bytes: $0) }
    }
}
