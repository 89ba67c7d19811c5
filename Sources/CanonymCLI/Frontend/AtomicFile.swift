import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written in full or not at all: output goes to a temporary file beside the target,
/// which replaces the target only when `commit()` is called.
final class AtomicFile {
    let path: String
    let descriptor: Int32
    private var temporaryPath: String
    private var committed = false

    init(path: String) throws {
        self.path = path
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw TableMatching.Failure(description: "error: cannot write \(path): \(String(cString: strerror(errno)))")
        }
        // mkstemp makes the file private (0600); give it the mode any new file would have.
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        descriptor = fd
        temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `bytes` to `path` in full or not at all.
    static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { append in try bytes.withUnsafeBytes(append) }
    }

    /// Writes to `path`, in full or not at all, what `pieces` hands, in order, to the function it is given.
    static func write(to path: String, pieces: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let file = try AtomicFile(path: path)
        try pieces { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(file.descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    throw TableMatching.Failure(description: "error: cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
        try file.commit()
    }

    /// `write`, for the file a command makes: a failure is reported and ends the run (exit 1).
    static func writeOutput(_ bytes: [UInt8], to path: String) throws {
        try writeOutput(to: path) { append in try bytes.withUnsafeBytes(append) }
    }

    /// `write(to:pieces:)`, for the file a command makes: a failure is reported and ends the run (exit 1).
    static func writeOutput(to path: String, pieces: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        do { try write(to: path, pieces: pieces) } catch {
            Diagnostics.emit(String(describing: error))
            throw ExitCode(1)
        }
    }

    /// Replaces the target with what was written.
    func commit() throws {
        guard fsync(descriptor) == 0 || errno == EINVAL, close(descriptor) == 0, rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw TableMatching.Failure(description: "error: cannot write \(path): \(reason)")
        }
        committed = true
    }

    deinit {
        if !committed { close(descriptor); unlink(temporaryPath) }
    }
}
