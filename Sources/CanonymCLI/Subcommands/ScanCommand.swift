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
        canonical, score, type, matched, title (a title written before the name, or null) and \
        context. Names the gazetteers do not know are reported with status unknown. A file that \
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
        for path in files where path != "-" && !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("the input file \"\(path)\" \(FileManager.default.fileExists(atPath: path) ? "is not readable" : "does not exist")")
        }
    }

    func run() throws {
        let matcher = Matcher(gazetteer: try gazetteers.load(), options: matching.options(candidateCount: 3))
        let finder = MentionFinder(matcher: matcher, fuzzyThreshold: scanThreshold)
        let output = OutputWriter()
        var failures = 0
        for path in files.isEmpty ? ["-"] : files {
            let name = path == "-" ? "<stdin>" : path
            let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
            guard let data, let text = String(validating: data, as: UTF8.self) else {
                failures += 1
                let reason = data == nil ? "the file cannot be read" : "the file is not valid UTF-8"
                let location = data.map { Self.invalidUTF8Location([UInt8]($0)) } ?? "1:1"
                Diagnostics.emit("\(name):\(location): error: \(reason)")
                output.write(JSON.object([("file", JSON.string(name)), ("status", JSON.string("error")), ("message", JSON.string(reason))]) + "\n")
                continue
            }
            let scalars = Array(text.unicodeScalars)
            for mention in finder.mentions(in: text) {
                output.write(render(mention, file: name, scalars: scalars))
            }
        }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }

    private func render(_ mention: Mention, file: String, scalars: [Unicode.Scalar]) -> String {
        let best = mention.match.best
        let before = max(0, mention.start - context), after = min(scalars.count, mention.end + context)
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
            ("context", JSON.string(snippet)),
        ]) + "\n"
    }

    /// LINE:COLUMN of the first byte that breaks UTF-8.
    static func invalidUTF8Location(_ bytes: [UInt8]) -> String {
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            var next = index + 1
            while next < bytes.count && next - index < 4 && bytes[next] & 0xC0 == 0x80 { next += 1 }
            guard String(validating: bytes[index..<next], as: UTF8.self) != nil else { break }
            if bytes[index] == 0x0A { line += 1; lineStart = next }
            index = next
        }
        return "\(line):\(String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1)"
    }
}
