#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writes to a file descriptor (stdout by default), flushed in large blocks.
final class OutputWriter {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let blockSize = 1 << 16

    init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        buffer.reserveCapacity(blockSize * 2)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= blockSize { flush() }
    }

    func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= blockSize { flush() }
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 { if errno == EINTR { continue }; break }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// Prints `error:`/`warning:` diagnostics to stderr, in the compilers' `file:line:column:` form.
enum Diagnostics {
    static func error(_ message: String) { emit("error: \(message)") }
    static func warning(_ message: String) { emit("warning: \(message)") }
    static func emit(_ line: String) {
        let text = line + "\n"
        _ = text.utf8CString.withUnsafeBufferPointer { systemWrite(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
    }
}

/// `write(2)`, under a name that methods called `write` do not shadow.
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
