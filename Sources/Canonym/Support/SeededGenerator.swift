/// A deterministic random number generator (SplitMix64): a calibration holds out the same names
/// on every run, and randomised tests fail the same way every run.
package struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    package mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Uniform in 0..<bound, the same with every toolchain (`Int.random(in:using:)` may change its algorithm).
    package mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
