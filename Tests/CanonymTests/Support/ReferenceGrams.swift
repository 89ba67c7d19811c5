@testable import Canonym

/// The skeleton and bigram code as first written (every digraph tried at every position, new
/// arrays per word): slow and plain, for checking the index's faster versions against.
enum ReferenceGrams {
    private static let digraphs: [([UInt8], UInt8?)] = [
        ("schtsch", 0x78), ("shch", 0x78), ("tsch", 0x78), ("dsch", nil), ("chtch", 0x78),
        ("sch", 0x78), ("tch", 0x78), ("dzh", nil), ("sh", 0x78), ("ch", 0x78), ("cz", 0x78), ("sz", 0x78),
        ("zh", nil), ("dj", nil), ("kh", UInt8(ascii: "k")), ("gh", UInt8(ascii: "k")), ("ph", UInt8(ascii: "f")),
        ("th", UInt8(ascii: "t")), ("ck", UInt8(ascii: "k")), ("ts", UInt8(ascii: "c")), ("tz", UInt8(ascii: "c")),
        ("tc", UInt8(ascii: "c")), ("qu", UInt8(ascii: "k")), ("ks", UInt8(ascii: "x")),
    ].map { (Array($0.0.utf8), $0.1) }

    static func skeleton(_ word: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        let writesFewVowels = word.filter { "aeiou".utf8.contains($0) }.count <= 1
        var i = 0
        if let first = word.first, "aeiouy".utf8.contains(first) { out.append(UInt8(ascii: "a")); i = 1 }
        outer: while i < word.count {
            for (pattern, symbol) in digraphs where pattern.count <= word.count - i && pattern[0] == word[i] {
                if word[i..<(i + pattern.count)].elementsEqual(pattern) {
                    if let symbol, out.last != symbol { out.append(symbol) }
                    i += pattern.count
                    continue outer
                }
            }
            let folded: UInt8? = switch word[i] {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
                 UInt8(ascii: "y"), UInt8(ascii: "j"), UInt8(ascii: "h"): nil
            case UInt8(ascii: "g"), UInt8(ascii: "q"): UInt8(ascii: "k")
            case UInt8(ascii: "d"): UInt8(ascii: "t")
            case UInt8(ascii: "b"): UInt8(ascii: "p")
            case UInt8(ascii: "z"): UInt8(ascii: "s")
            case UInt8(ascii: "w") where writesFewVowels: nil
            case UInt8(ascii: "v"), UInt8(ascii: "w"): UInt8(ascii: "f")
            default: word[i]
            }
            if let folded, out.last != folded { out.append(folded) }
            i += 1
        }
        return out
    }

    static func grams(of tokens: [String]) -> [UInt16] {
        let symbols = 40
        func append(_ letters: [UInt8], base: Int, to grams: inout [UInt16]) {
            var previous: UInt8 = 36
            for index in 0...letters.count {
                let code = index == letters.count ? 37 : min(UInt8(CostModel.code(letters[index])), 38)
                grams.append(UInt16(base + Int(previous) * symbols + Int(code)))
                previous = code
            }
        }
        var grams: [UInt16] = []
        let isSyllabic = tokens.count >= 3 && tokens.allSatisfy { $0.utf8.count <= 3 }
        for token in isSyllabic ? [tokens.joined()] : tokens.count > 1 ? tokens + [tokens.joined()] : tokens {
            append(skeleton(Array(token.utf8)), base: 0, to: &grams)
            append(Array(token.utf8), base: symbols * symbols, to: &grams)
        }
        return Array(Set(grams)).sorted()
    }
}
