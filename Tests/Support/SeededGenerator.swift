import Canonym

extension SeededGenerator {
    /// A random word of `length` letters drawn from `alphabet`.
    package mutating func word(from alphabet: [Character], length: ClosedRange<Int>) -> String {
        let count = Int.random(in: length, using: &self)
        return String((0..<count).map { _ in alphabet.randomElement(using: &self)! })
    }
}
