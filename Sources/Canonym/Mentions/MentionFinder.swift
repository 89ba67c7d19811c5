import Dispatch

/// Finds names of people, places and organisations in running text (French and English news
/// first) and links each to the gazetteer through a ``Matcher``. Names it cannot link are
/// reported as unknown, never dropped.
///
/// Spans come from two sources: gazetteer names spotted verbatim (after folding), which catches
/// names with lower-case words (*Banque européenne pour la reconstruction et le développement*);
/// and runs of capitalised words, joined by particles (*de*, *van der*, *al-*), with titles
/// (*M.*, *président*) and sentence-opening function words kept out. A run that holds several
/// names (*Kazakhstan Kassym-Jomart Tokaïev*) is cut where the gazetteer recognises its parts.
/// A later mention of a surname alone (*Blinken*) resolves to the entity an earlier, fuller
/// mention in the same text named.
///
/// ```swift
/// let finder = MentionFinder(matcher: Matcher(gazetteer: try DefaultGazetteers.load()))
/// for mention in finder.mentions(in: "M. Blinken a rencontré le président Tokaïev à Astana.") {
///     print(mention.text, mention.match.status, mention.match.entity?.canonical ?? "-")
/// }
/// // Blinken fuzzy Antony Blinken
/// // Tokaïev fuzzy Kassym-Jomart Tokayev
/// // Astana alias Astana
/// ```
public final class MentionFinder: Sendable {
    /// What a text has said so far, for the mentions that follow: entities named, unknown surnames.
    /// Carry one through the chunks of a document (``mentions(in:context:offset:)-(String,_,_)``);
    /// start a new one for each document.
    public struct DocumentContext: Sendable {
        /// Entity id → its candidate in an earlier mention, and the last word of that candidate's
        /// name (what a lone surname is compared with): one table, so an id is hashed once per mention.
        var seen: [String: (candidate: Candidate, lastWord: [UInt8]?)] = [:]
        /// Last words of earlier unknown mentions. Distinct: a document that repeats an unknown
        /// name holds it once, however long it is.
        var unknownLastWords: Set<[UInt8]> = []
        public init() {}
    }

    public let matcher: Matcher
    /// Matches of spans seen before: news repeats its names. Bounded; cleared when full. Shared by
    /// the threads that use this finder (`withOwnCaches` gives a thread caches of its own); the
    /// matcher is deterministic, so what is cached when changes the time taken, never a mention.
    private let cache = BoundedCache<String, Match>(limit: 20_000)
    /// Words read in each Cyrillic orthography (in `CyrillicOrthography.allCases` order), for
    /// spotting phrases in runs holding Cyrillic.
    private let cyrillicReadings = BoundedCache<String, [[String]]>(limit: 50_000)
    /// The last words of the gazetteer's names: a word near none of them resolves to no earlier
    /// mention's surname, whatever the text named before.
    private let surnames: WordTrie
    private let nearSurname = BoundedCache<String, Bool>(limit: 100_000)
    /// The folded words of the spans found, and of the words told from demonyms: news repeats its names.
    private let spanWords = BoundedCache<String, [String]>(limit: 20_000)
    /// A span's folded form and whether the gazetteer has a name that folds the same, and
    /// whether one may be near enough to reach `fuzzyThreshold`, by the span's text: a run's
    /// spans are tried at every length, and folding one cost more than the matcher's cached answer.
    private let spanNames = BoundedCache<String, SpanName>(limit: 50_000)
    private let reachableSpans = BoundedCache<String, Bool>(limit: 50_000)
    /// A class: taken from the cache for every span tried, a struct's fields were retained one by one.
    private final class SpanName: Sendable {
        let form: NameForm
        let isKnown: Bool

        init(form: NameForm, isKnown: Bool) {
            self.form = form
            self.isKnown = isKnown
        }
    }
    /// The folded words of the words of the text, for spotting phrases: news repeats its words.
    private let wordForms = BoundedCache<String, WordForm>(limit: 100_000)
    private struct WordForm: Sendable {
        let tokens: [String]
        let holdsCyrillic: Bool
        /// The word (without Cyrillic, folded to some words) is no phrase key's first word: a
        /// phrase starting here is ruled out without building a key (most capitalised words).
        let startsNoPhrase: Bool
    }
    /// The forms of a chunk's words folded so far, by word index. Only the words of capitalised
    /// runs are folded: a table of positions (plain integers) over a list of the forms made
    /// costs nothing to free, where an optional per word of the chunk was freed one by one.
    private struct ChunkWordForms {
        private var positions: [Int32]
        private var made: [WordForm] = []

        init(wordCount: Int) { positions = [Int32](repeating: -1, count: wordCount) }

        subscript(word: Int) -> WordForm? { positions[word] < 0 ? nil : made[Int(positions[word])] }

        mutating func keep(_ form: WordForm, for word: Int) {
            positions[word] = Int32(made.count)
            made.append(form)
        }
    }
    /// Similarities of the word pairs compared so far (a lone surname against the names before
    /// it): news names the same people again and again.
    private let surnameSimilarities = BoundedCache<WordPair, Float>(limit: 100_000)
    private struct WordPair: CacheKey {
        let first: [UInt8], second: [UInt8]

        /// The two words' bytes with a zero between them (words hold none).
        var cacheHash: UInt64 {
            let throughFirst = FNV1a.combine(FNV1a.combine(FNV1a.basis, first), CollectionOfOne(0))
            return FNV1a.finish(FNV1a.combine(throughFirst, second))
        }

        func hasSameBytes(as other: WordPair) -> Bool { first == other.first && second == other.second }
    }
    /// A span linked only fuzzily needs this score (stricter than for single names: text has many
    /// capitalised words that are not in any gazetteer).
    public let fuzzyThreshold: Double
    /// Tells the spans no gazetteer name can match at `fuzzyThreshold`.
    private let nearNames: NearNameFilter
    /// Longest span, in words, tried against the gazetteer.
    let maxSpanWords = 8
    /// Folded keys of gazetteer names of two or more words, for verbatim spotting, and the longest.
    private let phraseKeys: WordSet
    private let longestPhrase: Int
    /// Every word-boundary prefix of a phrase key (the whole key included): a run of words whose
    /// folded words are no such prefix starts no phrase, whatever follows.
    private let phrasePrefixes: WordSet

    /// Whether unknown mentions of several words carry the matcher's nearest candidates (one-word
    /// mentions always do). Each costs a full fuzzy match, most of a scan's time when a text
    /// names many people the gazetteer does not know.
    public let reportsCandidatesOfUnknownNames: Bool

    /// - Parameters:
    ///   - fuzzyThreshold: the score a span linked only fuzzily needs.
    ///   - reportsCandidatesOfUnknownNames: false leaves `match.candidates` empty for unknown
    ///     mentions of several words (nothing else about any mention changes).
    public init(matcher: Matcher, fuzzyThreshold: Double = 0.9, reportsCandidatesOfUnknownNames: Bool = true) {
        self.matcher = matcher
        self.fuzzyThreshold = fuzzyThreshold
        self.reportsCandidatesOfUnknownNames = reportsCandidatesOfUnknownNames
        // News has accented letters: their folds are asked of ICU (whose first transform costs
        // milliseconds) on another thread while the tables are built or read.
        DispatchQueue.global().async { NameFolder.prepareLatinLetters() }
        // Searched with the scorer's cheapest costs: the tries' bounds hold for every pair it compares.
        let tables = matcher.gazetteer.scanTables(model: matcher.scorer.boundingModel)
        nearNames = NearNameFilter(words: tables.words, joinedNames: tables.joinedNames, threshold: fuzzyThreshold)
        surnames = tables.surnames
        phraseKeys = tables.phraseKeys
        phrasePrefixes = tables.phrasePrefixes
        longestPhrase = tables.longestPhrase
    }

    /// A finder with `other`'s gazetteer tables and settings and caches of its own.
    private init(sharingTablesOf other: MentionFinder) {
        matcher = other.matcher
        fuzzyThreshold = other.fuzzyThreshold
        reportsCandidatesOfUnknownNames = other.reportsCandidatesOfUnknownNames
        nearNames = other.nearNames
        surnames = other.surnames
        phraseKeys = other.phraseKeys
        phrasePrefixes = other.phrasePrefixes
        longestPhrase = other.longestPhrase
    }

    /// This finder with caches of its own, for one thread: threads sharing caches take turns at
    /// their locks and pass the cached values' reference counts between their cores.
    package func withOwnCaches() -> MentionFinder { MentionFinder(sharingTablesOf: self) }

    /// The mentions of `text`, in order of their start offsets.
    /// - Complexity: O(w · s) matcher calls for w words in capitalised runs of at most s words,
    ///   fewer when spans repeat (their matches are cached).
    public func mentions(in text: String) -> [Mention] {
        var context = DocumentContext()
        return mentions(in: text, context: &context)
    }

    /// The mentions of one chunk of a document: offsets are shifted by `offset` (the scalars of the
    /// document before this chunk), and `context` carries what earlier chunks named. Cut chunks
    /// at line breaks: no mention spans one.
    public func mentions(in text: String, context: inout DocumentContext, offset: Int = 0) -> [Mention] {
        mentions(in: prepare(text), context: &context, offset: offset)
    }

    /// A chunk whose spans are found and matched, but not yet read in the light of what the
    /// document named before it. Made by ``prepare(_:)``.
    public struct PreparedChunk: Sendable {
        /// In order of their start offsets, offsets relative to the chunk.
        let mentions: [Mention]
        /// The chunk's scalars, which the offsets count: decoded once, for whoever writes the mentions out.
        package let scalars: [Unicode.Scalar]
    }

    /// Finds and matches the spans of one chunk, without the document's context: the costly part
    /// of ``mentions(in:context:offset:)-(String,_,_)``, and the one that can run in parallel.
    ///
    /// Use it to scan the chunks of long documents on several threads: prepare chunks
    /// concurrently (the finder is `Sendable`), then pass each prepared chunk, in document order,
    /// to ``mentions(in:context:offset:)-(PreparedChunk,_,_)``. The mentions are the same as
    /// ``mentions(in:context:offset:)-(String,_,_)`` gives for the chunk.
    ///
    /// ```swift
    /// let prepared = chunks.map { finder.prepare($0) }   // or on several threads at once
    /// var context = MentionFinder.DocumentContext(), offset = 0, mentions: [Mention] = []
    /// for (chunk, ready) in zip(chunks, prepared) {
    ///     mentions += finder.mentions(in: ready, context: &context, offset: offset)
    ///     offset += chunk.unicodeScalars.count
    /// }
    /// ```
    /// - Complexity: O(w · s) matcher calls for w words in capitalised runs of at most s words,
    ///   fewer when spans repeat (their matches are cached, for all threads).
    public func prepare(_ text: String) -> PreparedChunk {
        prepare(scalars: TextWords.scalars(of: text))
    }

    /// ``prepare(_:)`` of the text of bytes that `UTF8Validation` has found valid: a scan reads
    /// bytes, and a string made of them would check them a second time.
    package func prepare(validUTF8 bytes: [UInt8]) -> PreparedChunk {
        prepare(scalars: bytes.withUnsafeBufferPointer(TextWords.scalars(ofValidUTF8:)))
    }

    private func prepare(scalars: [Unicode.Scalar]) -> PreparedChunk {
        let words = TextWords.words(in: scalars)
        var covered = [Bool](repeating: false, count: words.count)
        var found: [Mention] = []

        // 1. Gazetteer names spotted verbatim, longest first, starting at a capitalised word.
        var forms = ChunkWordForms(wordCount: words.count)
        var index = 0
        while index < words.count {
            if words[index].isCapitalised, let length = spottedPhrase(at: index, in: words, forms: &forms) {
                found.append(mention(index..<(index + length), in: words, title: title(before: index, in: words)))
                for k in index..<(index + length) { covered[k] = true }
                index += length
            } else {
                index += 1
            }
        }

        // 2. Runs of capitalised words.
        for run in capitalisedRuns(words, covered: covered) {
            found += link(run, words: words)
        }
        found.sort { $0.start < $1.start }
        return PreparedChunk(mentions: found, scalars: scalars)
    }

    /// The mentions of a chunk made by ``prepare(_:)``, with what earlier chunks named applied
    /// (surnames resolved, lone sentence-opening words kept only when explained), `context`
    /// updated and offsets shifted by `offset`. Call it for the chunks in document order.
    /// - Complexity: O(m · e) for m mentions and e entities named so far in the document; no
    ///   matcher calls.
    public func mentions(in prepared: PreparedChunk, context: inout DocumentContext, offset: Int = 0) -> [Mention] {
        resolveSurnames(prepared.mentions, context: &context).map { $0.shifted(by: offset) }
    }

    /// The matcher's answer for a span, from the cache when the span was seen before.
    private func match(_ text: String) -> Match {
        cache.value(for: text) { matcher.match(text) }
    }

    /// Whether `word` could be `similarity` 0.85 or more to the last word of a gazetteer name.
    private func mayBeSurname(_ word: String) -> Bool {
        // A hair under 0.85: the trie compares the words the other way round.
        nearSurname.value(for: word) { surnames.containsWord(near: Array(word.utf8), minimumSimilarity: 0.85 - 1e-3) }
    }

    /// Length of the longest gazetteer phrase starting at `start`, if any.
    ///
    /// Without Cyrillic, folding works word by word (a space ends every rule of the folder), so
    /// the key of a run of words is their folded words joined: each word is folded once (`forms`
    /// holds them for the chunk, `wordForms` for the run), and the run stops growing at the first
    /// prefix no phrase key has.
    private func spottedPhrase(at start: Int, in words: ChunkWords, forms: inout ChunkWordForms) -> Int? {
        let window = min(longestPhrase, words.count - start)
        guard window >= 2, !form(of: start, in: words, forms: &forms).startsNoPhrase else { return nil }
        var holdsCyrillic = false
        let lengths = phraseLengths(at: start, window: window, in: words) { index in
            let form = form(of: index, in: words, forms: &forms)
            holdsCyrillic = holdsCyrillic || form.holdsCyrillic
            return holdsCyrillic ? nil : form.tokens
        }
        return holdsCyrillic ? spottedPhraseHoldingCyrillic(at: start, window: window, in: words) : lengths.last
    }

    /// The folded form of word `index`, from the chunk's forms or the finder's cache.
    private func form(of index: Int, in words: ChunkWords, forms: inout ChunkWordForms) -> WordForm {
        if let known = forms[index] { return known }
        let text = words.text(index)
        let form = wordForms.value(for: text) {
            let folded = matcher.folder.fold(text)
            let holdsCyrillic = folded.scripts.contains(.cyrillic)
            return WordForm(tokens: folded.tokens, holdsCyrillic: holdsCyrillic,
                            startsNoPhrase: !holdsCyrillic && !folded.tokens.isEmpty && !phrasePrefixes.contains(folded.tokens.joined(separator: " ")))
        }
        forms.keep(form, for: index)
        return form
    }

    /// `spottedPhrase` for a run holding Cyrillic, whose reading the letters of the whole run
    /// choose: the lengths that make a phrase key in some reading, checked longest first by
    /// folding their words joined.
    private func spottedPhraseHoldingCyrillic(at start: Int, window: Int, in words: ChunkWords) -> Int? {
        var possible = Set<Int>()
        for reading in CyrillicOrthography.allCases.indices {
            possible.formUnion(phraseLengths(at: start, window: window, in: words) { index in
                let text = words.text(index)
                return cyrillicReadings.value(for: text) {
                    CyrillicOrthography.allCases.map { matcher.folder.tokens(of: text, readingCyrillicAs: $0) }
                }[reading]
            })
        }
        return possible.sorted(by: >).first { length in
            phraseKeys.contains(matcher.folder.fold(words.text(of: start..<(start + length))).key)
        }
    }

    /// The lengths (2 or more, ascending) at which the words from `start`, joined by spaces and
    /// each folded by `tokens`, make a phrase key; the walk stops at a word that does not join,
    /// at a prefix no phrase key has, or where `tokens` gives nil.
    private func phraseLengths(at start: Int, window: Int, in words: ChunkWords, tokens: (Int) -> [String]?) -> [Int] {
        var key = ""
        var lengths: [Int] = []
        for length in 1...window {
            let index = start + length - 1
            if length > 1, !words[index].joinsPrevious { break }
            guard let wordTokens = tokens(index) else { break }
            for token in wordTokens {
                if key.isEmpty { key = token } else { key += " "; key += token }  // no string made per token
            }
            if length > 1, phraseKeys.contains(key) { lengths.append(length) }
            if !key.isEmpty, !phrasePrefixes.contains(key) { break }
        }
        return lengths
    }

    /// Maximal runs of capitalised words joined by particles, titles and opening function words removed.
    private func capitalisedRuns(_ words: ChunkWords, covered: [Bool]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < words.count {
            guard words[index].isCapitalised, !covered[index] else { index += 1; continue }
            var end = index + 1
            while end < words.count, !covered[end], words[end].joinsPrevious {
                if words[end].isCapitalised { end += 1; continue }
                // A particle continues the run only when a capitalised word follows it.
                var next = end
                while next < words.count, words.word(next, isIn: MentionLexicon.particles, lowercased: true), words[next].joinsPrevious { next += 1 }
                if next > end, next < words.count, words[next].isCapitalised, words[next].joinsPrevious, !covered[next] { end = next + 1 } else { break }
            }
            var start = index
            // Titles and function words at the front are not part of the name.
            while start < end, isTitle(start, in: words) || (words.word(start, isIn: MentionLexicon.commonWords, lowercased: true) && (words[start].startsSentence || start == index)) {
                start += 1
            }
            // "Texte de Michael Perry": an opening word before a particle belongs to the sentence,
            // unless the gazetteer knows it, or the whole run, as a name (*Banque de France*).
            if start + 2 < end, words[start].startsSentence, words.word(start + 1, isIn: MentionLexicon.particles, lowercased: true),
               !isKnownName(start..<end, in: words), !isKnownName(start..<(start + 1), in: words) {
                start += 1
            }
            while start < end, words.word(start, isIn: MentionLexicon.particles, lowercased: true) { start += 1 }
            if start < end { runs.append(start..<end) }
            index = end
        }
        return runs
    }

    private func isKnownName(_ span: Range<Int>, in words: ChunkWords) -> Bool {
        let status = match(words.text(of: span)).status
        return status == .exact || status == .alias
    }

    private func isTitle(_ index: Int, in words: ChunkWords) -> Bool {
        words.word(index, isIn: MentionLexicon.titles, lowercased: true)
            || (words[index].followedByPeriod && words.word(index, isIn: MentionLexicon.titleAbbreviations, lowercased: false))
    }

    private func title(before index: Int, in words: ChunkWords) -> String? {
        guard index > 0, isTitle(index - 1, in: words) else { return nil }
        let text = words.text(index - 1)
        return text + (words[index - 1].followedByPeriod && text.count <= 4 ? "." : "")
    }

    /// Cuts a run into the parts the gazetteer recognises, longest first; what is left is unknown.
    private func link(_ run: Range<Int>, words: ChunkWords) -> [Mention] {
        var result: [Mention] = []
        var unknownStart: Int?
        func flushUnknown(upTo end: Int) {
            guard let begin = unknownStart else { return }
            unknownStart = nil
            var last = end
            while last > begin + 1, words.word(last - 1, isIn: MentionLexicon.particles, lowercased: true) { last -= 1 }
            let span = begin..<last
            // A function word is no name; a lone capitalised word that opens a sentence and means
            // nothing to the gazetteer is an ordinary word, unless an earlier mention explains it.
            if span.count == 1, words.word(begin, isIn: MentionLexicon.commonWords, lowercased: true) { return }
            let tentative = span.count == 1 && words[begin].startsSentence
            if span.allSatisfy({ words.scalars[words[$0].start..<words[$0].end].allSatisfy { !TextWords.isAlphabetic($0) } }) { return }
            let input = words.text(of: span)
            // One word is resolved against earlier mentions through its candidates (and a
            // demonym is told by them); a name of several words needs them only for a reviewer.
            let text = TextWords.string(of: words.scalars[words[begin].start..<words[last - 1].end])
            let needsCandidates = reportsCandidatesOfUnknownNames || span.count == 1 || matcher.folder.fold(text).tokens.count == 1
            let unknown = Match(input: input, status: .unknown, best: nil, candidates: needsCandidates ? match(input).candidates : [])
            // *Kazakhs*, *Russes*: people of a place, not a name to link or to review.
            if span.count == 1, let nearest = unknown.candidates.first, isDemonym(input, of: nearest) { return }
            var found = mention(span, in: words, match: unknown, title: title(before: begin, in: words))
            found.isTentative = tentative
            result.append(found)
        }
        var index = run.lowerBound
        while index < run.upperBound {
            var accepted: (length: Int, match: Match)?
            var length = min(maxSpanWords, run.upperBound - index)
            while length >= 1, accepted == nil {
                let span = index..<(index + length)
                let text = words.text(of: span)
                defer { length -= 1 }
                // A lone word cut out of a longer run (*Michael* of *Michael Perry*) is linked only
                // when the gazetteer knows it as it is: fuzzily it would be a guess. Exact and alias
                // need a name that folds the same, so the matcher is asked only when there is one.
                let isLoneWordOfRun = length == 1 && run.count > 1
                // Only an exact or alias match, or a fuzzy one at `fuzzyThreshold`, is accepted:
                // the matcher is asked only when the gazetteer has a name that could give one.
                let name = spanNames.value(for: text) {
                    let form = matcher.folder.fold(text)
                    return SpanName(form: form, isKnown: matcher.knowsName(foldedAs: form))
                }
                if !name.isKnown, isLoneWordOfRun || !reachableSpans.value(for: text, { nearNames.mayReach(name.form) }) { continue }
                let match = match(text)
                if isAcceptable(match, span: span, in: words), !(isLoneWordOfRun && match.status != .exact && match.status != .alias) {
                    accepted = (length, match)
                }
            }
            if let (length, match) = accepted {
                flushUnknown(upTo: index)
                result.append(mention(index..<(index + length), in: words, match: match, title: title(before: index, in: words)))
                index += length
            } else {
                if unknownStart == nil { unknownStart = index }
                index += 1
            }
        }
        flushUnknown(upTo: run.upperBound)
        return result
    }

    private func isAcceptable(_ match: Match, span: Range<Int>, in words: ChunkWords) -> Bool {
        func isCommonWord() -> Bool { span.count == 1 && words.word(span.lowerBound, isIn: MentionLexicon.commonWords, lowercased: true) }
        switch match.status {
        case .exact, .alias: return !isCommonWord()
        case .unknown: return false
        case .fuzzy, .ambiguous:
            guard let best = match.best, MatchOptions.reaches(score: best.score, fuzzyThreshold) else { return false }
            if isCommonWord() { return false }
            return !isDemonym(words.text(of: span, separator: ""), of: best)
        }
    }

    /// *Russian* is not a mention of *Russia*, nor *Russes* of *Russie*, *Kazakhs* of *Kazakhstan*,
    /// *Ukrainiens* of *Ukraine*: the word is the name, less up to two final letters (or a final
    /// *-stan*), plus a demonym ending.
    func isDemonym(_ text: String, of candidate: Candidate) -> Bool {
        let word = foldedWords(of: text).joined(separator: " ")  // the folded key
        guard candidate.nameTokens.count == 1, let name = candidate.nameTokens.first, word != name else { return false }
        var stems = [(name, false), (String(name.dropLast()), false), (String(name.dropLast(2)), false)]
        for ending in ["istan", "stan"] where name.hasSuffix(ending) { stems.append((String(name.dropLast(ending.count)), true)) }
        for (stem, bare) in stems where stem.count >= 3 && word.hasPrefix(stem) {
            let suffix = String(word.dropFirst(stem.count))
            if MentionLexicon.demonymSuffixes.contains(suffix) || (bare && suffix.isEmpty) { return true }
        }
        return false
    }

    private func mention(_ span: Range<Int>, in words: ChunkWords, match: Match? = nil, title: String?) -> Mention {
        let start = words[span.lowerBound].start, end = words[span.upperBound - 1].end
        let text = TextWords.string(of: words.scalars[start..<end])
        return Mention(start: start, end: end, text: text, match: match ?? self.match(text), title: title, resolvedByEarlierMention: false,
                       foldedWords: foldedWords(of: text))
    }

    /// The words `text` folds to, from the cache when it was folded before.
    private func foldedWords(of text: String) -> [String] {
        spanWords.value(for: text) { matcher.folder.fold(text).tokens }
    }

    /// Single-word mentions that an earlier mention of the text explains: *Blinken* after
    /// *Antony Blinken*, *Tokaïev* after *Kassym-Jomart Tokaïev*.
    private func resolveSurnames(_ mentions: [Mention], context: inout DocumentContext) -> [Mention] {
        var result: [Mention] = []
        for mention in mentions {
            let words = mention.foldedWords
            if words.count == 1, mention.match.status != .exact, mention.match.status != .alias {
                // Its own candidate for an entity already named, else the earlier mention's, scored
                // by how close this word is to that name's last word.
                // The score first: it rules out most candidates without hashing an id.
                let own = mention.match.candidates.first { $0.score >= 0.8 && context.seen[$0.entity.id] != nil && !isDemonym(mention.text, of: $0) }
                let earlier = own ?? (mayBeSurname(words[0]) ? closestSurname(to: Array(words[0].utf8), context: &context) : nil).map { candidate, similarity in
                    Candidate(entity: candidate.entity, score: Double(similarity), matchedName: candidate.matchedName,
                              matchedNameIsCanonical: candidate.matchedNameIsCanonical, alignment: candidate.alignment,
                              queryTokens: words, nameTokens: candidate.nameTokens)
                }
                if let earlier, earlier.entity.id != mention.match.entity?.id || mention.match.status != .fuzzy {
                    let linked = Match(input: mention.match.input, status: .fuzzy, best: earlier, candidates: mention.match.candidates)
                    result.append(Mention(start: mention.start, end: mention.end, text: mention.text, match: linked,
                                          title: mention.title, resolvedByEarlierMention: true, foldedWords: words))
                    continue
                }
            }
            if mention.isTentative {
                let word = Array((words.first ?? "").utf8)
                guard context.unknownLastWords.contains(where: { similarity($0, word) >= 0.85 }) else { continue }
            }
            if let best = mention.match.best, mention.match.status != .unknown {
                // Room for the names of an article at once: grown from empty, the tables were
                // copied four or five times per document.
                if context.seen.isEmpty { context.seen.reserveCapacity(16) }
                context.seen[best.entity.id] = (best, best.nameTokens.last.map { Array($0.utf8) })
            }
            if mention.match.status == .unknown, let last = words.last { context.unknownLastWords.insert(Array(last.utf8)) }
            result.append(mention)
        }
        return result
    }

    /// The scorer's similarity of two words, computed once per pair.
    private func similarity(_ a: [UInt8], _ b: [UInt8]) -> Float {
        surnameSimilarities.value(for: WordPair(first: a, second: b)) { matcher.scorer.similarity(a, b) }
    }

    /// The earlier mention whose name's last word is closest to `word` (0.85 at least), with
    /// that similarity. Equally close names go to the smaller id: the dictionary's order changes
    /// from run to run.
    private func closestSurname(to word: [UInt8], context: inout DocumentContext) -> (Candidate, Float)? {
        var closest: (id: String, similarity: Float, candidate: Candidate)?
        for (id, seen) in context.seen {
            guard let last = seen.lastWord else { continue }
            let similarity = similarity(last, word)
            guard similarity >= 0.85 else { continue }
            if let best = closest, best.similarity > similarity || (best.similarity == similarity && best.id < id) { continue }
            closest = (id, similarity, seen.candidate)
        }
        return closest.map { ($0.candidate, $0.similarity) }
    }
}
