import ArgumentParser
import Canonym
import Foundation

struct NormalizeTextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize-text",
        abstract: "Write text files back with every linked name replaced by, or annotated with, its canonical form.",
        discussion: """
        Unknown names and everything else are left exactly as they were. Without --output-dir the \
        rewritten texts go to standard output, one after the other; with it, each file is written \
        (atomically) under that directory with its own name. A file that cannot be read or is not \
        UTF-8 is reported as FILE:LINE:COLUMN and skipped; the exit code is then 1.
        """)

    @OptionGroup var gazetteers: GazetteerOptions
    @OptionGroup var matching: MatchingOptions

    @Argument(help: ArgumentHelp("Text files (UTF-8); standard input when none or \"-\".", valueName: "file"))
    var files: [String] = []

    @Option(help: "replace (Tokaïev → Kassym-Jomart Tokayev) or annotate (Tokaïev [Kassym-Jomart Tokayev]).")
    var mode: RewriteMode = .replace

    @Option(help: ArgumentHelp("Write each rewritten file into this directory.", valueName: "dir"))
    var outputDir: String?

    @Option(help: "Minimum score to link a span fuzzily.")
    var scanThreshold = 0.9

    func validate() throws {
        do { try TextDocuments.validate(files) } catch { throw ValidationError("\(error)") }
        if let outputDir {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: outputDir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("the output directory \"\(outputDir)\" does not exist")
            }
            for path in files where path != "-" {
                let target = URL(fileURLWithPath: outputDir).appendingPathComponent((path as NSString).lastPathComponent)
                if target.standardizedFileURL.path == URL(fileURLWithPath: path).standardizedFileURL.path {
                    throw ValidationError("\"\(path)\" would be overwritten by its own rewrite; choose another --output-dir")
                }
            }
        }
    }

    func run() throws {
        let finder = MentionFinder(matcher: ProcessLifetime.keep(Matcher(gazetteer: try gazetteers.load(), options: matching.options(candidateCount: 3))),
                                   fuzzyThreshold: scanThreshold)
        let output = OutputWriter()
        var failures = 0
        for path in files.isEmpty ? ["-"] : files {
            let name = TextDocuments.displayName(path)
            guard case .text(let text) = TextDocuments.load(path) else {
                if case .failure(let reason, let location) = TextDocuments.load(path) { Diagnostics.emit("\(name):\(location): error: \(reason)") }
                failures += 1
                continue
            }
            let rewritten = TextRewriter.rewrite(text, mentions: finder.mentions(in: text), mode: mode.library)
            if let outputDir, path != "-" {
                let target = URL(fileURLWithPath: outputDir).appendingPathComponent((path as NSString).lastPathComponent)
                // The atomic writer every output uses: a temporary file beside the target, renamed over it.
                do { try AtomicFile.write(Array(rewritten.utf8), to: target.path) } catch {
                    Diagnostics.emit(String(describing: error))
                    failures += 1
                }
            } else {
                output.write(rewritten)
            }
        }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}

enum RewriteMode: String, ExpressibleByArgument, CaseIterable {
    case replace, annotate
    var library: TextRewriter.Mode { self == .replace ? .replace : .annotate }
}
