#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

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
        bytes.withUnsafeBufferPointer { write(bytes: $0) }
    }

    func write(bytes: UnsafeBufferPointer<UInt8>) {
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

/// Prints `error:`/`warning:` diagnostics to stderr, in the compilers' `file:line:column:` form,
/// and keeps a status line (progress) at the bottom of stderr: a diagnostic printed while it is
/// shown goes above it, so the two never share a line.
enum Diagnostics {
    /// The status line on screen, empty when none; drawn with `\r`, without a line break.
    private static let statusLine = Mutex("")

    static func error(_ message: String) { emit("error: \(message)") }
    static func warning(_ message: String) { emit("warning: \(message)") }
    static func emit(_ line: String) {
        statusLine.withLock { status in
            writeToStandardError(erasing(status) + line + "\n" + status)
        }
    }

    /// Draws `line` over the current status line.
    static func showStatus(_ line: String) {
        statusLine.withLock { status in
            // Spaces cover what the old line had beyond the new one; no terminal codes needed.
            writeToStandardError("\r" + line + String(repeating: " ", count: max(0, status.count - line.count)))
            status = line
        }
    }

    /// Ends the status line with a line break: it stays on screen, and what follows starts below it.
    static func endStatus() {
        statusLine.withLock { status in
            if !status.isEmpty { writeToStandardError("\n") }
            status = ""
        }
    }

    private static func erasing(_ status: String) -> String {
        status.isEmpty ? "" : "\r" + String(repeating: " ", count: status.count) + "\r"
    }

    private static func writeToStandardError(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { systemWrite(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
    }
}

/// `write(2)`, under a name that methods called `write` do not shadow.
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
