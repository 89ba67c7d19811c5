/// A hash table from byte strings to lists of numbers, stored as five flat tables (slots, key
/// starts, key bytes, value starts, values) that are read in place from a compiled file.
///
/// Slots hold a key's group number (-1: empty) and are probed linearly from the key's FNV-1a
/// hash, which is stable across processes, as a table written by one and read by another must be.
struct KeyTable: @unchecked Sendable {  // unchecked: read-only views into a ByteStore its owner holds
    private let slots: UnsafeBufferPointer<Int32>
    private let keyStart: UnsafeBufferPointer<Int64>
    private let keyBytes: UnsafeBufferPointer<UInt8>
    private let valueStart: UnsafeBufferPointer<Int32>
    private let values: UnsafeBufferPointer<Int32>

    struct IDs { let slots, keyStart, keyBytes, valueStart, values: SectionID }
    static let entityIDs = IDs(slots: .idSlots, keyStart: .idKeyStart, keyBytes: .idKeyBytes, valueStart: .idValueStart, values: .idValues)
    static let nameKeys = IDs(slots: .keySlots, keyStart: .keyKeyStart, keyBytes: .keyKeyBytes, valueStart: .keyValueStart, values: .keyValues)

    /// Appends the tables of `groups` (distinct keys, each with its values) under `ids`.
    static func append(_ groups: [(key: [UInt8], values: [Int32])], ids: IDs, to list: inout SectionList) {
        var size = 8
        while size < 2 * groups.count { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        var keyStart: [Int64] = [0], keyBytes: [UInt8] = [], valueStart: [Int32] = [0], values: [Int32] = []
        for (group, item) in groups.enumerated() {
            var slot = Int(hash(item.key) & UInt64(size - 1))
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(group)
            keyBytes += item.key
            keyStart.append(Int64(keyBytes.count))
            values += item.values
            valueStart.append(Int32(values.count))
        }
        list.append(ids.slots, slots)
        list.append(ids.keyStart, keyStart)
        list.append(ids.keyBytes, keyBytes)
        list.append(ids.valueStart, valueStart)
        list.append(ids.values, values)
    }

    /// The table stored under `ids`, checked: every value is below `valueLimit`, every key and
    /// value range lies in its table, and an empty slot ends every probe.
    init(_ sections: Sections, ids: IDs, valueLimit: Int) throws(TruncatedData) {
        slots = try sections.table(ids.slots)
        keyStart = try sections.table(ids.keyStart)
        keyBytes = try sections.table(ids.keyBytes)
        valueStart = try sections.table(ids.valueStart, count: keyStart.count)
        values = try sections.table(ids.values)
        let groups = keyStart.count - 1
        guard groups >= 0, slots.count > groups, slots.count & (slots.count - 1) == 0,
              TableCheck.isMonotone(keyStart, from: 0, to: Int64(keyBytes.count)),
              TableCheck.isMonotone(valueStart, from: 0, to: Int32(values.count)),
              TableCheck.allBelow(values, valueLimit) else { throw TruncatedData() }
        var occupied = 0, bad: UInt8 = 0
        for slot in slots {
            occupied &+= slot >= 0 ? 1 : 0
            bad |= UInt32(bitPattern: slot &+ 1) > UInt32(groups) ? 1 : 0  // -1 (empty) or a group
        }
        guard bad == 0, occupied == groups else { throw TruncatedData() }
    }

    var count: Int { keyStart.count - 1 }

    func key(_ group: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: keyBytes[Int(keyStart[group])..<Int(keyStart[group + 1])])
    }

    func values(_ group: Int) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(rebasing: values[Int(valueStart[group])..<Int(valueStart[group + 1])])
    }

    /// The values of `key`; empty when it is not in the table.
    func values(for key: some Collection<UInt8>) -> UnsafeBufferPointer<Int32> {
        let mask = slots.count - 1
        var slot = Int(Self.hash(key) & UInt64(mask))
        for _ in 0..<slots.count {
            let group = Int(slots[slot])
            if group < 0 { break }
            if key.elementsEqual(self.key(group)) { return values(group) }
            slot = (slot + 1) & mask
        }
        return UnsafeBufferPointer(start: nil, count: 0)
    }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}
