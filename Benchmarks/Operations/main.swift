// Per-operation costs of the matcher's stages (folding, index lookup, word scoring, whole
// matches, gazetteer loading), so that a regression shows where it is.
//
//     swift run -c release canonym-operations [--gazetteer PATH] [--queries PATH] [--seconds S] [--recall N]
//
// Without --gazetteer it uses the embedded default gazetteers; --gazetteer takes a TSV file or a
// compiled one. --queries is a file of names, one per line (the first column of a TSV; lines
// starting with # skipped); without it, a few built-in names. Each operation runs repeatedly for
// about S seconds (default 0.5); the report gives nanoseconds of this thread's CPU time per
// operation (CPU time, not wall time, so that other processes on a busy machine disturb the
// figures less). Absolute times still vary with the machine: compare runs made side by side.
//
// --recall N takes the first N labelled queries of --queries (a dev-set TSV: query, expected_id)
// and compares top-1 accuracy through the index with scoring every name of the gazetteer.
import Canonym
import Dispatch
import Foundation
import Synchronization

struct Arguments {
    var gazetteer: String?
    var queries: String?
    var seconds = 0.5
    var recall = 0

    init(_ argv: [String]) {
        var rest = argv.dropFirst()
        while let flag = rest.popFirst() {
            switch flag {
            case "--gazetteer": gazetteer = rest.popFirst()
            case "--queries": queries = rest.popFirst()
            case "--seconds": seconds = rest.popFirst().flatMap(Double.init) ?? seconds
            case "--recall": recall = rest.popFirst().flatMap(Int.init) ?? recall
            default:
                FileHandle.standardError.write(Data("usage: canonym-operations [--gazetteer PATH] [--queries PATH] [--seconds S] [--recall N]\n".utf8))
                exit(64)
            }
        }
    }
}

/// This thread's CPU time in nanoseconds.
func threadCPUTime() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Runs `body` over `inputs` round-robin until `seconds` of CPU time pass; returns nanoseconds per call.
func measure<Input>(_ inputs: [Input], seconds: Double, _ body: (Input) -> Void) -> Double {
    precondition(!inputs.isEmpty)
    for input in inputs.prefix(64) { body(input) }  // warm caches the way a long run would
    // Reading the clock is a system call of about a microsecond: read it once per batch of at
    // least a thousand calls, or it would weigh on the cheapest operations.
    let rounds = max(1, 1000 / inputs.count)
    var calls = 0
    let start = threadCPUTime()
    var elapsed: UInt64 = 0
    repeat {
        for _ in 0..<rounds { for input in inputs { body(input) } }
        calls += rounds * inputs.count
        elapsed = threadCPUTime() - start
    } while Double(elapsed) < seconds * 1e9
    return Double(elapsed) / Double(calls)
}

/// `measure` by wall time, for operations that spread over several threads (their CPU time is
/// not all on this thread).
func measureWall<Input>(_ inputs: [Input], seconds: Double, _ body: (Input) -> Void) -> Double {
    precondition(!inputs.isEmpty)
    for input in inputs.prefix(64) { body(input) }
    var calls = 0
    let start = DispatchTime.now().uptimeNanoseconds
    var elapsed: UInt64 = 0
    repeat {
        for input in inputs { body(input) }
        calls += inputs.count
        elapsed = DispatchTime.now().uptimeNanoseconds - start
    } while Double(elapsed) < seconds * 1e9
    return Double(elapsed) / Double(calls)
}

func report(_ name: String, _ nanoseconds: Double, _ note: String = "") {
    let shown = nanoseconds >= 1e6 ? String(format: "%10.2f ms", nanoseconds / 1e6)
        : nanoseconds >= 1e3 ? String(format: "%10.2f µs", nanoseconds / 1e3) : String(format: "%10.0f ns", nanoseconds)
    print("\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(shown)  \(note)")
}

let arguments = Arguments(CommandLine.arguments)
let loadStart = DispatchTime.now().uptimeNanoseconds
let isCompiled = arguments.gazetteer.map(CompiledGazetteer.isCompiled(path:)) ?? false
let gazetteer: Gazetteer
do {
    gazetteer = try arguments.gazetteer.map { path in
        isCompiled ? try CompiledGazetteer.open(path: path) : try Gazetteer.load(paths: [path])
    } ?? DefaultGazetteers.load()
} catch {
    FileHandle.standardError.write(Data("canonym-operations: \(error)\n".utf8))
    exit(1)
}
let loaded = DispatchTime.now().uptimeNanoseconds
let matcher = Matcher(gazetteer: gazetteer)  // the index is one of the gazetteer's tables
report(isCompiled ? "compiled gazetteer open" : "gazetteer load (read, fold, tables)", Double(loaded - loadStart),
       "\(gazetteer.entities.count) entities, \(gazetteer.names.count) names")
if let path = arguments.gazetteer, !isCompiled {
    report("gazetteer TSV read alone", measure([path], seconds: arguments.seconds) { _ = GazetteerReader.read(contentsOf: $0) }, "this thread's CPU")
    report("gazetteer TSV read alone (wall)", measureWall([path], seconds: arguments.seconds) { _ = GazetteerReader.read(contentsOf: $0) }, "rows are read on all cores")
}

let queries: [String] = try arguments.queries.map { path in
    try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
        .filter { !$0.hasPrefix("#") }.map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[0]) }
        .filter { !$0.isEmpty && $0 != "query" }
} ?? ["Tachkent", "Kirghizistan", "Togayev", "Diluberdi", "Blingen", "Moscou", "Astana", "Springfeld"]
let asciiNames = ["Springfield", "Kassym-Jomart Tokayev", "Almaty", "Banque européenne"].filter { $0.allSatisfy(\.isASCII) }
let folder = NameFolder.shared
report("fold ASCII name", measure(asciiNames, seconds: arguments.seconds) { _ = folder.fold($0) })
let cyrillicNames = ["Ташкент", "Қасым-Жомарт Тоқаев", "Москва"]
report("fold Cyrillic name", measure(cyrillicNames, seconds: arguments.seconds) { _ = folder.fold($0) },
       "letters read from tables: no ICU call, no cache")

let wordPairs: [([UInt8], [UInt8])] = [("tachkent", "tashkent"), ("kirghizistan", "kyrgyzstan"), ("togayev", "tokayev"),
                                       ("diluberdi", "tileuberdi"), ("springfeld", "springfield")].map { (Array($0.utf8), Array($1.utf8)) }
report("weighted edit distance (word pair)", measure(wordPairs, seconds: arguments.seconds) { _ = WeightedEditDistance.distance($0.0, $0.1) })
let scorer = NameScorer()
let namePairs = [("kassym jomart tokaiev", "kassym zhomart tokayev"), ("tokaiev", "kassym zhomart tokayev"), ("salaconsilina", "sala consilina")]
    .map { q, n in (q.split(separator: " ").map { Array($0.utf8) }, n.split(separator: " ").map { Array($0.utf8) }) }
report("token alignment (name pair)", measure(namePairs, seconds: arguments.seconds) { _ = scorer.align(query: $0.0, name: $0.1, type: .person) })

let forms = queries.map { folder.fold($0) }.filter { !$0.isEmpty }
report("index candidates (per query)", measure(forms, seconds: arguments.seconds) { _ = matcher.indexCandidates(for: $0) },
       "limit \(matcher.options.indexCandidateLimit)")
report("match (per query)", measure(queries, seconds: arguments.seconds) { _ = matcher.match($0) }, "\(queries.count) queries")

if arguments.recall > 0, let path = arguments.queries {
    // Labelled rows: the query, then the expected id (empty: not in the gazetteer, left out here).
    let labelled = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
        .filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        .filter { $0.count > 1 && $0[0] != "query" && !$0[1].isEmpty }.prefix(arguments.recall)
    var exhaustiveOptions = matcher.options
    exhaustiveOptions.scoresEveryName = true
    let exhaustive = matcher.with(options: exhaustiveOptions)
    // Both ways on all cores (scoring every name is slow); the queries each way gets alone are listed.
    let rows = Array(labelled)
    let answers = Mutex([(index: String?, every: String?)](repeating: (nil, nil), count: rows.count))
    DispatchQueue.concurrentPerform(iterations: rows.count) { i in
        let pair = (matcher.match(rows[i][0]).candidates.first?.entity.id, exhaustive.match(rows[i][0]).candidates.first?.entity.id)
        answers.withLock { $0[i] = pair }
    }
    var indexRight = 0, everyRight = 0, same = 0
    for (row, (viaIndex, viaAll)) in zip(rows, answers.withLock { $0 }) {
        if viaIndex == row[1] { indexRight += 1 }
        if viaAll == row[1] { everyRight += 1 }
        if viaIndex == viaAll { same += 1 }
        if (viaIndex == row[1]) != (viaAll == row[1]) {
            print("  only \(viaIndex == row[1] ? "the index" : "scoring every name") finds \(row[1]) for \"\(row[0])\"")
        }
    }
    let n = Double(labelled.count)
    print(String(format: "top-1 on %d labelled queries: index %.4f, every name scored %.4f (%+.2f points); same answer %.4f",
                 labelled.count, Double(indexRight) / n, Double(everyRight) / n, 100 * Double(indexRight - everyRight) / n, Double(same) / n))
}
