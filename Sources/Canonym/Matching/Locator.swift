/// The country a query's locators name: the words a gazetteer's places close their names with,
/// nearly all in one country (`QualifierWords.locators`): *awhayw* (Ohio) in *pwrtsmwth awhayw*.
/// A place in another country that leaves such a word unexplained is likely another place of the
/// name (Portsmouth in England).
struct Locator {
    /// The country the query's locators name; nil when it names none, or two.
    let country: String?
    /// Bit i of element k: word i of reading k is a locator of `country` (the first 16 words).
    private let words: [UInt16]

    init(_ readings: [[String]], countries: [String: String]) {
        // Most queries hold no locator: found out without building anything.
        var named: String?
        search: for reading in readings where !countries.isEmpty {
            for word in reading {
                guard let country = countries[word] else { continue }
                if named == nil { named = country } else if named != country { named = nil; break search }  // two: none
            }
        }
        guard let country = named else { self.country = nil; words = []; return }
        self.country = country
        words = readings.map { reading in
            reading.prefix(16).enumerated().reduce(UInt16(0)) { mask, word in countries[word.element] == country ? mask | 1 << word.offset : mask }
        }
    }

    /// The locators among the words of reading `reading`: bit i, word i (the first 16 words).
    func words(ofReading reading: Int) -> UInt16 { reading < words.count ? words[reading] : 0 }

    /// Whether `alignment` of reading `reading` leaves one of the locators unpaired.
    func isLeftUnexplained(by alignment: TokenAlignment, reading: Int) -> Bool {
        guard country != nil, reading < words.count, words[reading] != 0 else { return false }
        return alignment.extraQueryTokens.contains { $0 < 16 && words[reading] & (1 << $0) != 0 }
    }
}
