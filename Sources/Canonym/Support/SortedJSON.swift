import Foundation

/// What a command learns and saves (confidence models, edit costs), as JSON with its keys sorted:
/// the same value is the same bytes, so a saved file can be compared and reviewed.
enum SortedJSON {
    static func encode<Value: Encodable>(_ value: Value) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(value)) ?? Data()  // plain numbers and strings cannot fail to encode
    }
}
