import Canonym
import CanonymTestSupport
import Testing

@Suite struct DelimitedRecordReaderTests {
    static func records(_ text: String, delimiter: Character = ",", chunkSize: Int = 1 << 20, maxRecordBytes: Int = 1 << 20) throws -> [DelimitedRecord] {
        try records(Array(text.utf8), delimiter: delimiter, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    }

    static func records(_ bytes: [UInt8], delimiter: Character = ",", chunkSize: Int = 1 << 20, maxRecordBytes: Int = 1 << 20) throws -> [DelimitedRecord] {
        let chunks = stride(from: 0, to: bytes.count, by: chunkSize).map { Array(bytes[$0..<min($0 + chunkSize, bytes.count)]) }
        var reader = DelimitedRecordReader(delimiter: delimiter.asciiValue!, maxRecordBytes: maxRecordBytes, chunks: chunks)
        var result: [DelimitedRecord] = []
        while let record = try reader.next() { result.append(record) }
        return result
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let records = try Self.records("name,note\n\"Tokayev, K.\",\"said \"\"yes\"\"\"\n\"two\nlines\",x\n")
        #expect(records.map(\.fields) == [["name", "note"], ["Tokayev, K.", "said \"yes\""], ["two\nlines", "x"]])
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(records.allSatisfy { $0.error == nil })
    }

    @Test func rawBytesAndLineBreaksAreKeptAsRead() throws {
        let text = "a,\"b\"\r\nc,d\ne,f"
        let records = try Self.records(text)
        #expect(records.map(\.terminator) == [[0x0D, 0x0A], [0x0A], []])
        let rebuilt = records.flatMap { $0.raw + $0.terminator }
        #expect(rebuilt == Array(text.utf8), "writing raw + terminator back gives the input")
    }

    @Test func aByteOrderMarkIsSkippedAndEmptyFieldsAreKept() throws {
        let records = try Self.records([0xEF, 0xBB, 0xBF] + Array("id,,name\n,,\n".utf8))
        #expect(records.map(\.fields) == [["id", "", "name"], ["", "", ""]])
    }

    @Test func tabSeparatedValues() throws {
        #expect(try Self.records("a\tb c\t\"d\te\"\n", delimiter: "\t").map(\.fields) == [["a", "b c", "d\te"]])
    }

    @Test func aCharacterAfterAClosingQuoteIsAnErrorOfThatRecordOnly() throws {
        let records = try Self.records("a,b\n\"x\"y,z\nc,d\n")
        #expect(records.count == 3)
        #expect(records[1].error?.column == 4)
        #expect(records[1].error?.message == "a character follows the closing quote of a field")
        #expect(records[1].raw == Array("\"x\"y,z".utf8))
        #expect(records[2].fields == ["c", "d"])
    }

    @Test func aQuoteNeverClosedCostsOneLineNotTheRestOfTheFile() throws {
        let records = try Self.records("a,b\nÉ,\"open\nc,d\ne,f\n")
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(records[1].error?.message == "a quoted field is never closed")
        #expect(records[1].error?.column == 3, "at the quote, in characters (É is one)")
        #expect(records[1].raw == Array("É,\"open".utf8))
        #expect(records[2].fields == ["c", "d"])
        #expect(records[3].fields == ["e", "f"])
    }

    @Test func aRecordLongerThanTheLimitIsAnErrorAndReadingGoesOn() throws {
        let long = "\"" + String(repeating: "x", count: 100) + "\n" + String(repeating: "y", count: 100) + "\n"
        let records = try Self.records("a\n" + long + "ok\n", maxRecordBytes: 50)
        #expect(records.first?.fields == ["a"])
        #expect(records[1].error != nil)
        #expect(records.last?.fields == ["ok"])
    }

    @Test func invalidUTF8IsAnErrorWithItsColumn() throws {
        let records = try Self.records(Array("ab,c".utf8) + [0xFF] + Array("d\nok\n".utf8))
        #expect(records[0].error?.message == "the record is not valid UTF-8")
        #expect(records[0].error?.column == 5)
        #expect(records[1].fields == ["ok"])
    }

    @Test func chunkBoundariesNeverChangeTheRecords() throws {
        var random = SeededGenerator(seed: 11)
        let pieces = ["a", "b", ",", "\"", "\"\"", "\n", "\r\n", "é", "x y"]
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 1...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let whole = try Self.records(text)
            for size in [1, 2, 3, 7] {
                #expect(try Self.records(text, chunkSize: size) == whole, "chunks of \(size) on \(text.debugDescription)")
            }
            #expect(whole.flatMap { $0.raw + $0.terminator } == Array(text.utf8), "nothing lost in \(text.debugDescription)")
        }
    }
}
