/// A deterministic random number generator (SplitMix64), so randomised tests fail the same
/// way every run. Print the seed in a failing expectation to replay it.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SeededGenerator {
    /// A random word of `length` letters drawn from `alphabet`.
    public mutating func word(from alphabet: [Character], length: ClosedRange<Int>) -> String {
        let count = Int.random(in: length, using: &self)
        return String((0..<count).map { _ in alphabet.randomElement(using: &self)! })
    }
}
