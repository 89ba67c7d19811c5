/// Words that company registries and lists abbreviate, written out when folding, so that
/// *First Bank Int'l* meets *First International Bank* and *Acme Mfg* meets *Acme Manufacturing*.
/// Only abbreviations that stand for one word and are no word themselves are listed (*inst*
/// is an institute or an institution, *tech* a word of its own).
enum WordAbbreviations {
    private static let words: [String: String] = [
        "intl": "international", "natl": "national", "assn": "association", "assoc": "association",
        "dept": "department", "univ": "university", "mfg": "manufacturing", "mgmt": "management",
        "hldg": "holding", "hldgs": "holdings", "svc": "service", "svcs": "services", "bros": "brothers",
        "govt": "government", "engg": "engineering",
    ]

    /// Most words are ruled out by their length and first letter, without hashing.
    private static let shapes = WordShapes(of: words.keys)

    /// `words` with each abbreviation written out; the same array when there is none.
    static func expand(_ words: [String]) -> [String] {
        var expanded = words
        for (k, word) in words.enumerated() where shapes.mayHold(word) {
            if let full = Self.words[word] { expanded[k] = full }
        }
        return expanded
    }
}
