@testable import Canonym
import Testing

@Suite struct UnknownNameClustersTests {
    @Test func spellingsOfOneNameShareAKeyAndOthersDoNot() {
        var clusters = UnknownNameClusters()
        let first = clusters.key(for: "Olzhas Auyezov")
        #expect(first == "unknown:olzhas-auyezov")
        #expect(clusters.key(for: "Auyezov") == first, "the surname alone")
        #expect(clusters.key(for: "Olzhas Auezov") == first, "a y-glide dropped")
        #expect(clusters.key(for: "OLZHAS AUYEZOV") == first, "case")
        let other = clusters.key(for: "Simon Lewis")
        #expect(other != first)
        #expect(clusters.key(for: "Mark Heinrich") != other)
        #expect(clusters.count == 3)
    }

    /// A mention's folded words cluster as its text does: the scanner passes those.
    @Test func foldedWordsClusterAsTheirName() {
        let names = ["Olzhas Auyezov", "Auyezov", "Simon Lewis", "OLZHAS AUEZOV", "Lewis", "Ṣimon Lèwis", ""]
        var byName = UnknownNameClusters(), byWords = UnknownNameClusters()
        for name in names {
            let mention = Self.finder.mentions(in: name).first
            let words = mention?.foldedWords ?? NameFolder.shared.fold(name).tokens
            #expect(byWords.key(forFoldedWords: words) == byName.key(for: mention?.text ?? name), "\(name)")
        }
        #expect(byWords.count == byName.count)
    }

    static let finder = MentionFinder(matcher: Matcher(gazetteer: try! DefaultGazetteers.load()))

    @Test func theKeyOfASpellingNeverChanges() {
        var clusters = UnknownNameClusters()
        let key = clusters.key(for: "Diluberdi")
        _ = clusters.key(for: "Tileuberdi")
        #expect(clusters.key(for: "Diluberdi") == key)
    }
}

@Suite struct TextRewriterTests {
    static let finder = MentionFinder(matcher: Matcher(gazetteer: try! DefaultGazetteers.load()))

    @Test func replaceAndAnnotateTouchOnlyLinkedNames() {
        let text = "À Tachkent, M. Tokaïev a vu Jean Dupont et l’envoyé d’Astana.\n"
        let mentions = Self.finder.mentions(in: text)
        #expect(TextRewriter.rewrite(text, mentions: mentions, mode: .replace)
            == "À Tashkent, M. Kassym-Jomart Tokayev a vu Jean Dupont et l’envoyé d’Astana.\n")
        #expect(TextRewriter.rewrite(text, mentions: mentions, mode: .annotate)
            == "À Tachkent [Tashkent], M. Tokaïev [Kassym-Jomart Tokayev] a vu Jean Dupont et l’envoyé d’Astana.\n")
    }

    @Test func aTextWithoutMentionsComesBackUnchanged() {
        let text = "rien à signaler, ni nom ni lieu.\r\n"
        #expect(TextRewriter.rewrite(text, mentions: Self.finder.mentions(in: text), mode: .replace) == text)
    }
}
