/// Objects the command keeps until the process exits.
enum ProcessLifetime {
    /// Never releases `object`. A gazetteer of a million names is hundreds of thousands of small
    /// allocations; freeing them one by one as a command returns takes a good part of what
    /// loading them took, for memory the process is about to give back whole.
    @discardableResult
    static func keep<T: AnyObject>(_ object: T) -> T {
        _ = Unmanaged.passRetained(object)
        return object
    }
}
