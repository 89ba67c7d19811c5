import Dispatch
import Synchronization

/// What a scan makes of a gazetteer before it reads any text: tries of its names' words, of its
/// names run together (`NearNameFilter`) and of their last words (surnames), and its Latin
/// phrases of several words with their word-boundary prefixes.
///
/// Against a million names they take about a second to build, most of a scan's start-up, so
/// `gazetteer compile` stores them (`encoded(gazetteer:model:)`) and a scan of the compiled file reads them back
/// (`init(decoding:model:)`) instead, when its cost model's rules are those they were built with.
struct ScanTables: Sendable {
    let words: WordTrie
    let joinedNames: WordTrie
    let surnames: WordTrie
    /// Folded keys of the Latin names of two words or more, and every word-boundary prefix of them.
    let phraseKeys: WordSet
    let phrasePrefixes: WordSet
    /// The most words such a name has (at most 12).
    let longestPhrase: Int

    /// Built from `gazetteer`, the four parts side by side.
    /// - Complexity: O(total length of the gazetteer's names).
    init(gazetteer: Gazetteer, model: CostModel) {
        let built = Mutex<(tries: [WordTrie?], phrases: Phrases?)>(([nil, nil, nil], nil))
        DispatchQueue.concurrentPerform(iterations: 4) { part in
            if part < 3 {
                let trie = Self.trie(part, of: gazetteer, model: model)
                built.withLock { $0.tries[part] = trie }
            } else {
                let phrases = Self.phrases(of: gazetteer)
                built.withLock { $0.phrases = phrases }
            }
        }
        let (tries, phrases) = built.withLock { ($0.tries, $0.phrases!) }
        words = tries[0]!
        joinedNames = tries[1]!
        surnames = tries[2]!
        (phraseKeys, phrasePrefixes, longestPhrase) = phrases
    }

    /// Trie `part` of `gazetteer`: 0 its names' words, 1 its names run together, 2 their last
    /// words. The words are read in place in the index's tables, not copied per entry.
    private static func trie(_ part: Int, of gazetteer: Gazetteer, model: CostModel) -> WordTrie {
        let index = gazetteer.index, entries = 0..<index.entryCount
        switch part {
        case 0: return WordTrie(words: entries.lazy.flatMap { index.wordLetters(ofEntry: $0) }, model: model)
        case 1: return WordTrie(words: entries.lazy.map { index.wordLetters(ofEntry: $0).joined() }, model: model)
        default: return WordTrie(words: entries.lazy.compactMap { index.wordLetters(ofEntry: $0).last }, model: model)
        }
    }

    private typealias Phrases = (keys: WordSet, prefixes: WordSet, longest: Int)

    private static func phrases(of gazetteer: Gazetteer) -> Phrases {
        var keys = WordSet.Builder(), prefixes = WordSet.Builder()
        var longest = 1
        // Read in the tables, not through each name's decoded record and romanisations.
        let tables = gazetteer.tables, latin = UInt16(Script.mask(of: [.latin]))
        var phrase: [UInt8] = []
        for k in 0..<tables.nameCount where tables.scriptMask(ofName: k) == latin {
            let words = tables.primaryWords(ofName: k)
            guard words.count > 1 else { continue }
            longest = max(longest, words.count)
            phrase.removeAll(keepingCapacity: true)
            for word in words {
                if !phrase.isEmpty { phrase.append(UInt8(ascii: " ")) }
                phrase += word
                phrase.withUnsafeBufferPointer { prefixes.insert($0) }
            }
            phrase.withUnsafeBufferPointer { keys.insert($0) }  // the last prefix is the whole phrase
        }
        return (WordSet(keys), WordSet(prefixes), min(longest, 12))
    }

    /// The tables of `gazetteer` as bytes, behind the fingerprint of the rules they are built
    /// with; the parts built one after another and each let go once written: `gazetteer
    /// compile` holds the gazetteer's own tables beside them.
    static func encoded(gazetteer: Gazetteer, model: CostModel) -> [UInt8] {
        var writer = BinaryWriter()
        writer.write(model.ruleFingerprint)
        for part in 0..<3 { trie(part, of: gazetteer, model: model).write(to: &writer) }
        let phrases = phrases(of: gazetteer)
        phrases.keys.write(to: &writer)
        phrases.prefixes.write(to: &writer)
        writer.write(UInt8(phrases.longest))
        return writer.bytes
    }

    /// Whether `encoded(gazetteer:model:)` bytes were built with `model`'s rules (else they cannot serve it).
    static func fit(_ bytes: UnsafeRawBufferPointer, model: CostModel) -> Bool {
        var reader = BinaryReader(bytes)
        return (try? reader.read(UInt64.self)) == model.ruleFingerprint
    }

    /// The tables `encoded(gazetteer:model:)` wrote, for `model` (whose rules must fit them). Every table is
    /// checked so that no search or lookup reads out of bounds, whatever the bytes.
    /// `copied` is told each stretch of `bytes` once it has been read out (a mapped file's pages
    /// can then go before the next table's copy is made).
    init(decoding bytes: UnsafeRawBufferPointer, model: CostModel, copied: (UnsafeRawBufferPointer) -> Void = { _ in }) throws(TruncatedData) {
        var reader = BinaryReader(bytes), done = 0
        func advance() {
            copied(UnsafeRawBufferPointer(rebasing: bytes[done..<reader.offset]))
            done = reader.offset
        }
        guard try reader.read(UInt64.self) == model.ruleFingerprint else { throw TruncatedData() }
        words = try WordTrie(reading: &reader, model: model)
        advance()
        joinedNames = try WordTrie(reading: &reader, model: model)
        advance()
        surnames = try WordTrie(reading: &reader, model: model)
        advance()
        phraseKeys = try WordSet(reading: &reader)
        phrasePrefixes = try WordSet(reading: &reader)
        longestPhrase = Int(try reader.read(UInt8.self))
        advance()
        guard (1...12).contains(longestPhrase), reader.isAtEnd else { throw TruncatedData() }
    }
}
