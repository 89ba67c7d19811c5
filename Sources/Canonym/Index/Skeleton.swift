/// A coarse phonetic key of a romanised word, for finding candidates (never for deciding).
///
/// Transliteration conventions are folded (*tch*, *tsch*, *sch*, *sh*, *ch* → one symbol;
/// *kh* → *k*; *zh*, *dzh*, *dj*, *j* and the vowels, which vary the most, are dropped),
/// voicing is folded (g→k, d→t, b→p, z→s, v→f, w→f), and doubled letters are collapsed.
/// A vowel that starts the word is kept as `a`, so *Astana* and *Stan* stay apart. In a word
/// with at most one written vowel, *w* stands for *u* or *o* (romanised Arabic and Persian
/// script writes few vowels: *bwzwlwk* for *Buzuluk*) and is dropped like one.
///
/// ```swift
/// Skeleton.of("tchernenko")  // "xrnnk" → "xrnk" after collapsing
/// ```
enum Skeleton {
    /// Multi-letter conventions, longest first; each maps to one symbol (or nothing).
    private static let digraphs: [(String, UInt8?)] = [
        ("schtsch", 0x78), ("shch", 0x78), ("tsch", 0x78), ("dsch", nil), ("chtch", 0x78),
        ("sch", 0x78), ("tch", 0x78), ("dzh", nil), ("sh", 0x78), ("ch", 0x78), ("cz", 0x78), ("sz", 0x78),
        ("zh", nil), ("dj", nil), ("kh", UInt8(ascii: "k")), ("gh", UInt8(ascii: "k")), ("ph", UInt8(ascii: "f")),
        ("th", UInt8(ascii: "t")), ("ck", UInt8(ascii: "k")), ("ts", UInt8(ascii: "c")), ("tz", UInt8(ascii: "c")),
        ("tc", UInt8(ascii: "c")), ("qu", UInt8(ascii: "k")), ("ks", UInt8(ascii: "x")),
    ].map { (String($0.0), $0.1) }
    /// The digraphs grouped by first letter (in their order above within a letter), as plain
    /// values: (start in `digraphLetters`, length, symbol or 0), so the loop below copies no arrays.
    private static let digraphTable: [(start: Int, length: Int, symbol: UInt8)] = {
        var start = 0
        return groupedDigraphs.map { pattern, symbol in
            defer { start += pattern.count }
            return (start, pattern.count, symbol ?? 0)
        }
    }()
    private static let groupedDigraphs: [(pattern: [UInt8], symbol: UInt8?)] = (0..<256).flatMap { byte in
        digraphs.map { (Array($0.0.utf8), $0.1) }.filter { $0.0[0] == UInt8(byte) }
    }
    private static let digraphLetters: [UInt8] = groupedDigraphs.flatMap(\.pattern)
    /// The digraphs starting with each byte, as a range of `digraphTable`: a position tries
    /// only the few that can match there.
    private static let digraphsByFirstByte: [Range<Int>] = {
        var ranges: [Range<Int>] = [], next = 0
        for byte in 0..<256 {
            let count = groupedDigraphs.filter { $0.pattern[0] == UInt8(byte) }.count
            ranges.append(next..<(next + count))
            next += count
        }
        return ranges
    }()

    /// Whether some digraph starts with the two bytes `first << 8 | second`: most positions
    /// start none, and are then passed without trying each digraph of their letter.
    private static let startsDigraph: [Bool] = {
        var starts = [Bool](repeating: false, count: 1 << 16)
        for (pattern, _) in digraphs { starts[Int(pattern.utf8.first!) << 8 | Int(pattern.utf8.dropFirst().first!)] = true }
        return starts
    }()

    static func of(_ word: String) -> [UInt8] { of(Array(word.utf8)) }

    static func of(_ word: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        append(of: word, to: &out)
        return out
    }

    /// Appends `of(word)` to `out` (the index build reuses one buffer for all its words).
    static func append(of word: [UInt8], to out: inout [UInt8]) {
        var last: UInt8?  // the last symbol this word appended
        var vowels = 0
        for letter in word {
            switch letter {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): vowels += 1
            default: break
            }
        }
        let writesFewVowels = vowels <= 1
        var i = 0
        switch word.first {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
            out.append(UInt8(ascii: "a"))
            last = UInt8(ascii: "a")
            i = 1
        default: break
        }
        let startsDigraph = Self.startsDigraph
        outer: while i < word.count {
            for d in digraphsByFirstByte[Int(word[i])] where i + 1 < word.count && startsDigraph[Int(word[i]) << 8 | Int(word[i + 1])] {
                let (start, length, symbol) = digraphTable[d]
                guard length <= word.count - i else { continue }
                var same = true
                for k in 1..<length where word[i + k] != digraphLetters[start + k] { same = false; break }
                if same {
                    if symbol != 0, last != symbol { out.append(symbol); last = symbol }
                    i += length
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
            if let folded, last != folded { out.append(folded); last = folded }
            i += 1
        }
    }
}
