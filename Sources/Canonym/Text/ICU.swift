import CICU
import Synchronization

/// Thin Swift wrappers over the `CICU` facade. Nothing here exposes an ICU type.
enum ICU {
    /// An ICU failure, with ICU's own error name kept for diagnosis.
    struct Failure: Error, CustomStringConvertible {
        let operation: String
        let errorName: String
        var description: String { "ICU \(operation) failed: \(errorName)" }

        /// A failure whose error name ICU wrote, NUL-terminated, into `buffer`.
        init(operation: String, errorNameIn buffer: some Collection<CChar>) {
            self.init(operation: operation, errorName: String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }

        init(operation: String, errorName: String) {
            self.operation = operation
            self.errorName = errorName
        }
    }

    /// The version of the system ICU Canonym is linked with.
    static var version: String { String(cString: canonym_icu_version()) }

    /// Runs an ICU call that fills a UTF-16 buffer: once with a guess, once more with the size ICU asked for.
    static func withResizingBuffer(
        _ source: [UInt16], operation: String,
        _ call: (UnsafePointer<UInt16>, Int32, UnsafeMutablePointer<UInt16>, Int32) -> Int32
    ) throws -> [UInt16] {
        var capacity = max(16, source.count * 2)
        for _ in 0..<2 {
            var output = [UInt16](repeating: 0, count: capacity)
            let needed = source.withUnsafeBufferPointer { src in
                output.withUnsafeMutableBufferPointer { dst in
                    call(src.baseAddress!, Int32(src.count), dst.baseAddress!, Int32(capacity))
                }
            }
            if needed < 0 { throw Failure(operation: operation, errorName: "U_ILLEGAL_ARGUMENT_ERROR") }
            if Int(needed) <= capacity { return Array(output.prefix(Int(needed))) }
            capacity = Int(needed)
        }
        throw Failure(operation: operation, errorName: "U_BUFFER_OVERFLOW_ERROR")
    }

    /// Canonical composition (NFC).
    static func nfc(_ text: String) -> String {
        // Most names are NFC already, which a look at each scalar shows without converting them.
        if text.unicodeScalars.allSatisfy(isNFCStable) { return text }
        let units = Array(text.utf16)
        guard !units.isEmpty, let out = try? withResizingBuffer(units, operation: "NFC", canonym_normalize_nfc) else {
            return text
        }
        return String(decoding: out, as: UTF16.self)
    }

    /// Whether NFC leaves `scalar` as it is wherever it stands.
    static func isNFCStable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII || canonym_nfc_is_stable(scalar.value) != 0
    }

    /// Full Unicode case folding (ß → ss, Σ/ς → σ).
    static func foldCase(_ text: String) -> String {
        let units = Array(text.utf16)
        guard !units.isEmpty, let out = try? withResizingBuffer(units, operation: "case folding", canonym_fold_case) else {
            return text
        }
        return String(decoding: out, as: UTF16.self)
    }

    /// ICU's script code for a scalar (see `Script`).
    static func scriptCode(of scalar: Unicode.Scalar) -> Int32 {
        canonym_script_of(scalar.value)
    }
}

/// One ICU transform. ICU transliterators are not safe for concurrent use, so each call borrows
/// an instance of its own from a small pool (one per thread that needs it at the same time).
/// ICU still runs the rules of every rule-based transform under one process-wide lock, so
/// calls from several threads queue: the folder reads Cyrillic words from `CyrillicLetters`.
final class Transliterator: Sendable {
    let id: String
    /// Instances not in use; a call takes one, or opens one when all are busy.
    private let idle: Mutex<[Handle]>

    /// One opened instance, closed with its last reference. Unchecked: the pool hands it to one
    /// caller at a time.
    private final class Handle: @unchecked Sendable {
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
        deinit { canonym_translit_close(pointer) }
    }

    /// Rules of a transform Canonym defines (`OwnTransforms`), nil for one of ICU's.
    private let rules: String?

    /// ICU's transform `id`, or Canonym's own (`OwnTransforms`) of that ID.
    convenience init(id: String) throws {
        try self.init(id: id, rules: OwnTransforms.rules(for: id))
    }

    /// A transform of `rules` (ICU's syntax) named `id`; ICU's own `id` when `rules` is nil.
    init(id: String, rules: String?) throws {
        self.id = id
        self.rules = rules
        idle = Mutex([try Self.open(id, rules: rules)])
    }

    private static func open(_ id: String, rules: String?) throws -> Handle {
        let units = Array(id.utf16), ruleUnits = Array((rules ?? "").utf16)
        var errorName = [CChar](repeating: 0, count: 64)
        let opened = units.withUnsafeBufferPointer { idBuffer in
            ruleUnits.withUnsafeBufferPointer { ruleBuffer in
                canonym_translit_open(idBuffer.baseAddress!, Int32(idBuffer.count), rules == nil ? nil : ruleBuffer.baseAddress,
                                      Int32(ruleBuffer.count), &errorName, Int32(errorName.count))
            }
        }
        guard let opened else {
            throw ICU.Failure(operation: "opening transform \"\(id)\"", errorNameIn: errorName)
        }
        return Handle(opened)
    }

    func transliterate(_ text: String) throws -> String {
        let sourceCount = text.utf16.count
        if sourceCount == 0 { return text }
        let handle = try idle.withLock { $0.popLast() } ?? Self.open(id, rules: rules)
        defer { idle.withLock { $0.append(handle) } }
        // Buffers on the stack: this runs once per distinct word of a gazetteer.
        return try withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { errorName in
            errorName.initialize(repeating: 0)
            var capacity = max(32, sourceCount * 4)
            for _ in 0..<2 {
                let (length, result) = withUnsafeTemporaryAllocation(of: UInt16.self, capacity: capacity) { buffer in
                    _ = buffer.initialize(from: text.utf16)
                    let length = canonym_translit_apply(handle.pointer, buffer.baseAddress!, Int32(sourceCount), Int32(capacity),
                                                        errorName.baseAddress!, Int32(errorName.count))
                    let fits = length >= 0 && Int(length) <= capacity
                    return (length, fits ? String(decoding: UnsafeBufferPointer(rebasing: buffer[..<Int(length)]), as: UTF16.self) : nil)
                }
                if let result { return result }
                if length < 0 { throw ICU.Failure(operation: "transform \"\(id)\"", errorNameIn: errorName) }
                capacity = Int(length) + 16
            }
            throw ICU.Failure(operation: "transform \"\(id)\"", errorName: "U_BUFFER_OVERFLOW_ERROR")
        }
    }

    /// Opened transforms, shared process-wide; opening one costs milliseconds.
    private static let opened = Mutex<[String: Transliterator]>([:])

    static func shared(_ id: String) throws -> Transliterator {
        if let existing = opened.withLock({ $0[id] }) { return existing }
        let created = try Transliterator(id: id)
        return opened.withLock { table in
            if let raced = table[id] { return raced }
            table[id] = created
            return created
        }
    }
}
