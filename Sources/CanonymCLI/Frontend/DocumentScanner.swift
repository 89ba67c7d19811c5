import Canonym
import Foundation
import Synchronization

/// `canonym scan` on a run of documents: each is read in chunks cut at line breaks, the chunks'
/// spans are found and matched on `jobs` threads (`MentionFinder.prepare`, nearly all the time),
/// and the mentions are written on the calling thread in document order.
///
/// What depends on order stays on the calling thread: the document context (a surname resolved
/// through an earlier chunk) and the run's unknown-name clusters (keys made by first sight). A
/// document's first chunk needs no earlier context, so its surnames are resolved and its records
/// made on the threads (a news article is one chunk: this is most of the work), the calling
/// thread only filling in the clusters (`ScanRecords`). The
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
    private struct Chunk: Sendable {
        /// The document's display name as a JSON string, made once for all the chunk's records.
        let quotedFile: String
        /// The chunk's text: UTF-8 that `UTF8Validation` has found valid.
        let bytes: [UInt8]
        /// Scalars of the document before this chunk.
        let offset: Int
        /// The document's first chunk, which no earlier context bears on.
        var opensDocument: Bool { offset == 0 }
    }

    /// A chunk as the threads hand it back.
    private enum ScannedChunk: Sendable {
        /// A document's first chunk, which no earlier context bears on: its surnames resolved and
        /// its records made, with the context it leaves.
        case rendered(ScanRecords, context: MentionFinder.DocumentContext)
        /// A later chunk, whose surnames wait for the context of the chunks before it.
        case prepared(MentionFinder.PreparedChunk)

        init(_ chunk: Chunk, contextCharacters: Int, finder: MentionFinder) {
            let prepared = finder.prepare(validUTF8: chunk.bytes)
            guard chunk.opensDocument else {
                self = .prepared(prepared)
                return
            }
            var context = MentionFinder.DocumentContext()
            let mentions = finder.mentions(in: prepared, context: &context)
            let records = ScanRecords(mentions: mentions, quotedFile: chunk.quotedFile, scalars: prepared.scalars, base: 0,
                                      contextCharacters: contextCharacters)
            self = .rendered(records, context: context)
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
        let finders = self.finders, chunks = batch, contextCharacters = self.contextCharacters
        let due = batches.submit(batch) {
            finders.withFinder { finder in chunks.map { ScannedChunk($0, contextCharacters: contextCharacters, finder: finder) } }
        }
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
        var records: ScanRecords
        switch scanned {
        case .rendered(let rendered, let context):
            documentContext = context
            records = rendered
        case .prepared(let prepared):
            let mentions = finder.mentions(in: prepared, context: &documentContext, offset: chunk.offset)
            records = ScanRecords(mentions: mentions, quotedFile: chunk.quotedFile, scalars: prepared.scalars, base: chunk.offset,
                                  contextCharacters: contextCharacters)
        }
        records.write(to: output, clusters: &clusters)
    }
}
