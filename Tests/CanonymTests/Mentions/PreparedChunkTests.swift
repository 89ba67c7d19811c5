import Canonym
import Dispatch
import Synchronization
import Testing

/// `prepare` (context-free, parallel) then `mentions(in:context:offset:)` in document order must
/// give what the sequential finder gives, with what earlier chunks named still applied.
@Suite struct PreparedChunkTests {
    static let finder = MentionFinder(matcher: Matcher(gazetteer: try! DefaultGazetteers.load()))

    /// One document cut at line breaks. The last chunk names *Togayev* (unknown alone, resolved to
    /// Tokayev by the first chunk) and opens a sentence with *Auyezov* (dropped alone, kept after
    /// the unknown *Olzhas Auyezov*).
    static let chunks = [
        "Olzhas Auyezov et Kassym-Jomart Tokaïev ont parlé à Astana.\n",
        "Rien à signaler ce jour-là, été comme hiver.\n",
        "M. Antony Blinken a reçu Mme Colonna à Moscou.\n",
        "Ensuite Togayev a répondu.\nAuyezov est venu.\n",
    ]

    /// What the output of `scan` shows of a mention.
    static func describe(_ mention: Mention) -> String {
        "\(mention.start)..<\(mention.end) \(mention.text) \(mention.match.status) \(mention.match.entity?.id ?? "-") "
            + "\(mention.match.score.map { String($0) } ?? "-") \(mention.title ?? "-") \(mention.resolvedByEarlierMention)"
    }

    /// Runs the chunks through the finder with one context; `prepared` gives each chunk's prepared form.
    static func mentions(of chunks: [String], prepared: (Int) -> MentionFinder.PreparedChunk) -> [String] {
        var context = MentionFinder.DocumentContext(), offset = 0, found: [String] = []
        for (index, chunk) in chunks.enumerated() {
            found += finder.mentions(in: prepared(index), context: &context, offset: offset).map(describe)
            offset += chunk.unicodeScalars.count
        }
        return found
    }

    @Test func chunksPreparedOnSeveralThreadsGiveTheSequentialMentions() {
        // Sequential reference, chunk by chunk with a carried context.
        var context = MentionFinder.DocumentContext(), offset = 0, sequential: [String] = []
        for chunk in Self.chunks {
            sequential += Self.finder.mentions(in: chunk, context: &context, offset: offset).map(Self.describe)
            offset += chunk.unicodeScalars.count
        }
        // Prepared concurrently, last chunk first as often as not, then resolved in order.
        let chunks = Self.chunks
        let prepared = Mutex<[Int: MentionFinder.PreparedChunk]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks.count) { step in
            let index = chunks.count - 1 - step
            let ready = Self.finder.prepare(chunks[index])
            prepared.withLock { $0[index] = ready }
        }
        let table = prepared.withLock { $0 }
        let parallel = Self.mentions(of: chunks, prepared: { table[$0]! })

        #expect(parallel == sequential)
        #expect(parallel == Self.finder.mentions(in: chunks.joined()).map(Self.describe), "chunks cut at line breaks change nothing")
        #expect(parallel.count == 8, "\(parallel)")
    }

    @Test func aLaterChunkIsReadInTheLightOfTheEarlierOnes() throws {
        let last = Self.finder.prepare(Self.chunks[3])
        var fresh = MentionFinder.DocumentContext()
        let alone = Self.finder.mentions(in: last, context: &fresh)
        #expect(alone.map(\.text) == ["Togayev"], "alone, the sentence-opening Auyezov is an ordinary word")
        #expect(alone.first?.match.status == .unknown)

        let all = Self.mentions(of: Self.chunks, prepared: { Self.finder.prepare(Self.chunks[$0]) })
        let offset = Self.chunks.dropLast().reduce(0) { $0 + $1.unicodeScalars.count }
        let togayev = try #require(all.first { $0.contains(" Togayev ") })
        #expect(togayev.hasPrefix("\(offset + 8)..<\(offset + 15) Togayev fuzzy person:kassym-jomart-tokayev "), "\(togayev)")
        #expect(togayev.hasSuffix(" true"), "resolved by the earlier mention")
        #expect(all.last?.contains(" Auyezov unknown - ") == true, "\(all)")
    }
}
