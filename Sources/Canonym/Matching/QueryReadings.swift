/// The readings of a query the matcher scores: its own romanisations, and others for ways of
/// writing that only queries take — Chinese Wade–Giles read as pinyin (`WadeGiles`), ordinals written the other way (*1st International Bank* ~
/// *First International Bank*), initialisms spelt out (*JC Juncker*, see `Initialisms`) and
/// digits standing for letters (*Ig0r Sech1n*, to slip past a screening list). Gazetteer names
/// keep their words as written; trying both ways on the query meets either.
struct QueryReadings {
    /// In this order: the romanisations, the Wade–Giles reading, then their ordinals swapped (`keyed`: all are looked up
    /// as names and scored as they are), then initialisms spelt out (`spelledOut`: scored against
    /// people only), then digits read as letters (`digitsAsLetters`: never exact, scored down).
    let all: [[String]]
    let keyed: Range<Int>
    /// The Wade–Giles reading among them, if the query has one.
    let wadeGiles: Range<Int>
    let spelledOut: Range<Int>
    let digitsAsLetters: Range<Int>
    /// Then the query without Lithuanian or Latvian name endings (`BalticEndings`: never exact, scored down).
    let withoutBalticEndings: Range<Int>
    /// Then a Chinese, Korean or Japanese syllable-by-syllable rendering read as the name it
    /// renders (`SyllabicRendering`: scored against places only, and scored down).
    let transcribed: Range<Int>
    /// The query's legal form was misspelt or cut short (`NameForm.hasMisspeltLegalForm`).
    let hasMisspeltLegalForm: Bool
    /// The query is written in Belarusian Cyrillic: its readings but the renderings are compared
    /// at Belarusian costs.
    let isBelarusian: Bool

    /// The costs each reading is compared with names at: its own for a syllabic rendering read
    /// back and for a Belarusian name, the scorer's otherwise.
    enum Costs {
        case standard, rendering, belarusian

        /// The costs an alignment's reading was scored at, as its marks (`marked`) tell.
        init(scoring alignment: TokenAlignment) {
            self = alignment.readAsTranscription ? .rendering : alignment.readInBelarusian ? .belarusian : .standard
        }
    }

    func costs(of k: Int) -> Costs { transcribed.contains(k) ? .rendering : isBelarusian ? .belarusian : .standard }

    init(_ form: NameForm, initialisms: Set<String>) {
        hasMisspeltLegalForm = form.hasMisspeltLegalForm
        isBelarusian = form.scripts.contains(.cyrillic) && CyrillicOrthography.detect(in: form.display.unicodeScalars) == .belarusian
        var all = form.romanizations
        func add(_ reading: [String]?) { if let reading, !all.contains(reading) { all.append(reading) } }
        add(WadeGiles.pinyinReading(of: form.display))
        wadeGiles = form.romanizations.count..<all.count
        for words in form.romanizations { add(Self.ordinalsSwapped(words)) }
        keyed = 0..<all.count
        for words in form.romanizations where words.count > 1 { add(Initialisms.spelledOut(words, initialisms: initialisms)) }
        spelledOut = keyed.upperBound..<all.count
        for words in form.romanizations { add(Self.digitsAsLetters(words)) }
        digitsAsLetters = spelledOut.upperBound..<all.count
        for words in form.romanizations { add(BalticEndings.dropped(words, display: form.display)) }
        withoutBalticEndings = digitsAsLetters.upperBound..<all.count
        for words in form.romanizations { for reading in SyllabicRendering.readings(of: words) { add(reading) } }
        transcribed = withoutBalticEndings.upperBound..<all.count
        self.all = all
    }

    /// The readings the index looks up (spelt-out letters would only dilute its bigrams).
    var indexed: [[String]] { spelledOut.isEmpty ? all : Array(all[keyed]) + Array(all[digitsAsLetters.lowerBound...]) }

    /// Whether reading `k` is scored against an entity of `type`: spelt-out initials pair with a
    /// person's given names, while in an organisation's name the letters are a word of their own
    /// (*BSF Foundation* is not *Bird Foundation*).
    func isScored(_ k: Int, against type: EntityType) -> Bool {
        spelledOut.contains(k) ? type == .person : transcribed.contains(k) ? type == .place : true
    }

    /// `alignment`, the alignment of reading `k`, marked (and scored down) for how the reading was made.
    func marked(_ alignment: consuming TokenAlignment, reading k: Int, scorer: NameScorer) -> TokenAlignment {
        let readAsAcronym = alignment.readAsAcronym
        var marked = digitsAsLetters.contains(k) ? alignment.readingDigitsAsLetters(factor: scorer.digitsAsLettersFactor) : alignment
        if withoutBalticEndings.contains(k) { marked = marked.readingWithoutBalticEndings(factor: scorer.balticEndingsFactor) }
        marked.readInitialsApart = spelledOut.contains(k)
        marked.readFromWadeGiles = wadeGiles.contains(k)
        marked.readInBelarusian = costs(of: k) == .belarusian
        if transcribed.contains(k) { marked = marked.readingTranscription(factor: scorer.transcriptionFactor) }
        if hasMisspeltLegalForm && !readAsAcronym { marked = marked.scaled(by: scorer.misspeltLegalFormFactor) { $0.readMisspeltLegalForm = true } }
        return marked
    }

    /// `words` with the digits of words that mix them into letters read as the letters they look
    /// like (*ig0r* → *igor*, *sech1n* → *sechin*); nil when no word does. A word needs twice as
    /// many letters as digits (*mh17*, *a320*, *g7* stay codes) and no ordinal ending.
    static func digitsAsLetters(_ words: [String]) -> [String]? {
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard words.contains(where: { $0.utf8.contains(where: isDigit) }) else { return nil }
        var changed = false
        let read = words.map { word -> String in
            // Letters a–z and lookalike digits only; a digit that looks like no letter (2, 6) keeps the word.
            let letters = word.utf8.map { isDigit($0) ? lookalike[Int($0 - UInt8(ascii: "0"))] : $0 }
            let digits = word.utf8.count(where: isDigit)
            guard digits > 0, letters.count - digits >= 2 * digits, ordinalValue(of: word) == nil,
                  letters.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) else { return word }
            changed = true
            return String(decoding: letters, as: UTF8.self)
        }
        return changed ? read : nil
    }

    /// `words` with each ordinal written the other way (*first* → *1st*, *1st* → *first*); nil
    /// when there is none.
    static func ordinalsSwapped(_ words: [String]) -> [String]? {
        let swapped = { (word: String) -> String? in
            if let value = ordinalValue(of: word) { return ordinalWords[value - 1] }
            guard ordinalShapes.mayHold(word), let index = ordinalWords.firstIndex(of: word) else { return nil }
            return digits(ofOrdinal: index + 1)
        }
        guard words.contains(where: { swapped($0) != nil }) else { return nil }
        return words.map { swapped($0) ?? $0 }
    }

    /// The letter each digit 0–9 stands for, or 0 for one that looks like none.
    private static let lookalike = Array("oi\0eas\0tbg".utf8)

    private static let ordinalWords = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
    ]

    /// Most words are ruled out by length and first letter alone (this runs for every query).
    private static let ordinalShapes = WordShapes(of: ordinalWords)

    /// 1 → *1st*, 2 → *2nd*, 11 → *11th*.
    private static func digits(ofOrdinal value: Int) -> String {
        let suffix = (11...13).contains(value % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][value % 10] ?? "th"
        return "\(value)\(suffix)"
    }

    /// The value of an ordinal in digits that `ordinalWords` spells (*1st*, *12th*), or nil.
    private static func ordinalValue(of word: String) -> Int? {
        guard let first = word.utf8.first, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(first), word.utf8.count >= 3,
              let value = Int(word.dropLast(2)), (1...ordinalWords.count).contains(value), digits(ofOrdinal: value) == word
        else { return nil }
        return value
    }
}
