import ArgumentParser
import Canonym
import Foundation

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find names of people, places and organisations in text files and link them to the gazetteers.",
        discussion: """
        Writes one JSON object per mention, in file order then text order: file, start and end \
        (offsets in Unicode scalars into the file's text), text (the span as written), status, id, \
        canonical, score, type, matched, title (a title written before the name, or null), \
        cluster (for unknown mentions: a key shared by the spellings of one unknown name across \
        the files of the run, else null) and context. Names the gazetteers do not know are reported with status unknown. A file that \
        cannot be read or is not UTF-8 gets one record with status error; the exit code is then 1.
        """)

    @OptionGroup var gazetteers: GazetteerOptions
    @OptionGroup var matching: MatchingOptions

    @Argument(help: ArgumentHelp("Text files (UTF-8); standard input when none or \"-\".", valueName: "file"))
    var files: [String] = []

    @Option(help: "Minimum score to link a span fuzzily (stricter than for lists of names).")
    var scanThreshold = 0.9

    @Option(help: "Characters of context on each side of a mention.")
    var context = 40

    func validate() throws {
        if !(0...1).contains(scanThreshold) { throw ValidationError("--scan-threshold must be between 0 and 1") }
        do { try TextDocuments.validate(files) } catch { throw ValidationError("\(error)") }
    }

    func run() throws {
        let matcher = Matcher(gazetteer: try gazetteers.load(), options: matching.options(candidateCount: 3))
        let finder = MentionFinder(matcher: matcher, fuzzyThreshold: scanThreshold)
        let output = OutputWriter()
        var failures = 0
        var clusters = UnknownNameClusters()
        for path in files.isEmpty ? ["-"] : files {
            let input = try InputFile(path: path)
            defer { input.close() }
            if !scan(input, finder: finder, clusters: &clusters, output: output) { failures += 1 }
        }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }

    /// Scans one document chunk by chunk; false when it could not be read to the end (an error
    /// record then follows the mentions found before the problem).
    private func scan(_ input: InputFile, finder: MentionFinder, clusters: inout UnknownNameClusters, output: OutputWriter) -> Bool {
        var reader = TextChunkReader(input: input)
        var context = MentionFinder.DocumentContext()
        var offset = 0, linesBefore = 0
        func fail(_ reason: String, at location: String) -> Bool {
            Diagnostics.emit("\(input.displayName):\(location): error: \(reason)")
            output.write(JSON.object([("file", JSON.string(input.displayName)), ("status", JSON.string("error")),
                                      ("message", JSON.string(reason))]) + "\n")
            return false
        }
        do {
            while let chunk = try reader.next() {
                guard let text = String(validating: chunk, as: UTF8.self) else {
                    let (line, column) = UTF8Location.ofFirstInvalidByte(in: chunk[...])
                    return fail("the file is not valid UTF-8", at: "\(linesBefore + line):\(column)")
                }
                let scalars = Array(text.unicodeScalars)
                for mention in finder.mentions(in: text, context: &context, offset: offset) {
                    let cluster = mention.match.status == .unknown ? clusters.key(for: mention.text) : nil
                    output.write(render(mention, file: input.displayName, scalars: scalars, base: offset, cluster: cluster))
                }
                offset += scalars.count
                linesBefore += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            }
        } catch {
            return fail("the file cannot be read: \(error)", at: "\(linesBefore + 1):1")
        }
        return true
    }

    /// `scalars` is the chunk holding the mention, which starts `base` scalars into the document.
    private func render(_ mention: Mention, file: String, scalars: [Unicode.Scalar], base: Int, cluster: String?) -> String {
        let best = mention.match.best
        let before = max(0, mention.start - base - context), after = min(scalars.count, mention.end - base + context)
        let snippet = String(String.UnicodeScalarView(scalars[before..<after])).replacingOccurrences(of: "\n", with: " ")
        return JSON.object([
            ("file", JSON.string(file)),
            ("start", String(mention.start)), ("end", String(mention.end)),
            ("text", JSON.string(mention.text)),
            ("status", JSON.string(mention.match.status.rawValue)),
            ("id", JSON.optional(best?.entity.id)),
            ("canonical", JSON.optional(best?.entity.canonical)),
            ("score", JSON.number(best?.score)),
            ("type", JSON.optional(best?.entity.type.rawValue)),
            ("matched", JSON.optional(best?.matchedName)),
            ("title", JSON.optional(mention.title)),
            ("cluster", JSON.optional(cluster)),
            ("context", JSON.string(snippet)),
        ]) + "\n"
    }
}
