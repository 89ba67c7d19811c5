import Foundation
import Testing

/// What one run of the `canonym` executable produced.
struct CanonymRun {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Standard output's lines, without their line breaks (a final line break ends the last line).
    var stdoutLines: [Substring] {
        var lines = stdout.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
    var stderrLines: [Substring] { stderr.split(separator: "\n") }

    /// The JSON Lines output, one dictionary per line.
    func records(sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        try stdoutLines.map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
            return try #require(object as? [String: Any], "not a JSON object: \(line)", sourceLocation: sourceLocation)
        }
    }
}

/// Runs the built `canonym` executable as a subprocess.
enum Canonym {
    /// The package root, from this file's path (Tests/CanonymCLITests/Support/…).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable: `$CANONYM_BINARY` if set; otherwise next to the running test bundle (where
    /// `swift build` puts the products, the test target depends on the executable so it is
    /// built first); otherwise under the package's `.build/debug`.
    static let executable: URL? = {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["CANONYM_BINARY"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        var directories: [URL] = []
        if let first = ProcessInfo.processInfo.arguments.first {
            directories.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
        directories.append(Bundle.main.bundleURL)
        // An .xctest bundle (macOS) sits in the products directory, its executable a few levels down.
        for directory in directories {
            var url = directory.standardizedFileURL
            for _ in 0..<4 {
                candidates.append(url.appendingPathComponent("canonym"))
                url.deleteLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/canonym"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `canonym arguments`, feeding it `stdin` (nothing when nil), and waits for it to exit.
    /// Standard streams go through files, so large inputs and outputs cannot fill a pipe and stall.
    static func run(_ arguments: [String], stdin: Data? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> CanonymRun {
        let binary = try #require(executable, "the canonym executable was not found; run `swift build` first or set CANONYM_BINARY", sourceLocation: sourceLocation)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inURL = try directory.write("stdin", stdin ?? Data())
        let outURL = try directory.write("stdout", Data())
        let errURL = try directory.write("stderr", Data())
        let input = try FileHandle(forReadingFrom: inURL)
        let output = try FileHandle(forWritingTo: outURL)
        let errors = try FileHandle(forWritingTo: errURL)
        defer { try? input.close(); try? output.close(); try? errors.close() }

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        return CanonymRun(status: process.terminationStatus,
                          stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                          stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    static func run(_ arguments: [String], stdin: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CanonymRun {
        try run(arguments, stdin: Data(stdin.utf8), sourceLocation: sourceLocation)
    }
}

/// A directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("canonym-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(name)
        try data.write(to: file)
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, Data(text.utf8))
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
