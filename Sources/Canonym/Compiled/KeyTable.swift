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

    /// Keys gathered one (key, value) at a time, grouped as they come: groups in order of their
    /// key's first appearance, each group's values in the order they came. What `append` stores,
    /// without a dictionary: each key is hashed once (FNV-1a, as the stored table probes) and its
    /// letters are kept side by side.
    struct Builder {
        private var groupSlots = [Int32](repeating: -1, count: 1024)
        private var hashes: [UInt64] = []
        private var keyStart: [Int64] = [0], keyBytes: [UInt8] = []
        private var valueGroups: [Int32] = [], values: [Int32] = []

        var count: Int { hashes.count }

        /// Each value whose key came before with another value, and that first value, in the
        /// order they came.
        var repeatedKeys: [(value: Int32, first: Int32)] {
            var firstValue = [Int32](repeating: -1, count: count), repeated: [(Int32, Int32)] = []
            for (group, value) in zip(valueGroups, values) {
                if firstValue[Int(group)] < 0 { firstValue[Int(group)] = value } else { repeated.append((value, firstValue[Int(group)])) }
            }
            return repeated
        }

        mutating func add(_ key: [UInt8], value: Int32) {
            let hash = KeyTable.hash(key)
            let mask = groupSlots.count - 1
            var slot = Int(hash & UInt64(mask))
            while groupSlots[slot] >= 0 {
                let group = Int(groupSlots[slot])
                if hashes[group] == hash, keyBytes[Int(keyStart[group])..<Int(keyStart[group + 1])].elementsEqual(key) {
                    valueGroups.append(Int32(group))
                    values.append(value)
                    return
                }
                slot = (slot + 1) & mask
            }
            groupSlots[slot] = Int32(hashes.count)
            valueGroups.append(Int32(hashes.count))
            values.append(value)
            hashes.append(hash)
            keyBytes += key
            keyStart.append(Int64(keyBytes.count))
            if hashes.count * 2 > groupSlots.count { groupSlots = KeyTable.slots(for: hashes, count: groupSlots.count * 2) }
        }

        /// Appends the table of the keys gathered so far under `ids`.
        func append(ids: IDs, to list: inout SectionList) {
            var size = 8
            while size < 2 * count { size *= 2 }
            let slots = KeyTable.slots(for: hashes, count: size)
            // Each group's values together, in the order they came (a stable counting sort).
            var valueStart = [Int32](repeating: 0, count: count + 1)
            for group in valueGroups { valueStart[Int(group) + 1] += 1 }
            for group in 0..<count { valueStart[group + 1] += valueStart[group] }
            var grouped = [Int32](repeating: 0, count: values.count), fill = valueStart
            for (group, value) in zip(valueGroups, values) {
                grouped[Int(fill[Int(group)])] = value
                fill[Int(group)] += 1
            }
            list.append(ids.slots, slots)
            list.append(ids.keyStart, keyStart)
            list.append(ids.keyBytes, keyBytes)
            list.append(ids.valueStart, valueStart)
            list.append(ids.values, grouped)
        }
    }

    /// `count` slots (a power of two) holding each group, probed linearly from its hash, in order.
    static func slots(for hashes: [UInt64], count: Int) -> [Int32] {
        var slots = [Int32](repeating: -1, count: count)
        let mask = count - 1
        for (group, hash) in hashes.enumerated() {
            var slot = Int(hash & UInt64(mask))
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(group)
        }
        return slots
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

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 { FNV1a.hash(bytes) }
}
