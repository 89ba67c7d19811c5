import Canonym
import Testing

/// A file large enough to be read in several chunks of lines on several cores must read as one
/// read line by line would: entities in file order, every issue at its own line.
@Suite struct GazetteerReaderChunkTests {
    @Test func aLargeFileKeepsItsOrderAndLineNumbers() throws {
        // Comments and blank lines before the header; about 1 MB of rows; every 997th row has no
        // id, every 1009th a bad weight, every 1013th a repeated alias, one line is not UTF-8.
        var bytes = Array("# a comment\n\n\r\nid\tcanonical\taliases\tweight\tnote\n".utf8)
        let headerLines = 4
        var expectedErrors: [Int] = [], expectedWarnings: [Int] = [], expectedIDs: [(String, Int)] = []
        for row in 1...20_000 {
            let line = headerLines + row
            if row == 15_001 {
                bytes += [0x78, 0xFF, 0x0A]
                expectedErrors.append(line)
                continue
            }
            let id = row % 997 == 0 ? "" : "row:\(row)"
            let weight = row % 1009 == 0 ? "heavy" : "\(row)"
            let aliases = row % 1013 == 0 ? "Ålesund \(row)|Ålesund \(row)" : "Ålesund \(row)|Oslo \(row)"
            bytes += Array("\(id)\tName \(row)\t\(aliases)\t\(weight)\tnote \(row)\r\n".utf8)
            if id.isEmpty { expectedErrors.append(line) }
            if row % 1009 == 0 { expectedErrors.append(line) }
            if row % 1013 == 0 { expectedWarnings.append(line) }
            if !id.isEmpty && row % 1009 != 0 { expectedIDs.append((id, line)) }
        }
        bytes += Array("row:last\tLast".utf8)  // no final line feed
        expectedIDs.append(("row:last", headerLines + 20_001))
        #expect(bytes.count > 1_000_000)

        let (entities, issues) = GazetteerReader.read(bytes, file: "big.tsv")
        #expect(entities.map(\.id) == expectedIDs.map(\.0))
        #expect(entities.map { $0.location?.line ?? 0 } == expectedIDs.map(\.1))
        #expect(entities.first?.attributes == ["note": "note 1"])
        #expect(issues.filter { $0.severity == .error }.map(\.location.line) == expectedErrors)
        #expect(issues.filter { $0.severity == .warning }.map(\.location.line) == expectedWarnings)
        let first = try #require(entities.first)
        #expect(first.aliases == ["Ålesund 1", "Oslo 1"])
    }
}
