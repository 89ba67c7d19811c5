@testable import Canonym
import Testing

private func distance(_ a: String, _ b: String, model: CostModel = .standard) -> Float {
    WeightedEditDistance.distance(Array(a.utf8), Array(b.utf8), model: model)
}

@Suite struct CostModelTests {
    @Test(arguments: [
        // (variant, original, unrelated neighbour): the variant is a same-sound or voicing swap.
        ("togayev", "tokayev", "tokarev"),  // voicing k/g against r for y
        ("tokaiev", "tokayev", "tokarev"),  // French ï for y against r for y
        ("blingen", "blinken", "blinsen"),  // voicing k/g against an unrelated s
        ("zelenskyj", "zelenskyy", "zelenskyr"), // j/y glide against r
        ("volodimir", "volodymyr", "volodamar"), // i/y against a for y
        ("tileuberdi", "tleuberdi", "tleuborkdi"), // a vowel inserted against o for e plus a k
    ])
    func sameSoundSwapsCostLessThanUnrelatedSwaps(variant: String, original: String, neighbour: String) {
        #expect(distance(variant, original) < distance(neighbour, original))
    }

    @Test(arguments: [
        // (a, b, the label of the rule that should explain the difference)
        ("poutine", "putin", "French convention"),        // ou → u, with a mute final e
        ("tchernenko", "chernenko", "French convention"), // tch → ch
        ("schmidt", "shmidt", "German convention"),       // sch → sh
        ("loukachenko", "lukashenko", "ch/sh (ш)"),       // ch → sh (and ou → u)
        ("mukhtar", "muhtar", "kh/h (х)"),                // kh → h
        ("djomart", "jomart", "French convention"),       // dj → j
        ("zhomart", "jomart", "j/zh (ж)"),                // zh → j
        ("anthony", "antony", "English convention"),      // th → t
        ("zelenskiy", "zelensky", "iy/y (ий)"),           // iy → y
        ("pusjkin", "pushkin", "Dutch convention"),       // sj → sh
        ("tsjeljabinsk", "cheljabinsk", "Dutch convention"), // tsj → ch
        ("zjukov", "zhukov", "Dutch convention"),         // zj → zh
        ("szamara", "samara", "Hungarian convention"),    // sz → s
        ("csuszovoj", "chusovoj", "Hungarian convention"), // cs → ch (and sz → s)
        ("zsitomir", "zhitomir", "Hungarian convention"), // zs → zh
        ("kemerobho", "kemerovo", "bh/v (Indic)"),        // bh → v
        ("shinbashi", "shimbashi", "n/m before b or p"),  // nb → mb
        ("tenpi", "tempi", "n/m before b or p"),          // np → mp
    ])
    func transliterationRulesFire(a: String, b: String, label: String) {
        let (cost, edits) = WeightedEditDistance.alignment(Array(a.utf8), Array(b.utf8))
        #expect(edits.contains { $0.reason == label }, "\(a) ~ \(b): \(edits)")
        // A rule is cheaper than spelling the same change out letter by letter.
        let plain = CostModel(unrelated: 1, indel: 1)
        #expect(cost < distance(a, b, model: plain))
    }

    @Test func rulesApplyInBothDirections() {
        #expect(distance("poutine", "putin") == distance("putin", "poutine"))
        #expect(distance("shmidt", "schmidt") == distance("schmidt", "shmidt"))
    }

    @Test func editTouchingTheFirstLetterCostsMore() {
        // The same k/g swap at the start and inside a word.
        #expect(distance("gabul", "kabul") > distance("tokayev", "togayev"))
        #expect(distance("gabul", "kabul") == 0.35 * CostModel.standard.initialFactor)
    }

    @Test func doubledLetterIsCheap() {
        #expect(distance("kassym", "kasym") == CostModel.standard.doubling)
        #expect(distance("kassym", "kasym") < distance("kasym", "kasyr"))
    }

    /// German writes ж as *sch* (*Breschnew* for Brezhnev; *Schaparow* for the Kyrgyz Japarov) and
    /// ё as *jo* (*Rubljow* for Rublev): each a convention, not unrelated letters.
    @Test(arguments: [("breschnew", "brezhnev"), ("schaparow", "japarov"), ("rubljow", "rublev"), ("fjodorow", "fedorov")])
    func germanSpellingsOfCyrillicAreConventions(german: String, english: String) {
        let scorer = NameScorer()
        #expect(scorer.similarity(Array(german.utf8), Array(english.utf8)) >= 0.9, "\(german) ~ \(english)")
        let edits = WeightedEditDistance.alignment(Array(german.utf8), Array(english.utf8)).edits
        #expect(edits.contains { $0.description.contains("German ж") || $0.description.contains("German ё") }, "\(edits)")
    }

    /// щ is written *shch*, *šč* (folded *sc*), *sh* (*Plushenko*) and *shh*: each a convention.
    @Test(arguments: [("pljuscenko", "plushenko"), ("nepomnjascij", "nepomnyashchiy"), ("shhuchinsk", "shchuchinsk")])
    func spellingsOfShchAreConventions(one: String, other: String) {
        let scorer = NameScorer()
        #expect(scorer.similarity(Array(one.utf8), Array(other.utf8)) >= 0.85, "\(one) ~ \(other)")
        let edits = WeightedEditDistance.alignment(Array(one.utf8), Array(other.utf8)).edits
        #expect(edits.contains { $0.description.contains("щ") }, "\(edits)")
    }

    /// *1129* is another number than *129*, not *129* with a doubled digit.
    @Test func aRepeatedDigitIsNoDoubledLetter() {
        #expect(distance("chak1129", "chak129") == CostModel.standard.indelCost(UInt8(ascii: "1")))
        #expect(distance("chak1129", "chak129") > CostModel.standard.doubling)
        let edits = WeightedEditDistance.alignment(Array("1129".utf8), Array("129".utf8)).edits
        #expect(edits.count == 1 && !edits[0].description.contains("doubled"), "\(edits)")
    }

    @Test func muteFinalEIsCheap() {
        #expect(distance("oukraine", "oukrain") == CostModel.standard.finalMuteE)
        // Only a final e: the same letter elsewhere is an ordinary vowel.
        #expect(distance("berlin", "berlen") > 0)
        #expect(distance("eberlin", "berlin") > CostModel.standard.finalMuteE)
    }

    @Test func adjacentSwapCostsTheTransposition() {
        // Dropping the o and adding it back costs more than the swap.
        #expect(distance("lavorv", "lavrov") == CostModel.standard.transposition)
        #expect(WeightedEditDistance.alignment(Array("lavorv".utf8), Array("lavrov".utf8)).edits.map(\.reason) == ["letters swapped"])
    }

    @Test func customModelUsesItsOwnCosts() {
        var model = CostModel(unrelated: 2, indel: 1)
        model.setSubstitution(among: "xq", cost: 0.5, label: "x/q")
        model.setIndel("z", cost: 0.25, label: "z comes and goes")
        model.addRule("abc", "d", cost: 0.125, label: "abc/d")
        #expect(distance("x", "q", model: model) == 0.5)
        #expect(distance("m", "n", model: model) == 2)
        #expect(distance("mz", "m", model: model) == 0.25)
        #expect(distance("mabcm", "mdm", model: model) == 0.125)
        #expect(distance("mdm", "mabcm", model: model) == 0.125)
        #expect(model.rules == [CostModel.Rule(from: "abc", to: "d", cost: 0.125, label: "abc/d")])
        #expect(model.labels.contains("x/q") && model.labels.contains("z comes and goes"))
    }

    /// Rules sharing their last letters, added one by one in any order: each is found, both
    /// ways, at its own cost (a rule goes into its group as it is added).
    @Test func everyRuleAddedIsFoundAtItsCost() {
        let rules: [(String, String, Float)] = [("abc", "d", 0.125), ("xbc", "d", 0.25), ("c", "dd", 0.375), ("qd", "c", 0.0625),
                                                ("ab", "d", 0.1875), ("zzc", "yd", 0.3125)]
        for order in [Array(rules.indices), Array(rules.indices.reversed()), [2, 0, 5, 1, 4, 3]] {
            var model = CostModel(unrelated: 2, indel: 2)
            for k in order { model.addRule(rules[k].0, rules[k].1, cost: rules[k].2, label: "rule \(k)") }
            for (from, to, cost) in rules {
                #expect(distance("m" + from + "m", "m" + to + "m", model: model) == cost, "\(from) → \(to), order \(order)")
                #expect(distance("m" + to + "m", "m" + from + "m", model: model) == cost, "\(to) → \(from), order \(order)")
            }
        }
    }

    @Test func laterSubstitutionClassOverridesAnEarlierOne() {
        var model = CostModel()
        model.setSubstitution(among: "aeiou", cost: 0.5, label: "vowel")
        model.setSubstitution(among: "ou", cost: 0.25, label: "o/u")
        #expect(distance("mot", "mut", model: model) == 0.25)
        #expect(distance("mat", "mut", model: model) == 0.5)
    }
}
