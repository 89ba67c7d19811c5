import Canonym
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One input line, or why it could not be read. Lines are numbered from 1.
enum InputLine {
    case text(String, line: Int)
    /// `raw` is what was read (lossily decoded, truncated for over-long lines).
    case unreadable(raw: String, line: Int, column: Int, reason: String)
}

/// Reads lines from a file descriptor in fixed-size chunks, so memory stays flat whatever
/// the input's size. LF or CRLF; a final line without a newline counts. A line that is not
/// UTF-8, or longer than `maxLineBytes`, is reported as unreadable, never dropped.
struct LineReader {
    let descriptor: Int32
    let maxLineBytes: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0, end = 0
    private var pending: [UInt8] = []
    private var overflowed = false
    private var lineNumber = 0
    private var finished = false
    /// Bytes of the input taken by the lines returned so far, line breaks included (for progress).
    private(set) var bytesConsumed = 0

    init(descriptor: Int32, maxLineBytes: Int) {
        self.descriptor = descriptor
        self.maxLineBytes = maxLineBytes
    }

    /// The next line, nil at end of input; throws when the descriptor cannot be read.
    mutating func next() throws -> InputLine? {
        while true {
            if start < end, let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                append(buffer[start..<newline])
                bytesConsumed += newline + 1 - start
                start = newline + 1
                return takeLine()
            }
            if start < end { append(buffer[start..<end]); bytesConsumed += end - start }
            start = 0; end = 0
            if finished { return nil }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(errorNumber: errno)
            }
            if count == 0 {
                finished = true
                if !pending.isEmpty || overflowed { return takeLine() }
                return nil
            }
            end = count
        }
    }

    struct ReadFailure: Error, CustomStringConvertible {
        let errorNumber: Int32
        var description: String { String(cString: strerror(errorNumber)) }
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        let room = maxLineBytes - pending.count
        if bytes.count > room {
            pending.append(contentsOf: bytes.prefix(max(0, room)))
            overflowed = true
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    private mutating func takeLine() -> InputLine {
        lineNumber += 1
        defer { pending.removeAll(keepingCapacity: pending.count <= 1 << 16); overflowed = false }
        var bytes = pending[...]
        if !overflowed, bytes.last == 0x0D { bytes = bytes.dropLast() }
        if overflowed {
            return .unreadable(raw: String(decoding: bytes.prefix(200), as: UTF8.self) + "…", line: lineNumber,
                               column: maxLineBytes + 1, reason: "the line is longer than \(maxLineBytes) bytes")
        }
        if let text = String(validating: bytes, as: UTF8.self) { return .text(text, line: lineNumber) }
        return .unreadable(raw: String(decoding: bytes, as: UTF8.self), line: lineNumber,
                           column: UTF8Location.ofFirstInvalidByte(in: bytes).column, reason: "the line is not valid UTF-8")
    }

}
