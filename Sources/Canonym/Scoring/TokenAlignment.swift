/// How the words of a query line up with the words of one gazetteer name, and the score in [0, 1].
public struct TokenAlignment: Sendable, Hashable {
    public struct Pair: Sendable, Hashable {
        public let queryToken: Int
        public let nameToken: Int
        public let similarity: Double
    }

    public private(set) var score: Double
    public let pairs: [Pair]
    /// Query words the name does not explain (they weigh fully against the match).
    public let extraQueryTokens: [Int]
    /// Name words the query leaves out (a given name, a generic word): they weigh lightly.
    public let omittedNameTokens: [Int]
    /// Words that disagree: a query word that pairs with none of the name's, beside a word of the
    /// same role that the query leaves out — a person's given name (*Aaron* for *Josh*, *A.* for
    /// *Nursultan*), an organisation's legal form of another kind (*AG* for *GmbH*). Each weighs as a pair of
    /// similarity 0 (`similarity` is the words' own, under the pairing floor), not as an extra
    /// word and a left-out one; neither index appears in `extraQueryTokens` or `omittedNameTokens`.
    public var conflictingWords: [Pair] = []
    /// True when the words were compared run together (*Salaconsilina* ~ *Sala Consilina*).
    public let comparedJoined: Bool
    public let reordered: Bool
    /// True when an organisation's one-letter words pair in another order: its initials then spell
    /// another name (*C.B.A. Company*, *A.B.C. Company*), scored by ``NameScorer/reorderedInitialsFactor``.
    public var reorderedInitials = false
    /// True when a person's words either side of *bin*, *ben*, *ibn* pair the other way round:
    /// *Salman bin Muhammad* is Muhammad's son, *Muhammad bin Salman* his father or another
    /// man; scored by ``NameScorer/reversedLineageFactor``.
    public var reversedLineage = false
    /// True when a person's score was held down to the surname's similarity plus
    /// ``NameScorer/surnameLeeway``.
    public var heldToSurname = false
    /// True when a person's surnames are one family's of two genders (*Baranova*, *Baranov*),
    /// the score held to ``NameScorer/otherGenderSurnameCeiling``.
    public var surnamesOfTwoGenders = false
    /// True when a person's score was held down to how well the father's name (a patronymic,
    /// or the word after *bin*) matched, plus ``NameScorer/fathersNameLeeway``.
    public var heldToFathersName = false
    /// True when an organisation's score was held down to its least similar word's similarity
    /// plus ``NameScorer/organisationLeeway``.
    public var heldToWeakestWord = false
    /// True when the query, one word written in capitals, was read as the initials of the name's
    /// words (*PLA*, *People's Liberation Army*) and scored ``NameScorer/acronymScore``.
    public var readAsAcronym = false
    /// Where a query word written in capitals was read as the initials of some of the name's
    /// words (*UN Security Council*, *United Nations Security Council*): the query words the
    /// initialism became, the score scaled by ``NameScorer/expandedAcronymFactor``; nil otherwise.
    public var expandedAcronym: ExpandedAcronym?
    public struct ExpandedAcronym: Sendable, Hashable {
        /// The initialism, folded (*un*).
        public let acronym: String
        /// The words it stands for, as positions among the (expanded) query's words.
        public let queryWords: Range<Int>
    }
    /// True when digits of the query were read as the letters they look like (*Sech1n*), the
    /// score scaled by ``NameScorer/digitsAsLettersFactor``.
    public var readDigitsAsLetters = false
    /// True when the query was read without its Lithuanian or Latvian name endings (*Putinas*),
    /// the score scaled by ``NameScorer/balticEndingsFactor``.
    public var readWithoutBalticEndings = false
    /// True when the query's legal form was read from a word misspelt or cut short (*Joint Stock
    /// Compan*), the score scaled by ``NameScorer/misspeltLegalFormFactor``.
    public var readMisspeltLegalForm = false
    /// True when initials the query writes together in capitals (*JC*) were read one by one.
    public var readInitialsApart = false
    /// True when the query, a Chinese, Korean or Japanese syllable-by-syllable rendering, was read as the name it
    /// renders (`SyllabicRendering`), the score scaled by ``NameScorer/transcriptionFactor``.
    public var readAsTranscription = false
    /// True when the query was read from Chinese Wade–Giles as pinyin (`WadeGiles`).
    public var readFromWadeGiles = false
    /// True when the query, written in Belarusian Cyrillic, was compared at Belarusian costs
    /// (`CostModel.readingBelarusian`).
    public var readInBelarusian = false
    /// The share of characters the query and the name have in common, when both are written a
    /// syllable to a character (Han, a Korean name in Hangul), differ and the score was held
    /// down to it (`SyllableCharacters`); nil otherwise.
    public var heldToSyllableCharacters: Double?
    /// True when the place lies outside the country a locator of the query names (*awhayw*,
    /// Ohio), which it left unpaired: scored by ``NameScorer/otherCountryFactor``.
    public var outsideLocatorCountry = false
    /// True when a locator of the query names the place's own country and weighed as an extra
    /// word only ``NameScorer/confirmedLocatorWeight``.
    public var withinLocatorCountry = false

    /// This alignment with its score scaled by `factor`.
    func scaled(by factor: Float) -> TokenAlignment {
        var scaled = self
        scaled.score *= Double(factor)
        return scaled
    }

    /// This alignment with its score scaled by `factor` and marked by `mark`: how each reading
    /// records itself. (A closure the optimiser inlines; a key path here cost 1.2% of a match.)
    @inline(__always)
    func scaled(by factor: Float, marking mark: (inout TokenAlignment) -> Void) -> TokenAlignment {
        var scaled = scaled(by: factor)
        mark(&scaled)
        return scaled
    }

    func readingTranscription(factor: Float) -> TokenAlignment { scaled(by: factor) { $0.readAsTranscription = true } }

    /// This alignment of a query read without its Lithuanian or Latvian name endings.
    func readingWithoutBalticEndings(factor: Float) -> TokenAlignment { scaled(by: factor) { $0.readWithoutBalticEndings = true } }

    /// This alignment of a place outside the country the query's locator names.
    func placedElsewhere(factor: Float) -> TokenAlignment { scaled(by: factor) { $0.outsideLocatorCountry = true } }

    /// This alignment with its score held to `similarity`, the syllable characters in common, when
    /// that is lower.
    func holding(toSyllableCharacters similarity: Double) -> TokenAlignment {
        guard similarity < score else { return self }
        var held = self
        held.score = similarity
        held.heldToSyllableCharacters = similarity
        return held
    }

    /// This alignment of a query whose digits were read as letters.
    func readingDigitsAsLetters(factor: Float) -> TokenAlignment { scaled(by: factor) { $0.readDigitsAsLetters = true } }

    /// This alignment of a query one of whose words was read as the initials of the name's words.
    func expandingAcronym(_ acronym: String, into queryWords: Range<Int>, factor: Float) -> TokenAlignment {
        var read = scaled(by: factor)
        read.expandedAcronym = ExpandedAcronym(acronym: acronym, queryWords: queryWords)
        return read
    }

    /// The alignment of a query read as the acronym of a name.
    static func acronym(score: Float) -> TokenAlignment {
        TokenAlignment(score: Double(score), pairs: [], extraQueryTokens: [], omittedNameTokens: [], comparedJoined: false,
                       reordered: false, readAsAcronym: true)
    }
}

/// Scores a query against a gazetteer name: words paired by best similarity; the score is the
/// length-weighted mean similarity of the paired words, with extra query words counting as 0;
/// each name word the query leaves out takes a penalty off (small for a given name, large for
/// a surname); and the whole names are compared run together as well.
///
/// Word similarity is `1 - cost / longer length`, with the cost from `WeightedEditDistance`;
/// a one-letter word pairs with a word of the same initial at 0.85.
public struct NameScorer: Sendable {
    public var model: CostModel {
        didSet { (abjadModel, japaneseModel, koreanModel, boundingModel) = Self.readings(of: model) }
    }
    /// `model` as it compares a word romanised from an abjad (`looksRomanisedFromAbjad`) with another.
    public private(set) var abjadModel: CostModel
    /// `model` as it compares a word of Japanese syllables with one that is not.
    public private(set) var japaneseModel: CostModel
    /// `model` as it compares a word in Korean's romanisation of a foreign name with one that is not.
    public private(set) var koreanModel: CostModel
    /// No dearer than any of the others: what is bounded with it (the scan's tries) is bounded for every pair.
    public private(set) var boundingModel: CostModel

    private static func readings(of model: CostModel) -> (abjad: CostModel, japanese: CostModel, korean: CostModel, bounding: CostModel) {
        let abjad = model.readingAbjad()
        return (abjad, model.readingJapaneseSyllables(), model.readingKorean(), abjad.readingJapaneseSyllables().readingKorean())
    }
    /// What leaving out one word of the name costs, as a factor off the score: a person's given
    /// names and patronymic are often left out, the surname (last word) rarely; a place or an
    /// organisation loses a word (*Amphoe*, *Group*) now and then (a place's kind: see
    /// `extraPlaceKindWeight`).
    public var omittedGivenNamePenalty: Float = 0.03
    public var omittedSurnamePenalty: Float = 0.3
    public var omittedWordPenalty: Float = 0.12
    /// Share of its length a query word that the name lacks weighs against the match (a
    /// patronymic, a title, a second given name the gazetteer does not list).
    public var extraWordWeight: Float = 0.5
    /// What a person's patronymic (*Viktorovich*, *Kemeluly*) in the query but not in the name
    /// weighs instead: gazetteers and the press mostly leave it out.
    public var extraPatronymicWeight: Float = 0.1
    /// What a title or honorific (*President*, *Ministre*, *Dr*, *Sheikh*) in the query but not
    /// in a person's name weighs: the press puts them before names, gazetteers leave them out.
    public var extraTitleWeight: Float = 0.05
    /// What a query word weighs that repeats another query word the name explains (*Sergey
    /// Sergey Shoigu*): a slip of typing or of scraping, not a word the name lacks.
    public var extraRepeatedWordWeight: Float = 0.05
    /// Whether query word `i` is written again among the first eight, and that one is paired.
    static func repeatsAPairedWord(_ i: Int, query: [[UInt8]], pairedQuery: UInt16) -> Bool {
        (0..<min(query.count, 8)).contains { $0 != i && pairedQuery & (1 << $0) != 0 && query[$0] == query[i] }
    }
    /// What a company legal form (*AG*, *LLC*, *OOO*, see `LegalForms`) weighs in an
    /// organisation's name, in the query but not the name (as a share of its length) and left
    /// out of the query (as a factor off the score): registries write it, the press drops it.
    public var extraLegalFormWeight: Float = 0.1
    public var omittedLegalFormPenalty: Float = 0.02
    /// What the kind of a place (*District*, *Rayon*, *City*, *Zhen*), as the last of its words,
    /// weighs in the query but not the name (as a share of its length) and left out of the query
    /// (as a factor off the score): alternate names add it and drop it.
    public var extraPlaceKindWeight: Float = 0.1
    public var omittedPlaceKindPenalty: Float = 0.02
    /// What a word that places' names carry or drop (*City of*, *i Russland*: learnt from the
    /// gazetteer, see `QualifierWords`) weighs, wherever it stands, in the query but not the name
    /// (as a share of its length) and left out of the query (as a factor off the score). Left out
    /// it weighs more than a place's kind: *Eski Toshkent* (old Tashkent) is a place of its own.
    public var extraQualifierWeight: Float = 0.1
    /// What such a word weighs when both names have it (as a share of its length, in the mean):
    /// *City of*, *i Russland* agreeing says little about which place is meant, so *Tara i
    /// Russland* is not *Tula i Russland*, while *City of Maasin* stays *Maasin City*.
    public var pairedQualifierWeight: Float = 0.25
    public var omittedQualifierPenalty: Float = 0.06
    /// The gazetteer's qualifying words; nil until a `Matcher` gives its gazetteer's.
    var qualifierWords: WordSet?
    /// An organisation's score stays within this of its least similar pair of words.
    public var organisationLeeway: Float = 0.1
    /// A person's score stays within this of how well the name's last word (the surname, in
    /// the given-name-first order of canonical forms; four letters or more) matched:
    /// *Alexander Lukashevich* is not *Alexander Lukashenko* however well the given names agree.
    public var surnameLeeway: Float = 0.05
    /// A person's score stays at or under this when the surnames are a Slavic family name in its
    /// two genders (*Olga Baranova*, *Oleg Baranov*; *Putina*, *Putin*): a wife, a daughter, a
    /// sister, not the man...
    public var otherGenderSurnameCeiling: Float = 0.8
    /// ...unless a given name agrees this well: *Maria Zakharov* is a slip for *Maria Zakharova*.
    public var agreeingGivenNameSimilarity = 0.95
    /// What a place scores, as a share, when the query's locator names another country
    /// (`Locator`): *pwrtsmwth awhayw* is Portsmouth, Ohio, not Portsmouth in England.
    public var otherCountryFactor: Float = 0.95
    /// What such a locator weighs instead, unpaired, when it names the place's own country (as
    /// a share of its length): it says where the place is, not that the name is another
    /// (*Tara i Russland* is Tara, in Russia).
    public var confirmedLocatorWeight: Float = 0.05
    /// A person's score stays within this of how well a father's name the query gives matched
    /// the name's (*Rustam Ibrahimovich* is not *Rustam Magomedovich*, *Habib ben Mohamed* not
    /// *Habib ben Ahmed*); leaving it out costs nothing more.
    public var fathersNameLeeway: Float = 0.1

    /// Whether name word `j` is a father's name: a patronymic, or the word after *bin*, *ben*
    /// (the last word, the surname, has its own rule).
    private static func isFathersName(_ name: [[UInt8]], _ j: Int) -> Bool {
        j < name.count - 1 && (looksLikePatronymic(name[j]) || (j > 0 && lineageParticles.contains(utf8: name[j - 1])))
    }
    /// The least weight of a pair of conflicting words: an initial stands for a whole name
    /// (*William G. Frost* is not *William W. Frost*), a legal form for a company of its own
    /// (*Deutsche Bank AG* is not *Deutsche Bank GmbH*).
    public var conflictingWordWeight: Float = 4
    /// What a query read as a name's acronym scores: enough to link it when no other entity goes
    /// by the same letters, never as much as a spelling of the name.
    public var acronymScore: Float = 0.9
    /// Factor on the score of a query one of whose words, written in capitals, was read as the
    /// initials of several of an organisation's or a place's words (*UN Security Council*): a
    /// reading, never a spelling of the name.
    public var expandedAcronymFactor: Float = 0.97
    /// Factor on the score of a query whose digits were read as letters (*Ig0r Sech1n*): such a
    /// reading is never exact.
    public var digitsAsLettersFactor: Float = 0.95
    /// Factor on the score of a query read without its Lithuanian or Latvian name endings
    /// (`BalticEndings`): a reading, never exact.
    public var balticEndingsFactor: Float = 0.97
    /// Factor on the score of a query read as the foreign name a Chinese, Korean or Japanese syllable-by-syllable
    /// rendering stands for (*luo si ji lei* ~ *Roskilde*): a reading, never exact.
    public var transcriptionFactor: Float = 0.98
    /// Factor on the score of a query whose legal form is misspelt or cut short: it folds as the
    /// form does, yet is not what the name says (never `exact`).
    public var misspeltLegalFormFactor: Float = 0.98
    /// Factor applied when paired words come in another order.
    public var reorderFactor: Float = 0.97
    /// Factor applied instead when they are an organisation's initials (``TokenAlignment/reorderedInitials``).
    public var reorderedInitialsFactor: Float = 0.8
    /// Factor applied instead when a person's names either side of *bin* swap (``TokenAlignment/reversedLineage``).
    public var reversedLineageFactor: Float = 0.8

    /// Words that join a person's name to the father's: *X bin Y* is X, son of Y.
    private static let lineageParticles: WordSet = ["bin", "ben", "ibn", "bint", "binti"]

    /// Whether the query puts the other word of one of `name`'s lineages on the other side of
    /// its own particle: the name's son right after the query's *bin*, or its father right before.
    /// A lineage moved whole (*bin Salman Mohammed*) keeps who is whose son.
    private static func lineageReversed(_ pairs: [TokenAlignment.Pair], query: [[UInt8]], name: [[UInt8]]) -> Bool {
        let queryParticles = query.indices.filter { lineageParticles.contains(utf8: query[$0]) }
        guard !queryParticles.isEmpty else { return false }
        func nameWord(pairedWith k: Int) -> Int? { pairs.first { $0.queryToken == k }?.nameToken }
        for p in name.indices.dropFirst().dropLast() where lineageParticles.contains(utf8: name[p]) {
            for q in queryParticles where nameWord(pairedWith: q + 1) == p - 1 || (q > 0 && nameWord(pairedWith: q - 1) == p + 1) {
                return true
            }
        }
        return false
    }

    /// Whether the pairs of one-letter words, in query order, pair with the name's out of order.
    private static func initialsOutOfOrder(_ pairs: [TokenAlignment.Pair], query: [[UInt8]], name: [[UInt8]]) -> Bool {
        var previous = -1
        for pair in pairs where query[pair.queryToken].count == 1 && name[pair.nameToken].count == 1 {
            if pair.nameToken < previous { return true }
            previous = pair.nameToken
        }
        return false
    }
    /// Word pairs below this similarity are not paired at all.
    public var pairingFloor: Float = 0.5

    public init(model: CostModel = .standard) {
        self.model = model
        (abjadModel, japaneseModel, koreanModel, boundingModel) = Self.readings(of: model)
    }

    /// How alike two folded words are, in [0, 1]: one less their weighted edit distance per
    /// letter of the longer, under the costs of the convention they are written in. Two number
    /// words naming different numbers (*twelve*, *twenty*) score 0.
    public func similarity(_ a: [UInt8], _ b: [UInt8]) -> Float {
        similarity(a, writtenAs: WordWriting(a), b)
    }

    /// `similarity(a, b)`, with how `a` is written read beforehand (once per query word, not per pair).
    func similarity(_ a: [UInt8], writtenAs writing: WordWriting, _ b: [UInt8]) -> Float {
        if writing.number != nil && Self.namesAnotherNumber(b, than: writing) { return 0 }
        // Each model passed as it is stored: a model chosen into a local would be a copy, retaining its tables.
        return switch Self.convention(comparing: writing, b) {
        case .abjad: Self.similarity(a, b, model: abjadModel)
        case .japanese: Self.similarity(a, b, model: japaneseModel)
        case .korean: Self.similarity(a, b, model: koreanModel)
        case .standard: Self.similarity(a, b, model: model)
        }
    }

    /// The similarity of two words under one model, whatever they look like.
    static func similarity(_ a: [UInt8], _ b: [UInt8], model: CostModel) -> Float {
        if a == b { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        if a.count == 1 || b.count == 1 { return a[0] == b[0] ? 0.85 : 0 }
        let cost = WeightedEditDistance.distance(a, b, model: model)
        return max(0, 1 - cost / Float(max(a.count, b.count)))
    }

    /// The model `similarity` compares `a` and `b` with.
    public func model(comparing a: [UInt8], _ b: [UInt8]) -> CostModel {
        switch Self.convention(comparing: WordWriting(a), b) {
        case .abjad: abjadModel
        case .japanese: japaneseModel
        case .korean: koreanModel
        case .standard: model
        }
    }

    /// The convention of writing that decides which model compares two words.
    enum Convention { case standard, abjad, japanese, korean }

    /// Whether `b` is a number word naming another number than `writing`'s word (out of line: few
    /// query words are number words).
    @inline(never)
    private static func namesAnotherNumber(_ b: [UInt8], than writing: WordWriting) -> Bool {
        NumberWords.number(named: b).map { $0 != writing.number } ?? false
    }

    /// `a`'s writing is read beforehand: a query word's once per query, not once per name word.
    static func convention(comparing a: WordWriting, _ b: [UInt8]) -> Convention {
        if a.isAbjad || looksRomanisedFromAbjad(b) { return .abjad }
        if oneIsJapaneseSyllables(a, b) { return .japanese }
        return oneLooksKorean(a, b) ? .korean : .standard
    }

    /// How a word is written, as far as choosing the model that compares it goes.
    struct WordWriting {
        let count: Int
        let isAbjad: Bool
        let isJapaneseSyllables: Bool
        let looksKorean: Bool
        /// The number the word names, if it is a number word (`NumberWords.number(named:)`).
        let number: Int?

        init(_ word: [UInt8]) {
            count = word.count
            isAbjad = NameScorer.looksRomanisedFromAbjad(word)
            isJapaneseSyllables = SyllabicRendering.isJapaneseSyllables(word)
            looksKorean = SyllabicRendering.looksKorean(word)
            number = NumberWords.number(named: word)
        }
    }

    /// Whether one word, and only one, reads as Korean's romanisation of a foreign name.
    static func oneLooksKorean(_ a: [UInt8], _ b: [UInt8]) -> Bool { oneLooksKorean(WordWriting(a), b) }

    static func oneLooksKorean(_ a: WordWriting, _ b: [UInt8]) -> Bool { a.looksKorean != SyllabicRendering.looksKorean(b) }

    /// Whether one word, and only one, is written in Japanese syllables (five letters or more:
    /// *zerenodorisuku* beside *zelenodolsk*). Two such words are compared as any two are:
    /// Japanese names differ by *r* and *b* as much as others.
    static func oneIsJapaneseSyllables(_ a: [UInt8], _ b: [UInt8]) -> Bool { oneIsJapaneseSyllables(WordWriting(a), b) }

    static func oneIsJapaneseSyllables(_ a: WordWriting, _ b: [UInt8]) -> Bool {
        (a.count >= 5 || b.count >= 5) && a.isJapaneseSyllables != SyllabicRendering.isJapaneseSyllables(b)
    }

    /// Whether a folded word reads as a romanisation of Arabic or Persian script: four letters or
    /// more, under a fifth of them vowels, and its long vowels written *w* and *y* (or no vowel
    /// at all): *kylbwrn*, *byryz*, *krasnwznamnsk*, not *zelenskyy* or *schmidt*.
    static func looksRomanisedFromAbjad(_ word: [UInt8]) -> Bool {
        let count = word.count
        guard count >= 4 else { return false }
        // Out at the vowel too many: most words are.
        var vowels = 0, glides = false
        for letter in word {
            if SyllabicRendering.vowels.contains(letter) {
                vowels += 1
                if vowels * 5 >= count { return false }
            } else if letter == UInt8(ascii: "w") || letter == UInt8(ascii: "y") {
                glides = true
            }
        }
        return glides || vowels == 0
    }

    /// - Complexity: O(n·m·w²) for n query words, m name words of at most w letters; pairing
    ///   is exact (dynamic programming over subsets) for up to 8 name words.
    public func align(query: [[UInt8]], name: [[UInt8]], type: EntityType) -> TokenAlignment {
        let joinedQuery = query.count > 1 || name.count > 1 ? Array(query.joined()) : []
        return align(query: query, name: name, type: type, titles: type == .person ? Self.titles(in: query) : []) { k, word in
            similarity(k < query.count ? query[k] : joinedQuery, word)
        }
    }

    /// Which of a query's words are titles (see `personTitles`), for `align`: looked up once per
    /// query, not once per name it is scored against.
    static func titles(in query: [[UInt8]]) -> [Bool] { query.map(personTitles.contains) }

    /// `align(query:name:type:)` with the query's word similarities remembered across names.
    /// `confirmedLocators`: bit i, query word i is a locator naming the place's own country
    /// (`Locator`), which weighs ``confirmedLocatorWeight`` left unpaired.
    func align(query: [[UInt8]], name: [[UInt8]], type: EntityType, similarities known: inout QuerySimilarities,
               confirmedLocators: UInt16 = 0) -> TokenAlignment {
        // One word against one: its word recurs only under homonyms, not worth a lookup.
        if query.count == 1 && name.count == 1 { return alignWords(query[0], name[0], similarity: known.unrememberedSimilarity(name[0])) }
        return align(query: query, name: name, type: type, titles: type == .person ? known.titles : [],
                     confirmedLocators: confirmedLocators) { known.similarity($0, $1) }
    }

    /// The alignment, with `similarity(k, word)` comparing query word k (k = query.count: the
    /// query's words run together) with a name word.
    /// `titles` tells which query words are titles (empty: none, as for anything but a person):
    /// they pair only with themselves (*President* is not a misspelt *Recep*) and weigh little
    /// when left over.
    private func align(query: [[UInt8]], name: [[UInt8]], type: EntityType, titles: [Bool], confirmedLocators: UInt16 = 0,
                       similarity: (Int, [UInt8]) -> Float) -> TokenAlignment {
        if query.count == 1 && name.count == 1 { return alignWords(query[0], name[0], similarity: similarity(0, name[0])) }
        let n = min(query.count, 8), m = min(name.count, 8)
        // The words' similarity table lives on the stack: this runs for every candidate of every query.
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: n * m) { table in
            align(query: query, name: name, type: type, titles: titles, confirmedLocators: confirmedLocators, n: n, m: m,
                  similarities: table, similarity: similarity)
        }
    }

    /// `align` with room for the n × m table of the first eight words' similarities.
    private func align(query: [[UInt8]], name: [[UInt8]], type: EntityType, titles: [Bool], confirmedLocators: UInt16, n: Int, m: Int,
                       similarities: UnsafeMutableBufferPointer<Float>, similarity: (Int, [UInt8]) -> Float) -> TokenAlignment {
        let isTitle = { (i: Int) in !titles.isEmpty && titles[i] }
        // A person's given name never pairs with the patronymic made from it (`isStem`): *Oleksandr
        // Zelenskyy* names the father of *Volodymyr Oleksandrovych Zelenskyy*.
        var patronymicsInName: UInt16 = 0  // bit j: name word j (no array: this runs for every candidate)
        for j in 0..<m where type == .person && Self.looksLikePatronymic(name[j]) { patronymicsInName |= 1 << j }
        for i in 0..<n {
            let isPatronymic = type == .person && Self.looksLikePatronymic(query[i])
            for j in 0..<m {
                similarities[i * m + j] = isTitle(i) && query[i] != name[j] ? 0
                    : type == .person && isPatronymic != (patronymicsInName & (1 << j) != 0)
                        && Self.isStem(isPatronymic ? name[j] : query[i], of: isPatronymic ? query[i] : name[j]) ? 0
                    : similarity(i, name[j])
            }
        }
        let weight = Self.weight

        let pairs = bestPairs(query, name, n: n, m: m, similarities: similarities)

        // Pairs hold only the first 8 words of each side: bit k of a mask is word k.
        var pairedQuery: UInt16 = 0, pairedName: UInt16 = 0
        for pair in pairs { pairedQuery |= 1 << pair.queryToken; pairedName |= 1 << pair.nameToken }
        var extra = (0..<query.count).filter { $0 >= 8 || pairedQuery & (1 << $0) == 0 }
        var omitted = (0..<name.count).filter { $0 >= 8 || pairedName & (1 << $0) == 0 }
        var numerator: Float = 0, denominator: Float = 0
        // Bit k: pairs[k] pairs a qualifying word of a place, three letters or more, in both names.
        var sharedQualifiers: UInt16 = 0
        if type == .place, query.count > 1, name.count > 1, let words = qualifierWords {
            for (k, pair) in pairs.enumerated() where query[pair.queryToken].count >= 3
                && words.contains(utf8: query[pair.queryToken]) && words.contains(utf8: name[pair.nameToken]) { sharedQualifiers |= 1 << k }
        }
        for (k, pair) in pairs.enumerated() {
            var w = (weight(query[pair.queryToken]) + weight(name[pair.nameToken])) / 2
            if sharedQualifiers & (1 << k) != 0 { w *= pairedQualifierWeight }
            numerator += w * Float(pair.similarity)
            denominator += w
        }
        var conflicts: [TokenAlignment.Pair] = []
        func conflict(_ queryWords: [Int], _ nameWords: [Int]) {
            for (i, j) in zip(queryWords, nameWords) {
                // Under the pairing floor: unrelated words, worth nothing.
                denominator += max(weight(query[i]), weight(name[j]), conflictingWordWeight)
                conflicts.append(.init(queryToken: i, nameToken: j, similarity: Double(similarities[i * m + j])))
            }
        }
        if extra.isEmpty || omitted.isEmpty {
            // Nothing on one side to disagree with.
        } else if type == .person {
            // The surname (last word) left out is priced below; titles and patronymics are extras.
            conflict(extra.filter { $0 < n && !isTitle($0) && !Self.looksLikePatronymic(query[$0]) },
                     omitted.filter { $0 < min(m, name.count - 1) })
        } else if type == .organization, let queryForm = extra.first(where: { $0 < n && LegalForms.kind(of: query[$0]) != nil }),
                  let nameForm = omitted.first(where: { $0 < m && LegalForms.kind(of: name[$0]) != nil }),
                  LegalForms.kind(of: query[queryForm]) != LegalForms.kind(of: name[nameForm]) {
            // Two kinds of company; two writings of one kind (*OAO*, *JSC*) stay light extras.
            conflict([queryForm], [nameForm])
        }
        if !conflicts.isEmpty {
            extra.removeAll { i in conflicts.contains { $0.queryToken == i } }
            omitted.removeAll { j in conflicts.contains { $0.nameToken == j } }
        }
        let isLightOrganisationWord = { (token: [UInt8]) -> Bool in
            type == .organization && (LegalForms.codes.contains(token) || Self.organisationFillers.contains(utf8: token))
        }
        let isPlaceKind = { (words: [[UInt8]], k: Int) in type == .place && Self.isPlaceKind(words, k) }
        let isQualifier = { (words: [[UInt8]], k: Int) in type == .place && self.isQualifier(words, k) }
        var confirmedByLocator = false
        for i in extra {
            let isPatronymic = type == .person && Self.looksLikePatronymic(query[i])
            if i < 16 && confirmedLocators & (1 << i) != 0 {
                denominator += weight(query[i]) * confirmedLocatorWeight
                confirmedByLocator = true
                continue
            }
            denominator += weight(query[i]) * (isPatronymic ? extraPatronymicWeight : isTitle(i) ? extraTitleWeight
                                               : Self.repeatsAPairedWord(i, query: query, pairedQuery: pairedQuery) ? extraRepeatedWordWeight
                                               : isLightOrganisationWord(query[i]) ? extraLegalFormWeight
                                               : isPlaceKind(query, i) ? extraPlaceKindWeight
                                               : isQualifier(query, i) ? extraQualifierWeight : extraWordWeight)
        }
        var score = denominator > 0 ? numerator / denominator : 0
        // A surname of two or three letters (*Un*, *Li*) is too short for its similarity to say much.
        var ceiling: Float = 1, surnamesOfTwoGenders = false
        if type == .person, name.count > 1, name[name.count - 1].count >= 4,
           let surname = pairs.first(where: { $0.nameToken == name.count - 1 }) {
            ceiling = Float(surname.similarity) + surnameLeeway
            // A given name both agree on makes the ending a slip (*Maria Zakharov*).
            surnamesOfTwoGenders = Self.areOfTwoGenders(query[surname.queryToken], name[surname.nameToken])
                && !pairs.contains { $0.nameToken != surname.nameToken && $0.similarity >= agreeingGivenNameSimilarity }
            if surnamesOfTwoGenders { ceiling = min(ceiling, otherGenderSurnameCeiling) }
        }
        var isHeldToFather = false
        if type == .person {
            let surnameCeiling = ceiling
            func hold(to pairing: [TokenAlignment.Pair]) {
                for pair in pairing where Self.isFathersName(name, pair.nameToken) {
                    ceiling = min(ceiling, Float(pair.similarity) + fathersNameLeeway)
                }
            }
            hold(to: pairs)
            hold(to: conflicts)
            isHeldToFather = ceiling < surnameCeiling
        }
        // An organisation is as close as its least similar word: *The Sigma Group* is not *The
        // Cigna Group*, however alike the rest.
        if type == .organization, let weakest = pairs.lazy.filter({ !isLightOrganisationWord(name[$0.nameToken]) }).map(\.similarity).min() {
            ceiling = min(ceiling, Float(weakest) + organisationLeeway)
        }
        let isHeld = score > ceiling
        score = min(score, ceiling)
        for j in omitted {
            score *= 1 - (type == .person ? (j == name.count - 1 ? omittedSurnamePenalty : omittedGivenNamePenalty)
                          : isLightOrganisationWord(name[j]) ? omittedLegalFormPenalty
                          : isPlaceKind(name, j) ? omittedPlaceKindPenalty
                          : isQualifier(name, j) ? omittedQualifierPenalty : omittedWordPenalty)
        }
        let reordered = zip(pairs, pairs.dropFirst()).contains { $0.nameToken > $1.nameToken }
        let reorderedInitials = reordered && type == .organization && Self.initialsOutOfOrder(pairs, query: query, name: name)
        let reversedLineage = reordered && type == .person && Self.lineageReversed(pairs, query: query, name: name)
        if reordered { score *= reorderedInitials ? reorderedInitialsFactor : reversedLineage ? reversedLineageFactor : reorderFactor }

        // Run together, the names differ only in where words break (*Salaconsilina*); when their
        // lengths differ more, one has a word the other lacks, and the pairing above judges that.
        // Qualifying words both names carry weigh little in the mean (`pairedQualifierWeight`);
        // run together they would weigh their length again, so they are left out of it.
        var leftOutOfQuery: UInt16 = 0, leftOutOfName: UInt16 = 0
        for (k, pair) in pairs.enumerated() where sharedQualifiers & (1 << k) != 0 && pair.similarity >= 1 {
            leftOutOfQuery |= 1 << pair.queryToken
            leftOutOfName |= 1 << pair.nameToken
        }
        let queryWords = Self.words(of: query, without: leftOutOfQuery), nameWords = Self.words(of: name, without: leftOutOfName)
        let joinedQueryCount = queryWords.reduce(0) { $0 + $1.count }, joinedNameCount = nameWords.reduce(0) { $0 + $1.count }
        // An organisation's words are its parts (*BWI Industries* is not *BAE Industries*): with
        // as many words on both sides, running them together would only blur a different word.
        // When every paired word is the same and a word of three letters or more is left over, the
        // names differ by a whole word (*Al-Dulaimi* for *Al-Tikriti*), not by where words break;
        // a particle (*de*, *ad*) left over may still be a break.
        let wholeWordsDiffer = query.count <= n && name.count <= m && pairs.allSatisfy { $0.similarity >= 1 }
            && (extra.contains { query[$0].count >= 3 } || omitted.contains { name[$0].count >= 3 } || !conflicts.isEmpty)
        let breaksDiffer = !wholeWordsDiffer && (query.count != name.count || (type != .organization && query.count > 1))
        if breaksDiffer, abs(joinedQueryCount - joinedNameCount) <= max(2, max(joinedQueryCount, joinedNameCount) / 5) {
            // With as many words on both sides, running them together cannot excuse a different surname.
            var joinedName: [UInt8] = []  // made only here: most names are never compared run together
            joinedName.reserveCapacity(joinedNameCount)
            for word in nameWords { joinedName += word }
            let unheld = leftOutOfQuery == 0 ? similarity(query.count, joinedName) : self.similarity(Array(queryWords.joined()), joinedName)
            let joined = min(unheld, query.count == name.count ? ceiling : 1)
            if joined > score {
                var alignment = TokenAlignment(score: Double(joined), pairs: [], extraQueryTokens: [], omittedNameTokens: [],
                                               comparedJoined: true, reordered: false, heldToSurname: unheld > joined && !isHeldToFather,
                                               heldToFathersName: unheld > joined && isHeldToFather)
                alignment.surnamesOfTwoGenders = surnamesOfTwoGenders && query.count == name.count
                return alignment
            }
        }
        var alignment = TokenAlignment(score: Double(score), pairs: pairs, extraQueryTokens: extra, omittedNameTokens: omitted,
                                       conflictingWords: conflicts, comparedJoined: false, reordered: reordered, reorderedInitials: reorderedInitials,
                                       reversedLineage: reversedLineage, heldToSurname: isHeld && type == .person && !isHeldToFather,
                                       heldToFathersName: isHeld && isHeldToFather, heldToWeakestWord: isHeld && type == .organization)
        alignment.surnamesOfTwoGenders = surnamesOfTwoGenders
        alignment.withinLocatorCountry = confirmedByLocator
        return alignment
    }

    /// Whether two surnames are one Slavic family name in its two genders: one ends in a woman's
    /// ending (*-ova*, *-eva*, *-ina*, *-aya*, *-ska*) and the other in the man's it goes with
    /// (*-ov*, *-ev*, *-in*, *-iy*, *-ski*; French *-ine*, *Poutine*).
    static func areOfTwoGenders(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        func ends(_ word: [UInt8], _ ending: [UInt8]) -> Bool { word.count >= ending.count + 2 && word.suffix(ending.count).elementsEqual(ending) }
        return genderedEndings.contains { woman, men in
            (ends(a, woman) && men.contains { ends(b, $0) }) || (ends(b, woman) && men.contains { ends(a, $0) })
        }
    }
    /// A woman's surname ending and the men's endings it goes with, as folded.
    private static let genderedEndings: [(woman: [UInt8], men: [[UInt8]])] = [
        ("ova", ["ov"]), ("eva", ["ev"]), ("yova", ["yov"]), ("ina", ["in", "ine"]), ("yna", ["yn"]),
        ("aya", ["iy", "yy", "oy", "ii", "y"]), ("ska", ["ski", "sky"]), ("cka", ["cki", "cky"]),
    ].map { (Array($0.0.utf8), $0.1.map { Array($0.utf8) }) }

    /// The pairs of the best pairing of the first `n` query words with the first `m` name words,
    /// in query order: it maximises Σ pair weight · (similarity − floor), by dynamic programming
    /// over the sets of name words taken. Its tables live on the stack: `align` runs for every
    /// candidate of a query.
    private func bestPairs(_ query: [[UInt8]], _ name: [[UInt8]], n: Int, m: Int,
                           similarities: UnsafeMutableBufferPointer<Float>) -> [TokenAlignment.Pair] {
        let states = 1 << m, count = (n + 1) * states
        let weight = Self.weight
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { best in
        withUnsafeTemporaryAllocation(of: Int8.self, capacity: count) { choice in
            best.initialize(repeating: -.infinity)
            choice.initialize(repeating: -1)
            best[0] = 0
            for i in 0..<n {
                for mask in 0..<states where best[i * states + mask] > -.infinity {
                    let base = best[i * states + mask]
                    if base > best[(i + 1) * states + mask] { best[(i + 1) * states + mask] = base; choice[(i + 1) * states + mask] = -1 }
                    for j in 0..<m where mask & (1 << j) == 0 {
                        let s = similarities[i * m + j]
                        guard s >= pairingFloor else { continue }
                        let gain = base + (weight(query[i]) + weight(name[j])) / 2 * (s - pairingFloor + 0.01)
                        let next = (i + 1) * states + (mask | (1 << j))
                        if gain > best[next] { best[next] = gain; choice[next] = Int8(j) }
                    }
                }
            }
            // The first of the best final states, as `max(by:)` picks it.
            var mask = 0
            for state in 1..<states where best[n * states + mask] < best[n * states + state] { mask = state }
            var pairs: [TokenAlignment.Pair] = []
            pairs.reserveCapacity(min(n, m))
            for i in stride(from: n, to: 0, by: -1) {
                let j = Int(choice[i * states + mask])
                if j >= 0 {
                    pairs.append(.init(queryToken: i - 1, nameToken: j, similarity: Double(similarities[(i - 1) * m + j])))
                    mask &= ~(1 << j)
                }
            }
            pairs.reverse()
            return pairs
        } }
    }

    /// What a word weighs in the mean: its length.
    private static func weight(_ token: [UInt8]) -> Float { Float(max(token.count, 1)) }

    /// `words` but those whose bit is set in `leftOut` (bit k: word k, of the first eight).
    private static func words(of words: [[UInt8]], without leftOut: UInt16) -> [[UInt8]] {
        leftOut == 0 ? words : words.indices.filter { $0 >= 8 || leftOut & (1 << $0) == 0 }.map { words[$0] }
    }

    /// Whether `word` begins `patronymic` and is three letters or more shorter: the father's given
    /// name it was made from (*Oleksandr*, *Oleksandrovych*), or a surname of its stem (*Petrov*).
    static func isStem(_ word: [UInt8], of patronymic: [UInt8]) -> Bool {
        word.count >= 3 && patronymic.count - word.count >= 3 && patronymic.starts(with: word)
    }

    /// Russian, Ukrainian and Belarusian patronymics (*-ovich*, *-evna*, *-ivna*, *-ichna*) and
    /// Turkic ones (*-uly*, *-ogly*, *-kyzy*, *-qizi*), as romanised.
    static func looksLikePatronymic(_ word: [UInt8]) -> Bool {
        guard word.count >= 6 else { return false }
        return patronymicEndings.contains { ending in word.count > ending.count + 2 && word.suffix(ending.count).elementsEqual(ending) }
    }
    /// Titles and honorifics as folded, in the languages of the press the matcher reads.
    static let personTitles = Set([
        "president", "prezident", "praesident", "prasident", "presidente", "premier", "minister", "ministre", "ministro",
        "chancellor", "kanzler", "chancelier", "senator", "senateur", "governor", "gouverneur", "mayor", "maire",
        "ambassador", "ambassadeur", "secretary", "general", "colonel", "admiral", "marshal", "marechal", "gen", "col",
        "dr", "doctor", "docteur", "prof", "professor", "professeur", "mr", "mrs", "ms", "miss", "sir", "dame", "lord",
        "lady", "monsieur", "madame", "mme", "mlle", "herr", "frau", "sheikh", "shaikh", "sheik", "cheikh", "emir",
        "king", "queen", "prince", "princess", "roi", "reine", "ayatollah", "imam", "mullah", "mawlawi", "maulvi",
    ].map { Array($0.utf8) })
    /// The words without their titles, for finding candidates (a title's letters would only
    /// dilute the name's); nil when there is no title or nothing else.
    static func droppingTitles(_ words: [String]) -> [String]? {
        let kept = words.filter { !personTitles.contains(Array($0.utf8)) }
        return kept.count < words.count && !kept.isEmpty ? kept : nil
    }

    /// Whether word k of a place's name is its kind, written after the name (*Luotang Zhen*,
    /// *Pecherskyi District*).
    static func isPlaceKind(_ words: [[UInt8]], _ k: Int) -> Bool {
        words.count > 1 && k == words.count - 1 && placeKinds.contains(utf8: words[k])
    }
    /// Whether word k of a place's name (of two words or more) is one its gazetteer's places
    /// carry or drop (`qualifierWords`).
    func isQualifier(_ words: [[UInt8]], _ k: Int) -> Bool {
        guard words.count > 1, let qualifierWords else { return false }
        return qualifierWords.contains(utf8: words[k])
    }
    /// Kinds of places written after their names, as folded: English, post-Soviet (*oblast*,
    /// *rayon*), Chinese in pinyin and Wade-Giles (*zhen*, *hsien*, *shih*), Taiwanese (*chhi*).
    /// (`WordSet`s: the scorer asks them for every candidate, and `Set`'s hashing cost more than its lookups.)
    private static let placeKinds: WordSet = ["city", "town", "district", "county", "province", "municipality", "oblast", "raion", "rayon",
                                              "zhen", "hsien", "shih", "chhi"]
    /// Words an organisation's name may carry or drop without changing what it names.
    private static let organisationFillers: WordSet = ["the", "and"]
    private static let patronymicEndings: [[UInt8]] = ["ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ichna",
                                                        "uly", "ogly", "oglu", "kyzy", "qizi", "gizi"].map { Array($0.utf8) }

    /// One word against one word: what `align` computes for that case, without its tables
    /// (most place names are one word, and this runs for every candidate).
    private func alignWords(_ query: [UInt8], _ name: [UInt8], similarity s: Float) -> TokenAlignment {
        if s >= pairingFloor {
            let w = (Float(max(query.count, 1)) + Float(max(name.count, 1))) / 2
            let score = (w * s) / w  // as the general case rounds it
            return TokenAlignment(score: Double(score), pairs: [.init(queryToken: 0, nameToken: 0, similarity: Double(s))],
                                  extraQueryTokens: [], omittedNameTokens: [], comparedJoined: false, reordered: false)
        }
        // Unpaired: the query word weighs against a score of 0, and the name word is omitted.
        return TokenAlignment(score: 0, pairs: [], extraQueryTokens: [0], omittedNameTokens: [0], comparedJoined: false, reordered: false)
    }
}
