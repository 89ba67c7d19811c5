@testable import Canonym
import CanonymTestSupport
import Testing

/// The filter may only rule out spans the matcher could not link: checked against the full
/// matcher on misspelled names of the default gazetteers.
@Suite struct NearNameFilterTests {
    static let matcher = Matcher(gazetteer: try! DefaultGazetteers.load())
    static let filter = NearNameFilter(matcher: matcher, threshold: 0.9)

    /// A name with one or two letters changed, added or dropped (in any script).
    static func misspelled(_ name: String, _ random: inout SeededGenerator) -> String {
        var scalars = Array(name.unicodeScalars)
        let letters = Array("aeiouklmnrstvzh".unicodeScalars)
        for _ in 0..<Int.random(in: 1...2, using: &random) where scalars.count > 2 {
            let position = Int.random(in: 1..<scalars.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: scalars[position] = letters.randomElement(using: &random)!
            case 1: scalars.insert(letters.randomElement(using: &random)!, at: position)
            default: scalars.remove(at: position)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    @Test func neverRulesOutANameTheMatcherScoresAtTheThreshold() {
        var random = SeededGenerator(seed: 2024)
        let names = Self.matcher.gazetteer.names
        var reachable = 0
        for _ in 0..<600 {
            let query = Self.misspelled(names.randomElement(using: &random)!.text, &random)
            let top = Self.matcher.match(query).candidates.first?.score ?? 0
            guard top >= 0.9 else { continue }
            reachable += 1
            #expect(Self.filter.mayReach(Self.matcher.folder.fold(query)), "ruled out \(query), which scores \(top)")
        }
        #expect(reachable > 100, "too few misspellings reach the threshold to test anything: \(reachable)")
    }

    @Test func rulesOutMostInventedNames() {
        var random = SeededGenerator(seed: 7)
        let syllables = ["ka", "lo", "mir", "sa", "tov", "ber", "dan", "ye", "zhan", "gul", "ov", "ko", "na", "rat"]
        let word = { (random: inout SeededGenerator) in
            (0..<Int.random(in: 2...3, using: &random)).map { _ in syllables.randomElement(using: &random)! }.joined()
        }
        var ruledOut = 0
        for _ in 0..<200 {
            let name = word(&random) + " " + word(&random)
            if !Self.filter.mayReach(Self.matcher.folder.fold(name)) { ruledOut += 1 }
        }
        #expect(ruledOut > 100, "ruled out only \(ruledOut) of 200 invented names")
    }
}
