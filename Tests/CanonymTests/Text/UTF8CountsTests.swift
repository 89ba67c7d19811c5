import Canonym
import CanonymTestSupport
import Testing

/// The counts made eight bytes at a time against a byte-by-byte count, on texts long enough to
/// fill several blocks of 31 words and with every length of tail.
@Suite struct UTF8CountsTests {
    @Test func countsAgreeWithAByteByByteCount() {
        var random = SeededGenerator(seed: 9)
        let alphabet: [Character] = ["a", " ", "\n", "\r\n", "é", "Қ", "北", "🇰", "\u{FF}", "\u{10A}"]
        for round in 0..<600 {
            let text = random.word(from: alphabet, length: round < 300 ? 0...20 : 200...700)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { utf8 in
                #expect(UTF8Counts.scalars(in: utf8) == text.unicodeScalars.count, "\(text)")
                #expect(UTF8Counts.lineBreaks(in: utf8) == bytes.filter { $0 == 0x0A }.count, "\(text)")
            }
        }
    }

    @Test func anEmptyBufferCountsNothing() {
        #expect(UTF8Counts.scalars(in: UnsafeBufferPointer(start: nil, count: 0)) == 0)
        #expect(UTF8Counts.lineBreaks(in: UnsafeBufferPointer(start: nil, count: 0)) == 0)
    }
}
