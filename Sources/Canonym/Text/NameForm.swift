/// A name folded into comparable forms.
///
/// `display` is the name as written, in NFC with white space collapsed. `tokens` is its primary
/// romanisation: lower-case ASCII words, with punctuation, hyphens and elided articles
/// (*l'*, *d'*) removed. A name in a non-Latin script can be read under several romanisation
/// schemes; `romanizations` holds each distinct one, the primary first.
public struct NameForm: Sendable, Hashable {
    public let display: String
    public let romanizations: [[String]]
    /// Scripts the name's letters are written in.
    public var scripts: Set<Script> { Script.sets[Int(scriptMask)] }
    /// `scripts` as bits (`Script.bit`): a shared set stored in every name would be retained and
    /// released by every thread that folds names, all on one reference count.
    let scriptMask: UInt16

    public var tokens: [String] { romanizations[0] }
    /// The primary romanisation as one string, tokens separated by single spaces.
    public var key: String { tokens.joined(separator: " ") }
    public var isEmpty: Bool { tokens.isEmpty }

    /// True when a company legal form was read from a word misspelt or cut short (*Joint Stock
    /// Compan*, see `LegalForms`): the name folds as the form would, but was not written as it.
    /// Only folding sets it; a name read from a compiled gazetteer does not keep it.
    public let hasMisspeltLegalForm: Bool

    public init(display: String, romanizations: [[String]], scripts: Set<Script>, hasMisspeltLegalForm: Bool = false) {
        self.init(display: display, romanizations: romanizations, scriptMask: UInt16(Script.mask(of: scripts)), hasMisspeltLegalForm: hasMisspeltLegalForm)
    }

    init(display: String, romanizations: [[String]], scriptMask: UInt16, hasMisspeltLegalForm: Bool = false) {
        precondition(!romanizations.isEmpty, "a name form has at least one romanisation")
        self.display = display
        self.romanizations = romanizations
        self.scriptMask = scriptMask
        self.hasMisspeltLegalForm = hasMisspeltLegalForm
    }
}
