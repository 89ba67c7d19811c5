import Dispatch

/// Appends little-endian numbers, length-prefixed strings and raw arrays to a byte buffer.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }


    mutating func write(_ text: String) {
        write(UInt32(text.utf8.count))
        bytes += text.utf8
    }

    mutating func write(_ texts: [String]) {
        write(UInt32(texts.count))
        for text in texts { write(text) }
    }

    /// An array of numbers: how many, then the values as they lie in memory (hosts are
    /// little-endian, as `SectionWriter` checks), a table of millions in one copy.
    mutating func write<T: FixedWidthInteger>(_ values: [T]) {
        write(UInt64(values.count))
        values.withUnsafeBytes { bytes += $0 }
    }
}

/// Why a compiled file could not be read; `BinaryReader` throws it at the first inconsistency.
struct TruncatedData: Error {}

/// Reads what `BinaryWriter` wrote, checking every length against the bytes that remain:
/// a damaged file fails with `TruncatedData`, never with a crash.
struct BinaryReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    private mutating func take(_ count: Int) throws(TruncatedData) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= bytes.count - offset else { throw TruncatedData() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type = T.self) throws(TruncatedData) -> T {
        var value = T.zero
        let source = try take(MemoryLayout<T>.size)
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: source) }
        return T(littleEndian: value)
    }


    mutating func readString() throws(TruncatedData) -> String {
        let count = Int(try read(UInt32.self))
        // Decoding, not validating: the checksum vouches for the bytes, and a bad sequence
        // would become U+FFFD rather than a crash.
        return try take(count).withMemoryRebound(to: UInt8.self) { String(decoding: $0, as: UTF8.self) }
    }

    mutating func readStrings() throws(TruncatedData) -> [String] {
        let count = Int(try read(UInt32.self))
        guard count <= bytes.count - offset else { throw TruncatedData() }
        var texts: [String] = []
        texts.reserveCapacity(count)
        for _ in 0..<count { texts.append(try readString()) }
        return texts
    }

    /// An array `write(_ values:)` wrote, copied out.
    mutating func readArray<T: FixedWidthInteger>(_: T.Type = T.self) throws(TruncatedData) -> [T] {
        let count = try read(UInt64.self)
        guard count <= UInt64(bytes.count - offset) / UInt64(MemoryLayout<T>.stride) else { throw TruncatedData() }
        let source = try take(Int(count) * MemoryLayout<T>.stride)
        return [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            initialized = Int(count)
        }
    }

    mutating func skipString() throws(TruncatedData) {
        _ = try take(Int(try read(UInt32.self)))
    }

    /// Skips a list of strings and returns how many it held.
    @discardableResult
    mutating func skipStrings() throws(TruncatedData) -> Int {
        let count = Int(try read(UInt32.self))
        guard count <= bytes.count - offset else { throw TruncatedData() }
        for _ in 0..<count { try skipString() }
        return count
    }

    var isAtEnd: Bool { offset == bytes.count }
}

/// A 64-bit checksum of megabyte blocks hashed on all cores, each in four independent FNV-style
/// lanes of eight bytes, then the blocks' hashes folded in order: opening a compiled file of
/// hundreds of megabytes must not wait on one multiply chain.
func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 { checksum(bytes, hashed: nil) }

/// `checksum`, `hashed` told each block once it is hashed (a mapped file's pages that will not
/// be read again can go at once).
func checksum(_ bytes: UnsafeRawBufferPointer, hashed: (@Sendable (UnsafeRawBufferPointer) -> Void)?) -> UInt64 {
    let blockSize = 1 << 20
    let blocks = max(1, (bytes.count + blockSize - 1) / blockSize)
    var hashes = [UInt64](repeating: 0, count: blocks)
    hashes.withUnsafeMutableBufferPointer { hashes in
        nonisolated(unsafe) let out = hashes  // each iteration writes its own element
        nonisolated(unsafe) let bytes = bytes  // read only
        DispatchQueue.concurrentPerform(iterations: blocks) { block in
            let range = (block * blockSize)..<min(bytes.count, (block + 1) * blockSize)
            out[block] = blockHash(UnsafeRawBufferPointer(rebasing: bytes[range]))
            hashed?(UnsafeRawBufferPointer(rebasing: bytes[range]))
        }
    }
    return hashes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ $1) &* prime }
}

private let prime: UInt64 = 0x0000_0100_0000_01b3

private func blockHash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x84222325cbf29ce4, 0x9ce4cbf223258422, 0x2325842284222325)
    let strides = bytes.count / 32
    for k in 0..<strides {
        let at = k * 32
        lanes.0 = (lanes.0 ^ bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* prime
        lanes.1 = (lanes.1 ^ bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)) &* prime
        lanes.2 = (lanes.2 ^ bytes.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self)) &* prime
        lanes.3 = (lanes.3 ^ bytes.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self)) &* prime
    }
    var hash = lanes.0
    for lane in [lanes.1, lanes.2, lanes.3] { hash = (hash ^ (lane >> 7 | lane << 57)) &* prime }
    for index in (strides * 32)..<bytes.count { hash = (hash ^ UInt64(bytes[index])) &* prime }
    return hash ^ UInt64(bytes.count)
}
