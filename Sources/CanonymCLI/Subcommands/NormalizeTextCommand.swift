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

    @OptionGroup var inputs: TextInputOptions

    @Option(help: "replace (Tokaïev → Kassym-Jomart Tokayev) or annotate (Tokaïev [Kassym-Jomart Tokayev]).")
    var mode: RewriteMode = .replace

    @Option(help: ArgumentHelp("Write each rewritten file into this directory.", valueName: "dir"))
    var outputDir: String?

    @Option(help: "Minimum score to link a span fuzzily.")
    var scanThreshold = 0.9

    func validate() throws {
        if let outputDir {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: outputDir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("the output directory \"\(outputDir)\" does not exist")
            }
            for path in inputs.files where path != "-" && wouldOverwrite(path) {
                throw ValidationError(overwriteMessage(path))
            }
        }
    }

    /// Where the rewrite of `path` goes under --output-dir, standardised; nil without one.
    private func rewriteTarget(of path: String) -> String? {
        outputDir.map { URL(fileURLWithPath: $0).appendingPathComponent((path as NSString).lastPathComponent).standardizedFileURL.path }
    }

    /// Whether the rewrite of `path` would replace the file itself.
    private func wouldOverwrite(_ path: String) -> Bool {
        rewriteTarget(of: path) == URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private func overwriteMessage(_ path: String) -> String {
        "\"\(path)\" would be overwritten by its own rewrite; choose another --output-dir"
    }

    func run() throws {
        let finder = MentionFinder(matcher: ProcessLifetime.keep(try matching.matcher(for: try gazetteers.load(), candidateCount: 3)),
                                   fuzzyThreshold: scanThreshold)
        let output = OutputWriter()
        var failures = 0
        func rewrite(_ path: String) {
            let name = TextDocuments.displayName(path)
            let text: String
            switch TextDocuments.load(path) {
            case .text(let loaded): text = loaded
            case .failure(let reason, let location):
                Diagnostics.emit("\(name):\(location): error: \(reason)")
                failures += 1
                return
            }
            let rewritten = TextRewriter.rewrite(text, mentions: finder.mentions(in: text), mode: mode.library)
            if let target = rewriteTarget(of: path), path != "-" {
                // The atomic writer every output uses: a temporary file beside the target, renamed over it.
                do { try AtomicFile.write(Array(rewritten.utf8), to: target) } catch {
                    Diagnostics.emit(String(describing: error))
                    failures += 1
                }
            } else {
                output.write(rewritten)
            }
        }
        try inputs.forEach { listed in
            switch listed {
            case .path(let path) where path != "-" && wouldOverwrite(path):  // a listed file (arguments were checked up front)
                Diagnostics.error(overwriteMessage(path))
                failures += 1
            case .path(let path): rewrite(path)
            case .unusable(_, let reason, let location):
                Diagnostics.emit("\(location): error: \(reason)")
                failures += 1
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

extension NormalizeTextCommand: TakesTrailingOperands {
    mutating func appendTrailingOperands(_ operands: [String]) throws { try inputs.append(operands) }
}
