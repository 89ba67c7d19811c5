/// Names that list their alternatives with slashes: *Biel/Bienne*, *Derry / Londonderry*,
/// *Al-Qa'ida/Islamic Army*. GeoNames and sanctions lists write such names; each part is a name
/// the entity goes by, so a gazetteer also files each part under the entity (``Gazetteer``).
///
/// A slash is not always a list: *24/7* joins numbers, *A/S* (a Danish legal form) and *c/o* join
/// single letters. So each slash must stand between letters (spaces aside), and every part must
/// hold two letters or more. People's names are left whole: *John/Jon Smith* lists two given
/// names of one person, not two names.
enum SlashAlternatives {
    /// The parts of `name`, trimmed and distinct, when it lists two or more; nil otherwise.
    static func parts(of name: String, type: EntityType) -> [String]? {
        // Bytes in place, not `contains("/")` (Foundation's substring search) nor the UTF-8 view
        // walked byte by byte: either cost a load time over 138k names.
        var name = name
        guard type != .person, name.withUTF8({ $0.contains(UInt8(ascii: "/")) }) else { return nil }
        var parts: [String] = []
        for piece in name.split(separator: "/", omittingEmptySubsequences: false) {
            let part = GazetteerReader.trimmed(piece)
            let letters = part.unicodeScalars.lazy.filter(\.properties.isAlphabetic)
            guard letters.count >= 2, let first = part.unicodeScalars.first, let last = part.unicodeScalars.last,
                  first.properties.isAlphabetic || parts.isEmpty, last.properties.isAlphabetic || piece.endIndex == name.endIndex
            else { return nil }
            if !parts.contains(part) { parts.append(part) }
        }
        return parts.count > 1 ? parts : nil
    }
}
