/// The library's version, and the system ICU it runs on.
public enum CanonymVersion {
    public static let number = "0.1.0"
    public static var string: String { "\(number) (ICU \(ICU.version))" }
}
