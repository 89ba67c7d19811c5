/// Bytes as a dictionary key, hashed in one call over the whole buffer (an array of bytes
/// hashes them one by one, and a non-ASCII string normalises itself first).
struct ByteKey: Hashable, Sendable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
}
