@testable import Canonym
import CanonymTestSupport
import Dispatch
import Synchronization
import Testing

@Suite struct BoundedCacheTests {
    /// Random words (many sharing their start and length, some not ASCII), asked again and
    /// again of a cache that fills and is emptied: every answer is the computed one, and a word
    /// is computed again only after the cache was emptied.
    @Test func answersAsComputingDoes() {
        var random = SeededGenerator(seed: 21)
        let alphabet: [Character] = ["a", "b", "e", "é", "l", "д", "-"]
        for limit in [1, 7, 100, 5_000] {
            let cache = BoundedCache<String, String>(limit: limit)
            var computed = 0, cached: Set<String> = []
            for _ in 0..<3_000 {
                let word = random.word(from: alphabet, length: 0...5)
                if cached.count >= limit, !cached.contains(word) { cached = [] }  // it is full: it empties first
                let expected = !cached.contains(word)
                var didCompute = false
                let answer = cache.value(for: word) { computed += 1; didCompute = true; return String(word.reversed()) }
                #expect(answer == String(word.reversed()), "limit \(limit): \(word)")
                #expect(didCompute == expected, "limit \(limit): \(word)")
                cached.insert(word)
            }
            #expect(computed >= Swift.min(limit, 100), "limit \(limit)")
        }
    }

    /// Keys are their bytes: "é" precomposed and decomposed are two keys (Swift's `==` calls
    /// them equal), so a value made from a key's text holds that very text.
    @Test func keysDifferingInNormalisationAreApart() {
        let cache = BoundedCache<String, [UInt8]>(limit: 10)
        let composed = "Ouzb\u{E9}kistan", decomposed = "Ouzbe\u{301}kistan"
        #expect(composed == decomposed)
        #expect(cache.value(for: composed) { Array(composed.utf8) } == Array(composed.utf8))
        #expect(cache.value(for: decomposed) { Array(decomposed.utf8) } == Array(decomposed.utf8))
        #expect(cache.value(for: composed) { [] } == Array(composed.utf8))
    }

    /// Threads asking for the same words at once all get the computed answers, and each word
    /// is held once, whichever thread computed it first.
    @Test func threadsSharingTheCacheHoldEachKeyOnce() {
        let words = (0..<500).map { "word\($0)é" }
        for round in 0..<20 {  // the threads meet on a key now and then: many rounds, many meetings
            let cache = BoundedCache<String, Int>(limit: 10_000)
            let wrong = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: 8) { thread in
                for (k, word) in (words + words.reversed()).enumerated() where (k + thread) % 3 != 0 {
                    if cache.value(for: word, { word.utf8.count }) != word.utf8.count { wrong.withLock { $0 += 1 } }
                }
            }
            #expect(wrong.withLock { $0 } == 0, "round \(round)")
            #expect(cache.count == words.count, "round \(round)")
        }
    }

    @Test func byteKeysAreTheirBytes() {
        let cache = BoundedCache<ByteKey, Int>(limit: 10)
        #expect(cache.value(for: ByteKey(bytes: [1, 2])) { 1 } == 1)
        #expect(cache.value(for: ByteKey(bytes: [2, 1])) { 2 } == 2)
        #expect(cache.value(for: ByteKey(bytes: [1, 2])) { 3 } == 1)
        #expect(cache.value(for: ByteKey(bytes: [])) { 4 } == 4)
    }
}
