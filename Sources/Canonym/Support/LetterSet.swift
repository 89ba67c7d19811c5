/// A set of the lower-case ASCII letters *a*–*z*, as the bits of one word: asked of every letter
/// of words the scorer compares, where a `Set` would hash.
struct LetterSet: Sendable {
    private let bits: UInt32

    init(_ letters: String) {
        bits = letters.utf8.reduce(0) { $0 | 1 << ($1 - UInt8(ascii: "a")) }
    }

    func contains(_ letter: UInt8) -> Bool {
        let code = letter &- UInt8(ascii: "a")
        return code < 26 && bits & 1 << code != 0
    }
}
