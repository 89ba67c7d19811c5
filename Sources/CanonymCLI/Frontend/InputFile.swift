import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for reading, or standard input for nil or "-".
struct InputFile {
    let descriptor: Int32
    let displayName: String
    private let owned: Bool

    init(path: String?) throws {
        guard let path, path != "-" else {
            descriptor = STDIN_FILENO; displayName = "<stdin>"; owned = false
            return
        }
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else {
            Diagnostics.error("\(path): cannot open: \(String(cString: strerror(errno)))")
            throw ExitCode(2)
        }
        descriptor = opened; displayName = path; owned = true
    }

    /// The next block of bytes (at most `maxBytes`), nil at the end; throws when reading fails.
    func readChunk(maxBytes: Int = 1 << 16) throws -> [UInt8]? {
        // Read straight into the array's own memory: zeroing a block and copying out what was
        // read cost more than scanning a short document.
        let block = try [UInt8](unsafeUninitializedCapacity: maxBytes) { buffer, initialized in
            while true {
                let count = read(descriptor, buffer.baseAddress, buffer.count)
                if count >= 0 { initialized = count; return }
                if errno != EINTR { throw LineReader.ReadFailure(errorNumber: errno) }
            }
        }
        return block.isEmpty ? nil : block
    }

    /// The size in bytes of the input at `path` (standard input for nil or "-") when it is a
    /// regular file; nil for a pipe, a terminal or anything else whose size is not known.
    static func regularFileSize(path: String?) -> Int? {
        var status = stat()
        let found = if let path, path != "-" { stat(path, &status) } else { fstat(STDIN_FILENO, &status) }
        guard found == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    func close() {
        if owned { _ = Glibc.close(descriptor) }
    }
}
