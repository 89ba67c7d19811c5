import Foundation
import Testing
@testable import CanonymCLI

@Suite struct LineReaderTests {
    @Test func countsEveryByteOfTheLinesItReturns() throws {
        // CRLF, an invalid UTF-8 line, an over-long line and a last line without a line break.
        let bytes = Array("Moscou\r\nTachkent\n".utf8) + [0xFF, 0x0A] + Array(repeating: UInt8(ascii: "a"), count: 40) + Array("\nend".utf8)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("lines.txt", Data(bytes))
        let input = try InputFile(path: file.path)
        defer { input.close() }
        var reader = LineReader(descriptor: input.descriptor, maxLineBytes: 16)
        var consumed: [Int] = []
        while try reader.next() != nil { consumed.append(reader.bytesConsumed) }
        #expect(consumed == [8, 17, 19, 60, 63])
        #expect(consumed.last == bytes.count)
    }
}
