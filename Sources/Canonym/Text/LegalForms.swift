/// Company legal forms written out or abbreviated, folded to one short code, so that
/// *Siemens Aktiengesellschaft* and *Siemens AG*, *Stripe Limited Liability Company* and
/// *Stripe L.L.C.* fold alike (exact lookups, index keys and scores all see the code).
///
/// Only the long forms and dotted spellings of three letters or more are rewritten: a pair of
/// single letters (*S. A.*) is as likely a person's initials, and run-together comparison already
/// meets *SA* with it. A written-out form is also recognised with one word misspelt by a letter
/// (*Joynt Stock Company*, *Aktiengeselschaft*) or, at the end of the name, cut short
/// (*Joint Stock Compan*: registries truncate long names): otherwise one side would hold the code
/// and the other the words, and the two names would share nothing there.
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

    private typealias Form = (words: [String], code: String)

    /// Every form, longest first (so the longest form wins).
    private static let formsLongestFirst: [Form] = forms.map { (words: $0.words.split(separator: " ").map(String.init), code: $0.code) }
        .sorted { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.code < $1.code }

    /// Form words shorter than this are never taken as misspelt (*stock*, not *stick*); a form of
    /// one word, only from `shortestMisspeltForm` letters; a word cut short keeps `shortestCut`.
    /// A misspelt word keeps its first two letters (*Joynt*, *Compnay*).
    private static let shortestMisspelt = 5, shortestMisspeltForm = 7, shortestCut = 6

    /// A word's length and first two letters (a-z; a word of one letter has a second of its own)
    /// as a table index, or nil for a word no form can start.
    private static func shape(_ word: String) -> Int? {
        var word = word  // a local copy may be read in place (small strings are held inline)
        return word.withUTF8 { bytes in
            guard bytes.count <= longestWord + 1, let first = bytes.first, let firstIndex = letterIndex(first) else { return nil }
            guard bytes.count > 1 else { return (bytes.count * 26 + firstIndex) * 27 + 26 }
            guard let secondIndex = letterIndex(bytes[1]) else { return nil }
            return (bytes.count * 26 + firstIndex) * 27 + secondIndex
        }
    }
    private static func letterIndex(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? Int(byte - UInt8(ascii: "a")) : nil
    }
    private static let longestWord = forms.flatMap { $0.words.split(separator: " ") }.map(\.utf8.count).max() ?? 0

    /// Shape → the forms (ascending, so longest first) a word of that shape may start, its first
    /// word written right or misspelt by a letter; and, for a name's last word, cut short too.
    /// Most words are ruled out by one read of this table, without hashing: folding an ASCII name
    /// must stay well under a microsecond.
    private static let formsByShape = ShapeTable()

    /// Flat, so that reading it copies no array: shape s → `forms[start[s]..<start[s + 1]]`
    /// for a word inside a name, `forms[endingStart[s]..<endingStart[s + 1]]` for its last word.
    private struct ShapeTable {
        let start: [Int32], endingStart: [Int32]
        let forms: [Int16]

        init() {
            let shapes = (longestWord + 2) * 26 * 27
            var inside = [[Int16]](repeating: [], count: shapes), ending = inside
            for (k, form) in formsLongestFirst.enumerated() {
                let first = form.words[0], length = first.utf8.count
                let misspelt = length >= (form.words.count > 1 ? shortestMisspelt : shortestMisspeltForm)
                let lengths = misspelt ? Array((length - 1)...(length + 1)) : [length]
                let cutLengths = form.words.count == 1 && misspelt ? Array(shortestCut..<max(shortestCut, length - 1)) : []
                // The shape of `first` at another length: the same first two letters.
                let base = shape(first)! - length * 26 * 27
                for other in lengths { inside[base + other * 26 * 27].append(Int16(k)) }
                for other in lengths + cutLengths { ending[base + other * 26 * 27].append(Int16(k)) }
            }
            var start: [Int32] = [0], endingStart: [Int32] = [], forms: [Int16] = []
            for list in inside { forms += list; start.append(Int32(forms.count)) }
            endingStart.append(Int32(forms.count))
            for list in ending { forms += list; endingStart.append(Int32(forms.count)) }
            (self.start, self.endingStart, self.forms) = (start, endingStart, forms)
        }

        /// Where in `forms` the forms a word of `shape` may start are listed.
        func forms(_ shape: Int, endingName: Bool) -> Range<Int> {
            endingName ? Int(endingStart[shape])..<Int(endingStart[shape + 1]) : Int(start[shape])..<Int(start[shape + 1])
        }
    }

    /// `words` with every legal form replaced by its code; the same array when there is none.
    /// - Complexity: one array read per word; the few words shaped like a form's start are compared with its words.
    static func collapse(_ words: [String]) -> [String] { collapsed(words).words }

    /// `collapse(words)`, and whether a form was read from a word misspelt or cut short.
    static func collapsed(_ words: [String]) -> (words: [String], misspelt: Bool) {
        let table = formsByShape
        var result: [String] = [], misspelt = false, found = false
        var position = 0
        while position < words.count {
            // The longest form; of two as long, one written right.
            var chosen: (form: Form, isNear: Bool)?
            let candidates = shape(words[position]).map { table.forms($0, endingName: position == words.count - 1) } ?? 0..<0
            for index in candidates {
                let form = formsLongestFirst[Int(table.forms[index])]
                if let chosen, chosen.form.words.count > form.words.count { break }
                guard let isNear = match(form.words, words, at: position) else { continue }
                if chosen == nil || chosen!.isNear { chosen = (form, isNear) }
                if !isNear { break }
            }
            if let chosen {
                if !found { result = Array(words[..<position]); found = true }
                result.append(chosen.form.code)
                position += chosen.form.words.count
                misspelt = misspelt || chosen.isNear
            } else {
                if found { result.append(words[position]) }
                position += 1
            }
        }
        return found ? (result, misspelt) : (words, false)
    }

    /// Whether `words` hold `form` at `position`: nil when not, false when every word is written
    /// right, true when one is near (`isNear`) instead.
    private static func match(_ form: [String], _ words: [String], at position: Int) -> Bool? {
        guard position + form.count <= words.count else { return nil }
        var isNear = false
        for k in form.indices where form[k] != words[position + k] {
            let formWord = form[k].utf8
            guard !isNear, formWord.count >= (form.count > 1 ? shortestMisspelt : shortestMisspeltForm),
                  Self.isNear(words[position + k], form[k], endsName: position + k == words.count - 1) else { return nil }
            isNear = true
        }
        return isNear
    }

    /// Whether `word` may be `formWord` misspelt by one letter (one substituted, inserted or
    /// dropped, or two swapped; the first two kept), or, when it ends the name, cut short.
    private static func isNear(_ word: String, _ formWord: String, endsName: Bool) -> Bool {
        var (word, formWord) = (word, formWord)  // local copies are read in place, nothing is copied
        return word.withUTF8 { a in
            formWord.withUTF8 { b in
                guard a.count >= 2, b.count >= 2, a[0] == b[0], a[1] == b[1] else { return false }
                if endsName, a.count >= shortestCut, a.count < b.count, b.starts(with: a) { return true }
                guard abs(a.count - b.count) <= 1 else { return false }
                var i = 0
                while i < min(a.count, b.count), a[i] == b[i] { i += 1 }
                func sameAfter(_ j: Int, _ k: Int) -> Bool { a[min(j, a.count)...].elementsEqual(b[min(k, b.count)...]) }
                if a.count == b.count {
                    if sameAfter(i + 1, i + 1) { return true }  // substituted
                    return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && sameAfter(i + 2, i + 2)  // swapped
                }
                return a.count < b.count ? sameAfter(i, i + 1) : sameAfter(i + 1, i)  // dropped, inserted
            }
        }
    }
}
