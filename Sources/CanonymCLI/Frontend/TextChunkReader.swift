/// Reads a text file in chunks that end at line breaks, so a document of any size is scanned in
/// bounded memory. A chunk ends at the last line break once `targetBytes` are buffered; a line
/// longer than `maxBytes` is cut at a space, or failing that at a UTF-8 character boundary.
struct TextChunkReader {
    let input: InputFile
    let targetBytes: Int
    let maxBytes: Int
    private var buffer: [UInt8] = []
    private var finished = false

    init(input: InputFile, targetBytes: Int = 1 << 18, maxBytes: Int = 1 << 22) {
        self.input = input
        self.targetBytes = targetBytes
        self.maxBytes = maxBytes
    }

    /// The next chunk, nil at the end; throws when the descriptor cannot be read.
    mutating func next() throws -> [UInt8]? {
        while !finished && buffer.count < targetBytes {
            // Blocks no larger than a chunk, so that a small target gives small chunks.
            if let block = try input.readChunk(maxBytes: min(1 << 16, targetBytes)) { buffer.append(contentsOf: block) } else { finished = true }
        }
        // A line longer than the target: read on to its end (or to `maxBytes`), so that it is
        // cut only where `cutPoint` may cut it, never inside a character at a block's edge.
        var searched = 0
        while !finished && buffer.count < maxBytes && !buffer[searched...].contains(0x0A) {
            searched = buffer.count
            if let block = try input.readChunk(maxBytes: 1 << 16) { buffer.append(contentsOf: block) } else { finished = true }
        }
        if buffer.isEmpty { return nil }
        if finished && buffer.count <= targetBytes { defer { buffer = [] }; return buffer }
        let cut = cutPoint()
        let chunk = Array(buffer[0..<cut])
        buffer.removeFirst(cut)
        return chunk
    }

    private func cutPoint() -> Int {
        let window = buffer.prefix(maxBytes)
        if let newline = window.lastIndex(of: 0x0A) { return newline + 1 }
        if window.count < maxBytes { return window.count }  // the end of the input
        if let space = window.lastIndex(of: 0x20) { return space + 1 }
        var cut = window.count
        while cut > 0 && buffer[cut] & 0xC0 == 0x80 { cut -= 1 }  // never split a character
        return max(cut, 1)
    }
}
