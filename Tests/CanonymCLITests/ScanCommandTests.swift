import Foundation
import Testing

@Suite struct ScanCommandTests {
    @Test func writesOneRecordPerMentionWithScalarOffsets() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // "É" and "’" are one scalar each but two and three UTF-8 bytes: offsets must count scalars.
        let text = "Élu, M. Tokaïev a reçu à Astana l’envoyé Jean Dupont.\n"
        let file = try directory.write("article.txt", text)
        let run = try Canonym.run(["scan", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try run.records()
        #expect(records.map { $0["text"] as? String } == ["Tokaïev", "Astana", "Jean Dupont"])
        #expect(records.map { $0["status"] as? String } == ["fuzzy", "exact", "unknown"])
        #expect(records[0]["title"] as? String == "M.")
        #expect(records[2]["id"] is NSNull, "unknown mentions are kept, with null id")
        let scalars = Array(text.unicodeScalars)
        for record in records {
            let start = try #require(record["start"] as? Int), end = try #require(record["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == record["text"] as? String)
            #expect(record["file"] as? String == file.path)
            #expect((record["context"] as? String)?.contains(record["text"] as! String) == true)
        }
    }

    @Test func aFileThatIsNotUTF8GetsAnErrorRecordAndTheOthersAreStillScanned() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bad = try directory.write("bad.txt", Data([0x4D, 0x6F, 0x73, 0x0A, 0x63, 0xFF, 0x75]))
        let good = try directory.write("good.txt", "Rendez-vous à Moscou.\n")
        let run = try Canonym.run(["scan", bad.path, good.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(bad.path):2:2: error: the file is not valid UTF-8"))
        let records = try run.records()
        #expect(records.map { $0["status"] as? String } == ["error", "alias"])
        #expect(records.last?["id"] as? String == "city:moscow")
    }

    /// A list of files scans them as if they were arguments, after the arguments; a listed file
    /// that is missing, or a line that is not UTF-8, gets its error record in its place.
    @Test func filesFromScansTheListedFilesInOrderWithAnErrorRecordForEachBadLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.write("first.txt", "M. Tokaïev a reçu Antony Blinken.\n")
        let second = try directory.write("second.txt", "Rendez-vous à Moscou.\n")
        let third = try directory.write("third.txt", "Puis à Tachkent.\n")
        let missing = directory.url.appendingPathComponent("missing.txt").path
        var list = Data("\(second.path)\n\n\(missing)\n".utf8)
        list.append(contentsOf: [0x78, 0xFF, 0x0A])
        list.append(contentsOf: Data("\(third.path)\n".utf8))
        let listFile = try directory.write("list.txt", list)

        let run = try Canonym.run(["scan", first.path, "--files-from", listFile.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(listFile.path):3:1: error: the listed file does not exist"), "\(run.stderr)")
        #expect(run.stderr.contains("\(listFile.path):4:2: error: the path in the list cannot be read"), "\(run.stderr)")
        let records = try run.records()
        let expected = try Canonym.run(["scan", first.path, second.path, third.path]).records()
        #expect(records.count == expected.count + 2)
        let files = records.compactMap { $0["file"] as? String }
        let runs = files.indices.filter { $0 == 0 || files[$0] != files[$0 - 1] }.map { files[$0] }
        #expect(runs == [first.path, second.path, missing, "x\u{FFFD}", third.path])
        let scanned = records.filter { $0["status"] as? String != "error" }
        #expect(scanned.map { "\($0["file"]!) \($0["text"]!) \($0["id"]!)" } == expected.map { "\($0["file"]!) \($0["text"]!) \($0["id"]!)" })
        #expect(records.filter { $0["status"] as? String == "error" }.map { $0["file"] as? String } == [missing, "x\u{FFFD}"])
    }

    @Test func filesFromStandardInputCannotAlsoReadTheTextFromIt() throws {
        let run = try Canonym.run(["scan", "-", "--files-from", "-"], stdin: "")
        #expect(run.status != 0)
        #expect(run.stderr.contains("standard input cannot be both"))
        let missing = try Canonym.run(["scan", "--files-from", "/nonexistent/list.txt"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("the list of files \"/nonexistent/list.txt\" does not exist"), "\(missing.stderr)")
        #expect(missing.stdout.isEmpty)
    }

    @Test func aDocumentLargerThanOneChunkKeepsItsOffsetsAndItsContext() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // ~600 KB: several chunks. Accented filler makes bytes and scalars differ.
        let filler = String(repeating: "une phrase sans nom, été comme hiver, rien à signaler.\n", count: 11_000)
        let text = "Antony Blinken arrive.\n" + filler + "Ensuite Blingen repart vers Moscou.\n"
        let file = try directory.write("long.txt", text)
        let run = try Canonym.run(["scan", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try run.records()
        #expect(records.map { $0["text"] as? String } == ["Antony Blinken", "Blingen", "Moscou"])
        #expect(records.map { $0["id"] as? String } == ["person:antony-blinken", "person:antony-blinken", "city:moscow"])
        let scalars = Array(text.unicodeScalars)
        for record in records {
            let start = try #require(record["start"] as? Int), end = try #require(record["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == record["text"] as? String)
        }
    }

    @Test func aLineLongerThanAChunkIsNotCutInsideACharacter() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // One 300 KB line of three-byte characters and no space: longer than a chunk, shorter
        // than the longest line kept whole. It once came out as "not valid UTF-8" at a block edge.
        let text = String(repeating: "€", count: 100_000) + " Rendez-vous à Moscou.\n"
        let file = try directory.write("long-line.txt", text)
        for jobs in ["1", "2"] {
            let run = try Canonym.run(["scan", "--jobs", jobs, file.path])
            #expect(run.status == 0, "\(run.stderr)")
            let records = try run.records()
            #expect(records.map { $0["id"] as? String } == ["city:moscow"])
            #expect(records.first?["start"] as? Int == text.unicodeScalars.count - "Moscou.\n".unicodeScalars.count)
        }
    }
}
