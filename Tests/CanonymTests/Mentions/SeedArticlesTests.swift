import Canonym
import Foundation
import Testing

/// Acceptance on the French news articles this project was created for (`../shared/seeds`,
/// beside the package; not part of it). Skipped, with a message, when they are absent.
@Suite(.enabled(if: SeedArticles.directory != nil, "../shared/seeds is absent: seed-article acceptance skipped"))
struct SeedArticlesTests {
    /// Every spelling of the mission list, and the entity each occurrence must be linked to.
    static let spellings: [(String, String)] = [
        ("Tokaïev", "person:kassym-jomart-tokayev"), ("Tokayev", "person:kassym-jomart-tokayev"),
        ("Togayev", "person:kassym-jomart-tokayev"),
        ("Tleuberdi", "person:mukhtar-tleuberdi"), ("Tileuberdi", "person:mukhtar-tleuberdi"), ("Diluberdi", "person:mukhtar-tleuberdi"),
        ("Blinken", "person:antony-blinken"), ("Blingen", "person:antony-blinken"),
        ("Poutine", "person:vladimir-putin"), ("Loukachenko", "person:alexander-lukashenko"),
        ("Zelensky", "person:volodymyr-zelenskyy"), ("Zelenskyy", "person:volodymyr-zelenskyy"),
        ("Peskov", "person:dmitry-peskov"), ("Biden", "person:joe-biden"), ("Macron", "person:emmanuel-macron"),
        ("Tachkent", "city:tashkent"), ("Moscou", "city:moscow"), ("Astana", "city:astana"), ("ASTANA", "city:astana"),
        ("Minsk", "city:minsk"), ("Pékin", "city:beijing"),
        ("Kirghizstan", "country:kg"), ("Kirghizistan", "country:kg"), ("Ouzbékistan", "country:uz"),
        ("Kazakhstan", "country:kz"), ("Tadjikistan", "country:tj"), ("Turkménistan", "country:tm"),
        ("Russie", "country:ru"), ("Ukraine", "country:ua"), ("Chine", "country:cn"),
        ("Etats-Unis", "country:us"), ("États-Unis", "country:us"),
        ("Caspian Pipeline Consortium", "org:cpc"), ("Banque européenne pour la reconstruction et le développement", "org:ebrd"),
        ("Reuters", "org:reuters"),
    ]

    /// Every correct link of a span as written. A linked mention outside this table is a false link.
    static let correctLinks: [String: String] = {
        var links = Dictionary(spellings, uniquingKeysWith: { first, _ in first })
        let more: [String: String] = [
            "Antony Blinken": "person:antony-blinken", "Anthony Blinken": "person:antony-blinken",
            "Kassym-Jomart Tokaïev": "person:kassym-jomart-tokayev", "Kassym-Jomart Tokayev": "person:kassym-jomart-tokayev",
            "Mukhtar Tleuberdi": "person:mukhtar-tleuberdi", "Mukhtar Tileuberdi": "person:mukhtar-tleuberdi",
            "Mukhtar Diluberdi": "person:mukhtar-tleuberdi", "Vladimir Poutine": "person:vladimir-putin",
            "Alexandre Loukachenko": "person:alexander-lukashenko", "Volodymyr Zelenskyy": "person:volodymyr-zelenskyy",
            "Dmitri Peskov": "person:dmitry-peskov", "Joe Biden": "person:joe-biden", "Emmanuel Macron": "person:emmanuel-macron",
            "Xi Jinping": "person:xi-jinping", "Washington": "city:washington-d-c", "Arménie": "country:am",
            "Bélarus": "country:by", "France": "country:fr", "Inde": "country:in", "Afghanistan": "country:af",
            "Fédération de Russie": "country:ru", "Kremlin": "org:kremlin",
            "Assemblée générale des Nations unies": "org:un-general-assembly", "Nations unies": "org:un",
        ]
        links.merge(more) { first, _ in first }
        return links
    }()

    /// Each article with its mentions, found once for both tests.
    static let scanned: [(file: String, text: String, mentions: [Mention])] = {
        let finder = MentionFinder(matcher: Matcher(gazetteer: try! DefaultGazetteers.load()))
        return (try? SeedArticles.texts())?.map { ($0.0, $0.1, finder.mentions(in: $0.1)) } ?? []
    }()

    @Test func everyMissionSpellingIsFoundAndLinkedCorrectly() throws {
        var missing: [String] = []
        var seen = 0
        for (file, text, mentions) in Self.scanned {
            let scalars = Array(text.unicodeScalars)
            for (spelling, id) in Self.spellings {
                for occurrence in SeedArticles.occurrences(of: spelling, in: scalars) {
                    seen += 1
                    let covering = mentions.first { $0.start <= occurrence.lowerBound && occurrence.upperBound <= $0.end }
                    if covering?.match.entity?.id != id || covering?.match.status == .unknown {
                        missing.append("\(file)@\(occurrence.lowerBound) \(spelling): \(covering.map { "\($0.text) → \($0.match.entity?.id ?? "unknown")" } ?? "not found")")
                    }
                }
            }
        }
        #expect(seen > 100, "the seed articles hold the mission spellings")
        #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
    }

    @Test func noFalseLinks() throws {
        var falseLinks: [String] = []
        for (file, _, mentions) in Self.scanned {
            for mention in mentions where mention.match.status != .unknown {
                let id = mention.match.entity?.id ?? "-"
                if Self.correctLinks[mention.text] != id { falseLinks.append("\(file)@\(mention.start) \"\(mention.text)\" → \(id)") }
            }
        }
        #expect(falseLinks.isEmpty, "false links (a span linked to the wrong entity, or a common word linked at all):\n\(falseLinks.joined(separator: "\n"))")
    }
}

enum SeedArticles {
    static let directory: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        return FileManager.default.fileExists(atPath: seeds.path) ? seeds : nil
    }()

    static func texts() throws -> [(String, String)] {
        guard let directory else { return [] }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { ($0, try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// Where `word` occurs as a whole word (not inside a longer word), in scalar offsets.
    static func occurrences(of word: String, in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        let needle = Array(word.unicodeScalars)
        guard needle.count <= scalars.count else { return [] }
        func isLetter(_ index: Int) -> Bool { index >= 0 && index < scalars.count && scalars[index].properties.isAlphabetic }
        return (0...(scalars.count - needle.count)).filter { start in
            Array(scalars[start..<(start + needle.count)]) == needle && !isLetter(start - 1) && !isLetter(start + needle.count)
        }.map { $0..<($0 + needle.count) }
    }
}
