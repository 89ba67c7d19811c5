/// A value kept behind one reference: copying the reference is one retain, however many strings
/// and arrays the value holds. For values copied far more often than made (candidates, matches,
/// mentions): each of their fields copied apart is a retain, and on a scan's hot paths those
/// atomic retains cost more time than anything the copies were for.
final class SharedValue<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }
}
