@testable import Canonym
import Foundation

/// The cells, and the raw words (`Tokenizer.words`, after NFC) of every cell, of the dev sets in
/// `../shared/eval-dev/data` beside the package, distinct; empty when that folder is absent.
/// Every cell, not only name columns: any word is a fair input for a fold.
enum DevSetWords {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/eval-dev/data")

    /// Every distinct cell (and alias within a cell) as written.
    static let cells: [String] = {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var seen = Set<String>()
        var cells: [String] = []
        for file in files.sorted() where file.hasSuffix(".tsv") {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else { continue }
            for line in text.split(whereSeparator: \.isNewline) {
                for cell in line.split(whereSeparator: { $0 == "\t" || $0 == "|" }) where seen.insert(String(cell)).inserted {
                    cells.append(String(cell))
                }
            }
        }
        return cells
    }()

    static let all: [String] = {
        var seen = Set<String>()
        var words: [String] = []
        for cell in cells {
            for word in Tokenizer.words(ICU.nfc(cell)) where seen.insert(word).inserted { words.append(word) }
        }
        return words
    }()
}
