/// Bytes as a ``BoundedCache`` key.
struct ByteKey: CacheKey {
    let bytes: [UInt8]

    var cacheHash: UInt64 { FNV1a.hash(bytes) }

    func hasSameBytes(as other: ByteKey) -> Bool { bytes == other.bytes }
}
