@testable import Canonym
import CanonymTestSupport
import Testing

@Suite struct UTF8ValidationTests {
    private static func standard(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    private static func ours(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer(UTF8Validation.isValid) }

    /// Every sequence of one and two bytes, and every three- and four-byte sequence whose lead
    /// and second byte are at the edges of the well-formed ranges (or just past them).
    @Test func agreesWithTheStandardLibraryOnShortSequences() {
        #expect(Self.ours([]))
        for a in 0...255 {
            #expect(Self.ours([UInt8(a)]) == Self.standard([UInt8(a)]), "\(a)")
            for b in 0...255 {
                let pair = [UInt8(a), UInt8(b)]
                #expect(Self.ours(pair) == Self.standard(pair), "\(pair)")
            }
        }
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for a in 0xE0...0xFF {
            for b in edges {
                for c in edges {
                    let three = [UInt8(a), b, c]
                    #expect(Self.ours(three) == Self.standard(three), "\(three)")
                    for d in edges {
                        let four = three + [d]
                        #expect(Self.ours(four) == Self.standard(four), "\(four)")
                    }
                }
            }
        }
    }

    /// Random texts of ASCII runs (passed eight bytes at a time) and well-formed characters of
    /// every length, some with one byte changed, cut or dropped: the verdict is the standard one.
    @Test func agreesWithTheStandardLibraryOnRandomTexts() {
        var random = SeededGenerator(seed: 17)
        let alphabet: [Character] = ["a", "Z", " ", "\n", "é", "Қ", "北", "🇰", "e\u{301}"]
        for round in 0..<20_000 {
            var bytes = Array(random.word(from: alphabet, length: 0...30).utf8)
            if !bytes.isEmpty, round % 2 == 1 {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.removeSubrange(at...)
                default: bytes.remove(at: at)
                }
            }
            #expect(Self.ours(bytes) == Self.standard(bytes), "\(bytes)")
            #expect(bytes.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset) == Self.standardFirstInvalidOffset(bytes), "\(bytes)")
        }
    }

    /// Where the standard library, character by character, first finds no valid character.
    private static func standardFirstInvalidOffset(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count, standard(Array(bytes[index..<(index + length)])) else { break }
            index += length
        }
        return index
    }
}
