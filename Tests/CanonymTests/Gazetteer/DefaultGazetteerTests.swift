@testable import Canonym
import Foundation
import Testing

/// The package root, found from this file's path (Tests/CanonymTests/Gazetteer/…).
private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shipped gazetteers, loaded once for the whole suite (folding them takes a moment in debug builds).
private let defaults = Result { () throws(GazetteerError) in Matcher(gazetteer: try DefaultGazetteers.load()) }

private func withoutFinalNewline(_ text: String) -> Substring {
    text.hasSuffix("\n") ? text.dropLast() : Substring(text)
}

@Suite struct DefaultGazetteerTests {
    @Test func defaultGazetteersLoadWithoutErrors() throws {
        let (gazetteer, issues) = Gazetteer.check(DefaultGazetteers.sources)
        let errors = issues.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(10).map(\.description).joined(separator: "\n"))")
        let loaded = try #require(gazetteer)
        #expect(loaded.entities.count > 100)
        #expect(Set(loaded.entities.map(\.type)).isSuperset(of: [.person, .place, .organization]))
    }

    @Test func embeddedCopyEqualsTheFilesOnDisk() throws {
        let directory = packageRoot.appendingPathComponent("gazetteers")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".tsv") }.sorted()
        let rerun = "the embedded gazetteers are out of date: run `python3 scripts/embed-gazetteers.py` and rebuild"
        #expect(!onDisk.isEmpty, "no gazetteers/*.tsv under \(packageRoot.path)")
        #expect(DefaultGazetteers.fileNames == onDisk.map { "gazetteers/\($0)" }, "\(rerun)")
        let embedded = Dictionary(DefaultGazetteerData.files.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
        for name in onDisk {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            let text = try #require(String(data: data, encoding: .utf8), "gazetteers/\(name) is not UTF-8")
            // The script ends every text with a newline, which the Swift multi-line literal then
            // drops (the line break before its closing delimiter): compare without it.
            let copy = try #require(embedded["gazetteers/\(name)"], "gazetteers/\(name) is not embedded: \(rerun)")
            #expect(withoutFinalNewline(copy) == withoutFinalNewline(text), "gazetteers/\(name) differs: \(rerun)")
        }
    }

    @Test func compiledCopyEqualsTheTSVFoldedNow() throws {
        let rerun = "the compiled default gazetteers are out of date: run `python3 scripts/embed-gazetteers.py` and rebuild"
        let compiled: Gazetteer
        do { compiled = try DefaultGazetteers.loadCompiled() } catch {
            // Another ICU (or Canonym) version compiled them: the TSV texts are used instead.
            withKnownIssue("\(error): \(rerun)") { throw error }
            return
        }
        let folded = try Gazetteer.load(DefaultGazetteers.sources)
        #expect(compiled.entities == folded.entities, "\(rerun)")
        #expect(compiled.names.count == folded.names.count, "\(rerun)")
        let differing = zip(compiled.names, folded.names).filter { $0.text != $1.text || $0.form != $1.form || $0.entity != $1.entity }
        #expect(differing.isEmpty, "\(differing.prefix(3).map { "\($0.0.text): \($0.0.form.romanizations) vs \($0.1.form.romanizations)" }): \(rerun)")
    }

    @Test(arguments: [
        ("Tokaïev", "Kassym-Jomart Tokayev"),       // French spelling
        ("Tokayev", "Kassym-Jomart Tokayev"),       // English spelling, surname alone
        ("Togayev", "Kassym-Jomart Tokayev"),       // voicing k/g
        ("Токаев", "Kassym-Jomart Tokayev"),        // Russian Cyrillic
        ("Tleuberdi", "Mukhtar Tleuberdi"),         // English spelling, surname alone
        ("Tileuberdi", "Mukhtar Tleuberdi"),        // Kazakh і read as i
        ("Diluberdi", "Mukhtar Tleuberdi"),         // voicing t/d, vowels
        ("Blingen", "Antony Blinken"),              // voicing k/g
        ("Anthony Blinken", "Antony Blinken"),      // English th
        ("Poutine", "Vladimir Putin"),              // French
        ("Loukachenko", "Alexander Lukashenko"),    // French
        ("Zelensky", "Volodymyr Zelenskyy"),        // common English spelling
        ("Zelenskyy", "Volodymyr Zelenskyy"),       // official English spelling
        ("Tachkent", "Tashkent"),                   // French
        ("Moscou", "Moscow"),                       // French
        ("Kirghizstan", "Kyrgyzstan"),              // French, short form
        ("Kirghizistan", "Kyrgyzstan"),             // French, long form
        ("Ouzbékistan", "Uzbekistan"),              // French with accent
    ])
    func acceptanceVariantsFindTheirEntity(input: String, canonical: String) throws {
        let match = try defaults.get().match(input)
        #expect(match.entity?.canonical == canonical, "\(input): \(match.status) → \(match.entity?.canonical ?? "nothing")")
        #expect([.exact, .alias, .fuzzy].contains(match.status), "\(input): \(match.status)")
    }

    @Test(arguments: [
        "Tokarev",     // a Russian surname one letter from Tokayev
        "Jean Dupont", // a French everyman
        "Kazantsev",   // a Russian surname
    ])
    func acceptanceUnknownsStayUnknown(input: String) throws {
        let match = try defaults.get().match(input)
        #expect(match.status == .unknown, "\(input) → \(match.entity?.canonical ?? "nothing") \(match.score ?? -1)")
    }

    @Test func canonicalNamesMatchTheirOwnEntity() throws {
        let matcher = try defaults.get()
        let entities = matcher.gazetteer.entities
        // A sample across the files, to keep the debug build fast.
        for entity in stride(from: 0, to: entities.count, by: max(1, entities.count / 40)).map({ entities[$0] }) {
            let match = matcher.match(entity.canonical)
            #expect([.exact, .ambiguous].contains(match.status), "\(entity.canonical): \(match.status)")
            #expect(match.candidates.contains { $0.entity.id == entity.id }, "\(entity.canonical) → \(match.entity?.id ?? "nothing")")
        }
    }
}
