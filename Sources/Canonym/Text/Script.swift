/// The writing systems Canonym distinguishes when choosing a transliteration.
public enum Script: String, Sendable, Hashable, CaseIterable {
    case latin, cyrillic, greek, arabic, hebrew, armenian, georgian, han, other

    /// ICU UScriptCode values (uscript.h); stable across ICU versions.
    private static let byICUCode: [Int32: Script] = [
        25: .latin, 8: .cyrillic, 14: .greek, 2: .arabic, 19: .hebrew, 3: .armenian, 12: .georgian,
        17: .han,
    ]

    /// This script's bit in a mask of scripts: bit k is `allCases[k]` (compiled files store masks).
    var bit: Int {
        switch self {
        case .latin: 1
        case .cyrillic: 2
        case .greek: 4
        case .arabic: 8
        case .hebrew: 16
        case .armenian: 32
        case .georgian: 64
        case .han: 128
        case .other: 256
        }
    }

    /// Every set of scripts, by its mask: one shared set per mask, not one per name.
    static let sets: [Set<Script>] = (0..<(1 << allCases.count)).map { mask in Set(allCases.filter { mask & $0.bit != 0 }) }

    static func mask(of scripts: Set<Script>) -> Int { scripts.reduce(0) { $0 | $1.bit } }

    /// The script of one scalar; `nil` for common and inherited characters (digits, marks, punctuation).
    static func of(_ scalar: Unicode.Scalar) -> Script? {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) ? .latin : nil
        }
        let code = ICU.scriptCode(of: scalar)
        if code == 0 || code == 1 { return nil }
        return byICUCode[code] ?? .other
    }
}

/// Which Cyrillic orthography a name is written in, told by the letters only it uses.
/// The choice picks the BGN/PCGN romanisation that reads the name as its speakers would.
public enum CyrillicOrthography: String, Sendable, CaseIterable {
    case kazakh, kyrgyz, uzbek, tajik, ukrainian, belarusian, serbian, macedonian, russian

    /// ICU transform producing this orthography's BGN/PCGN romanisation.
    var transformID: String {
        switch self {
        case .kazakh: "Kazakh-Latin/BGN"
        case .kyrgyz: "Kirghiz-Latin/BGN"
        case .uzbek: NameFolder.russianReading  // ICU's Uzbek-Latin/BGN reads the Arabic script
        case .tajik: NameFolder.russianReading  // ICU has no Tajik transform
        case .ukrainian: "Ukrainian-Latin/BGN"
        case .belarusian: "Belarusian-Latin/BGN"
        case .serbian: "Serbian-Latin/BGN"
        case .macedonian: "Macedonian-Latin/BGN"
        case .russian: "Russian-Latin/BGN"
        }
    }

    /// Decides from the letters present; letters shared by several orthographies decide nothing.
    /// Tajik: ҷ ӣ ӯ; Uzbek: ҳ, or ў with қ/ғ/и; Kazakh: ә ғ қ ұ һ (and і with ң/ө/ү);
    /// Kyrgyz: ң ө ү without the Kazakh ones;
    /// Ukrainian: ї є ґ (or і without ў); Belarusian: ў, or і with ы, э or ё; Macedonian: ѓ ќ ѕ; Serbian: ђ ћ, or
    /// ј љ њ џ, which Macedonian writes too (they read the same in both); otherwise Russian.
    static func detect<S: Sequence>(in scalars: S) -> CyrillicOrthography where S.Element == Unicode.Scalar {
        var tajikOnly = false, uzbekOrTajik = false, kazakhOrUzbek = false, russianI = false
        var kazakhOnly = false, kyrgyzOrKazakh = false, ukrainianOnly = false, belarusianOnly = false, dottedI = false
        var macedonianOnly = false, serbianOrMacedonian = false, russianOrBelarusian = false
        for scalar in scalars {
            switch scalar.value {
            case 0x04B7, 0x04B6, 0x04E3, 0x04E2, 0x04EF, 0x04EE: tajikOnly = true
            case 0x04B3, 0x04B2: uzbekOrTajik = true
            case 0x0493, 0x0492, 0x049B, 0x049A: kazakhOrUzbek = true
            case 0x04D9, 0x04D8, 0x04B1, 0x04B0, 0x04BB, 0x04BA: kazakhOnly = true
            case 0x04A3, 0x04A2, 0x04E9, 0x04E8, 0x04AF, 0x04AE: kyrgyzOrKazakh = true
            case 0x0457, 0x0407, 0x0454, 0x0404, 0x0491, 0x0490: ukrainianOnly = true
            case 0x045E, 0x040E: belarusianOnly = true
            case 0x0456, 0x0406: dottedI = true
            case 0x0438, 0x0418: russianI = true  // Belarusian writes і, never и
            case 0x044B, 0x042B, 0x044D, 0x042D, 0x0451, 0x0401: russianOrBelarusian = true  // ы э ё: Ukrainian writes none
            case 0x0453, 0x0403, 0x045C, 0x040C, 0x0455, 0x0405: macedonianOnly = true
            case 0x0452, 0x0402, 0x045B, 0x040B, 0x0458, 0x0408, 0x0459, 0x0409, 0x045A, 0x040A, 0x045F, 0x040F: serbianOrMacedonian = true
            default: break
            }
        }
        if tajikOnly { return .tajik }
        if uzbekOrTajik || (belarusianOnly && (kazakhOrUzbek || russianI)) { return .uzbek }
        if kazakhOnly || kazakhOrUzbek || (kyrgyzOrKazakh && dottedI) { return .kazakh }
        if kyrgyzOrKazakh { return .kyrgyz }
        if belarusianOnly || (dottedI && russianOrBelarusian && !ukrainianOnly && !russianI) { return .belarusian }
        if ukrainianOnly || dottedI { return .ukrainian }
        if macedonianOnly { return .macedonian }
        if serbianOrMacedonian { return .serbian }
        return .russian
    }
}
