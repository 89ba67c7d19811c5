/// Where bytes stop being UTF-8, located the way error messages report it: a 1-based line and a
/// 1-based column counted in characters of that line.
public enum UTF8Location {
    /// Offset (from the start of `bytes`) of the first byte that does not begin a valid UTF-8
    /// character; `bytes.count` when all of them are valid.
    public static func firstInvalidOffset(in bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset)
    }

    /// Line and column of the first invalid byte (lines counted from 1 at the start of `bytes`).
    public static func ofFirstInvalidByte(in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        let bad = bytes.startIndex + firstInvalidOffset(in: bytes)
        let valid = bytes[bytes.startIndex..<bad]
        let lineStart = valid.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
        let line = 1 + valid.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return (line, String(decoding: bytes[lineStart..<bad], as: UTF8.self).count + 1)
    }
}
