import Canonym
import Foundation

/// The JSON Lines records of one chunk's mentions (`canonym scan`), made on whichever thread
/// scanned the chunk and written out, in order, on the calling thread.
///
/// An unknown mention's cluster key depends on every unknown name before it in the run, so it is
/// made only when the records are written: the bytes hold `null` in its place until then.
struct ScanRecords: Sendable {
    private var bytes: [UInt8] = []
    /// Each unknown mention: where the `null` of its cluster stands in `bytes`, and its folded words.
    private var clusterSlots: [(offset: Int, foldedWords: [String])] = []

    /// The records of `mentions`, found in `scalars`, a chunk that starts `base` scalars into the
    /// document `quotedFile` (its name as a JSON string).
    init(mentions: [Mention], quotedFile: String, scalars: [Unicode.Scalar], base: Int, contextCharacters: Int) {
        // One buffer for every record. Room for the fields and the context as JSON may escape
        // it: grown, the buffer is copied.
        var record = JSONObject(capacity: 512 + 12 * contextCharacters)
        // Room for records of plain text at once: grown by doubling, the bytes were copied over and over.
        bytes.reserveCapacity(mentions.count * (256 + 2 * contextCharacters))
        for mention in mentions {
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
            record.encoded("cluster", "null")
            if match.status == .unknown {
                clusterSlots.append((bytes.count + record.byteCount - 4, mention.foldedWords))
            }
            Self.writeLineBreaksAsSpaces(scalars[before..<after], as: "context", to: &record)
            record.withClosedBytes(line: true) { bytes.append(contentsOf: $0) }
        }
    }

    /// Writes the records to `output`, each unknown mention with its key in `clusters`.
    mutating func write(to output: OutputWriter, clusters: inout UnknownNameClusters) {
        bytes.withUnsafeBufferPointer { bytes in
            var written = 0
            for (offset, foldedWords) in clusterSlots {
                output.write(bytes: UnsafeBufferPointer(rebasing: bytes[written..<offset]))
                output.write(JSON.string(clusters.key(forFoldedWords: foldedWords)))
                written = offset + 4  // past the `null`
            }
            output.write(bytes: UnsafeBufferPointer(rebasing: bytes[written...]))
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
}
