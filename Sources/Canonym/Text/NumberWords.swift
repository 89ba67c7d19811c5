/// English numbers written out, read as digits (*Brigade Forty-Four* ~ *Brigade 44*, *Three
/// Percenters* ~ *3 Percenters*): a name holding number words gets, beside its words as written,
/// a romanisation with each run of number words as one number, so either writing meets the other
/// while a misspelt number word (*Tow Rivers*) still meets the written one.
///
/// A run is read as units, teens and tens (*forty four* → 44), with *hundred* and *thousand*
/// multiplying what came before (*two hundred and five* → 205); *and* joins only inside a run.
/// Only English: the words of other languages (French *neuf*, *cent*) are also ordinary words.
enum NumberWords {
    private static let values: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    private static let multipliers: [String: Int] = ["hundred": 100, "thousand": 1_000]

    /// The number words' shapes: most words are ruled out without hashing (the ASCII fast path
    /// of folding looks at every word).
    private static let shapes = WordShapes(of: Array(values.keys) + Array(multipliers.keys))

    private static func value(of word: String) -> Int? {
        shapes.mayHold(word) ? values[word] : nil
    }

    /// The number one word names, a multiplier included (*twelve* → 12, *hundred* → 100); nil
    /// for any other word. Two words naming different numbers are different words, however alike
    /// they are spelt (*twelve*, *twenty*).
    static func number(named word: [UInt8]) -> Int? {
        guard shapes.mayHold(utf8: word) else { return nil }
        let text = String(decoding: word, as: UTF8.self)
        return values[text] ?? multipliers[text]
    }

    /// `words` with each run of number words as one number; nil when there is none.
    /// - Complexity: one array read per word, a hash lookup for the few shaped like a number word.
    static func collapse(_ words: [String]) -> [String]? {
        guard words.contains(where: { value(of: $0) != nil }) else { return nil }
        var result: [String] = []
        var position = 0
        while position < words.count {
            guard let (number, length) = run(in: words, at: position) else {
                result.append(words[position])
                position += 1
                continue
            }
            result.append(String(number))
            position += length
        }
        return result
    }

    /// The number read from the run of number words starting at `start`, and how many words it takes.
    private static func run(in words: [String], at start: Int) -> (number: Int, length: Int)? {
        guard value(of: words[start]) != nil else { return nil }
        var total = 0, group = 0, position = start, end = start
        while position < words.count {
            let word = words[position]
            if let number = value(of: word) {
                // A unit after a unit or a teen starts another number (*one two* is 1 2);
                // after a ten it adds (*forty four*).
                if position > start, let previous = value(of: words[position - 1]), !(previous >= 20 && previous % 10 == 0 && number < 10) {
                    break
                }
                group += number
            } else if let multiplier = multipliers[word], position > start, value(of: words[position - 1]) != nil {
                total += max(group, 1) * multiplier
                group = 0
            } else if word == "and", position > start, multipliers[words[position - 1]] != nil,
                      position + 1 < words.count, value(of: words[position + 1]) != nil {
                position += 1
                continue
            } else {
                break
            }
            position += 1
            end = position
        }
        return (total + group, end - start)
    }
}
