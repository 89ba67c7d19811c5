/// Appends little-endian numbers, length-prefixed strings and raw arrays to a byte buffer.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func write(_ value: Double) { write(value.bitPattern) }
    mutating func write(_ value: Bool) { write(UInt8(value ? 1 : 0)) }

    mutating func write(_ text: String) {
        write(UInt32(text.utf8.count))
        bytes += text.utf8
    }

    mutating func write(_ texts: [String]) {
        write(UInt32(texts.count))
        for text in texts { write(text) }
    }

    /// An array of plain numbers, as one block (8-byte aligned, so a reader can copy it whole).
    mutating func writeBlock<T: FixedWidthInteger>(_ values: [T]) {
        write(UInt64(values.count))
        while bytes.count % 8 != 0 { bytes.append(0) }
        for value in values { write(value) }
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

    mutating func readDouble() throws(TruncatedData) -> Double { Double(bitPattern: try read(UInt64.self)) }
    mutating func readBool() throws(TruncatedData) -> Bool { try read(UInt8.self) != 0 }

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

    mutating func readBlock<T: FixedWidthInteger>(_: T.Type = T.self) throws(TruncatedData) -> [T] {
        let count = try read(UInt64.self)
        while offset % 8 != 0 { _ = try take(1) }
        guard count <= UInt64((bytes.count - offset) / MemoryLayout<T>.size) else { throw TruncatedData() }
        let raw = try take(Int(count) * MemoryLayout<T>.size)
        return [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
            for index in 0..<Int(count) { buffer[index] = T(littleEndian: buffer[index]) }
            initialized = Int(count)
        }
    }
}

/// A 64-bit FNV-1a checksum, eight bytes at a time (fast enough for hundreds of megabytes).
func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    let words = bytes.count / 8
    for index in 0..<words {
        hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) &* 0x0000_0100_0000_01b3
    }
    for index in (words * 8)..<bytes.count { hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3 }
    return hash
}
