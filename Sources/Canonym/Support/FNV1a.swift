/// FNV-1a over bytes, finished with a shift so that a table's index (the low bits) depends on
/// the high bits too. The hash of every table of our own: compiled files' key tables (changing
/// it changes their format), word sets and caches. Unlike `Hasher` it needs no set-up per call,
/// which for short words cost more than the rest of a lookup.
enum FNV1a {
    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// `hash` continued over `bytes`: a key of several parts is hashed part after part.
    @inline(__always) static func combine(_ hash: UInt64, _ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = hash
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    @inline(__always) static func finish(_ hash: UInt64) -> UInt64 { hash ^ (hash >> 29) }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 { finish(combine(basis, bytes)) }
}
