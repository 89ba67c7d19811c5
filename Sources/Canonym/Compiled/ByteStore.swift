#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-only bytes that tables point into: a memory-mapped file, or an aligned copy.
///
/// Tables read in place hold their store, so the memory lives as long as any of them.
/// `@unchecked Sendable`: the bytes are never written after `init`.
final class ByteStore: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let isMapped: Bool

    private init(bytes: UnsafeRawBufferPointer, isMapped: Bool) {
        self.bytes = bytes
        self.isMapped = isMapped
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if isMapped { _ = munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) } else { UnsafeMutableRawPointer(mutating: base).deallocate() }
    }

    /// A copy of `source`, aligned for any table.
    convenience init(copying source: UnsafeRawBufferPointer) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 16)
        if let base = source.baseAddress { memory.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        self.init(bytes: UnsafeRawBufferPointer(rebasing: memory[..<source.count]), isMapped: false)
    }

    /// Takes over memory allocated with `UnsafeMutableRawBufferPointer.allocate` (its first `count` bytes are used).
    convenience init(adopting memory: UnsafeMutableRawBufferPointer, count: Int) {
        self.init(bytes: UnsafeRawBufferPointer(rebasing: memory[..<count]), isMapped: false)
    }

    /// Lets the system drop the pages of a mapped file that lie wholly within `range` (they are
    /// read again from the file if touched): bytes copied out once, as a scan's stored tables
    /// are, need not stay in memory beside their copy. Nothing for a store that is no mapping.
    func releasePages(within range: UnsafeRawBufferPointer) {
        guard isMapped, let base = range.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: base) + page - 1) / page * page, end = (Int(bitPattern: base) + range.count) / page * page
        guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(address, end - start, MADV_DONTNEED)
    }

    /// The file at `path`, mapped read-only; nil when it cannot be opened or mapped.
    static func mapping(path: String) -> ByteStore? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        guard size > 0 else { return ByteStore(copying: UnsafeRawBufferPointer(start: nil, count: 0)) }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        return ByteStore(bytes: UnsafeRawBufferPointer(start: address, count: size), isMapped: true)
    }
}
