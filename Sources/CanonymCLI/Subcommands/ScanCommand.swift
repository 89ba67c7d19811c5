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

    @OptionGroup var inputs: TextInputOptions

    @Option(help: "Minimum score to link a span fuzzily (stricter than for lists of names).")
    var scanThreshold = 0.9

    @Option(help: "Characters of context on each side of a mention.")
    var context = 40

    @Option(help: ArgumentHelp("Find and match names on this many threads (default: one per core); the output is the same.", valueName: "n"))
    var jobs: Int?

    /// Chunk size instead of about 256 KB: lets tests cross chunk boundaries, and keep several
    /// chunks in flight, with small inputs. The context of a mention is cut at its chunk's edges.
    @Option(help: .hidden)
    var chunkBytes = 1 << 18

    func validate() throws {
        if !(0...1).contains(scanThreshold) { throw ValidationError("--scan-threshold must be between 0 and 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more (the number of threads that match)") }
        if !(1...(1 << 22)).contains(chunkBytes) { throw ValidationError("--chunk-bytes must be between 1 and 4194304") }
    }

    func run() throws {
        let matcher = ProcessLifetime.keep(try matching.matcher(for: try gazetteers.load(), candidateCount: 3))
        let output = OutputWriter()
        // The records show no candidates, so unknown names of several words need none.
        let finder = MentionFinder(matcher: matcher, fuzzyThreshold: scanThreshold, reportsCandidatesOfUnknownNames: false)
        let scanner = DocumentScanner(finder: finder,
                                      jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                      chunkBytes: chunkBytes, contextCharacters: context, output: output)
        // Also on the way out through an input that cannot be opened: what was read is written.
        defer { scanner.finish(); output.flush() }
        var failures = 0
        try inputs.forEach { listed in
            switch listed {
            case .path(let path):
                let input = try InputFile(path: path)
                defer { input.close() }
                if !scanner.scan(input) { failures += 1 }
            case .unusable(let path, let reason, let location):
                failures += 1
                scanner.reportUnusable(displayName: path, reason: reason, at: location)
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

extension ScanCommand: TakesTrailingOperands {
    mutating func appendTrailingOperands(_ operands: [String]) throws { try inputs.append(operands) }
}
