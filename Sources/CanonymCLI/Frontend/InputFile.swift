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

    func close() {
        if owned { _ = Glibc.close(descriptor) }
    }
}
