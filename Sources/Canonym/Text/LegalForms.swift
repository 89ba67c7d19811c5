/// Company legal forms written out or abbreviated, folded to one short code, so that
/// *Siemens Aktiengesellschaft* and *Siemens AG*, *Stripe Limited Liability Company* and
/// *Stripe L.L.C.* fold alike (exact lookups, index keys and scores all see the code).
///
/// Only the long forms and dotted spellings of three letters or more are rewritten: a pair of
/// single letters (*S. A.*) is as likely a person's initials, and run-together comparison already
/// meets *SA* with it.
enum LegalForms {
    /// Folded words → code. Russian forms come in the spellings of both Cyrillic folds (BGN/PCGN and ISO-style).
    private static let forms: [(words: String, code: String)] = [
        ("aktiengesellschaft", "ag"), ("kommanditgesellschaft", "kg"),
        ("gesellschaft mit beschrankter haftung", "gmbh"), ("g m b h", "gmbh"),
        ("limited liability company", "llc"), ("l l c", "llc"),
        ("limited liability partnership", "llp"), ("l l p", "llp"), ("limited partnership", "lp"),
        ("public limited company", "plc"), ("p l c", "plc"),
        ("limited", "ltd"), ("incorporated", "inc"), ("corporation", "corp"), ("company", "co"),
        ("public joint stock company", "pjsc"), ("p j s c", "pjsc"), ("joint stock company", "jsc"), ("j s c", "jsc"),
        ("open joint stock company", "ojsc"), ("closed joint stock company", "cjsc"),
        ("spolka z ograniczona odpowiedzialnoscia", "spzoo"), ("sp z o o", "spzoo"),
        ("societe anonyme", "sa"), ("sociedad anonima", "sa"), ("sociedade anonima", "sa"),
        ("societe a responsabilite limitee", "sarl"), ("s a r l", "sarl"),
        ("societe par actions simplifiee", "sas"), ("s a s", "sas"),
        ("societa a responsabilita limitata", "srl"), ("societatea cu raspundere limitata", "srl"),
        ("sociedad de responsabilidad limitada", "srl"), ("s r l", "srl"),
        ("societa per azioni", "spa"), ("s p a", "spa"),
        ("naamloze vennootschap", "nv"), ("besloten vennootschap", "bv"),
        ("obshchestvo s ogranichennoy otvetstvennostyu", "ooo"), ("o o o", "ooo"),
        ("aktsionernoye obshchestvo", "ao"), ("publichnoye aktsionernoye obshchestvo", "pao"),
        ("otkrytoye aktsionernoye obshchestvo", "oao"), ("zakrytoye aktsionernoye obshchestvo", "zao"),
        ("obsestvo s ogranicennoj otvetstvennostu", "ooo"), ("akcionernoe obsestvo", "ao"),
        ("publicnoe akcionernoe obsestvo", "pao"), ("otkrytoe akcionernoe obsestvo", "oao"), ("zakrytoe akcionernoe obsestvo", "zao"),
        ("p a o", "pao"), ("o a o", "oao"), ("z a o", "zao"),
    ]

    /// The codes, which an organisation's score weighs lightly: those of the forms written out,
    /// those of every kind, and two used of any kind.
    static let codes: Set<[UInt8]> = Set(forms.map { Array($0.code.utf8) } + kinds.keys + ["pte", "pty"].map { Array($0.utf8) })

    /// Kinds of company a code names, for telling two legal forms that name different companies
    /// (*AG*, a stock corporation, and *GmbH*, a limited liability company) from two writings of
    /// one kind (*OAO* and *JSC*, *OOO* and *LLC*).
    enum Kind: Sendable {
        case stockCorporation, limitedLiabilityCompany, partnership
    }

    /// The kind of company `code` names; nil for the words used of any kind (*co*, *corp*, *inc*,
    /// *ltd*, *pte*, *pty*), which never tell two companies apart.
    static func kind(of code: [UInt8]) -> Kind? { kinds[code] }

    private static let kinds: [[UInt8]: Kind] = {
        var table: [[UInt8]: Kind] = [:]
        for code in ["ag", "sa", "spa", "nv", "plc", "jsc", "pjsc", "ojsc", "cjsc", "ao", "pao", "oao", "zao", "ab", "as",
                     "oy", "oyj", "se", "kk", "sae", "sas"] { table[Array(code.utf8)] = .stockCorporation }
        for code in ["gmbh", "llc", "ooo", "sarl", "srl", "spzoo", "bv", "sl", "tov", "too"] { table[Array(code.utf8)] = .limitedLiabilityCompany }
        for code in ["kg", "lp", "llp"] { table[Array(code.utf8)] = .partnership }
        return table
    }()

    /// First word → the forms starting with it, longest first (so the longest form wins).
    private static let formsByFirstWord: [String: [(words: [String], code: String)]] = {
        var table: [String: [(words: [String], code: String)]] = [:]
        for form in forms {
            let words = form.words.split(separator: " ").map(String.init)
            table[words[0], default: []].append((words, form.code))
        }
        return table.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }()

    /// The shapes of the forms' first words: most words are ruled out without hashing.
    private static let firstWordShapes = WordShapes(of: formsByFirstWord.keys)

    private static func mayStartForm(_ word: String) -> Bool {
        firstWordShapes.mayHold(word) && formsByFirstWord[word] != nil
    }

    /// `words` with every legal form replaced by its code; the same array when there is none.
    /// - Complexity: one array read per word, a hash lookup for the few words shaped like a form's start.
    static func collapse(_ words: [String]) -> [String] {
        var start = 0
        while start < words.count, !mayStartForm(words[start]) { start += 1 }
        guard start < words.count else { return words }
        var result = Array(words[..<start])
        var position = start
        while position < words.count {
            if let form = formsByFirstWord[words[position]]?.first(where: { matches($0.words, words, at: position) }) {
                result.append(form.code)
                position += form.words.count
            } else {
                result.append(words[position])
                position += 1
            }
        }
        return result
    }

    private static func matches(_ form: [String], _ words: [String], at position: Int) -> Bool {
        position + form.count <= words.count && form.indices.allSatisfy { form[$0] == words[position + $0] }
    }
}
