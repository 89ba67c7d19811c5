import Canonym
import Testing

@Suite struct EvaluationTests {
    /// Three entities; the queries below hit each kind of outcome once.
    static let gazetteerText = """
        id\tcanonical\ttype\taliases
        city:tashkent\tTashkent\tplace\tTachkent
        city:moscow\tMoscow\tplace\tMoscou
        person:tokayev\tKassym-Jomart Tokayev\tperson\t

        """

    static func evaluation(_ queries: String) throws -> Evaluation {
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", gazetteerText)])
        let (labelled, issues) = LabelledQueryReader.read(Array(queries.utf8), file: "q.tsv")
        #expect(issues.isEmpty, "\(issues)")
        return Evaluation(matcher: Matcher(gazetteer: gazetteer), queries: labelled, jobs: 2)
    }

    @Test func countsAnswersCorrectAnswersAndAbsentNames() throws {
        let evaluation = try Self.evaluation("""
            query\texpected_id\tsubset
            Tachkent\tcity:tashkent\talias
            Togayev\tperson:tokayev\tfuzzy
            Moscou\tcity:tashkent\twrong
            Jean Dupont\t\tabsent
            Zzyzx\tcity:moscow\tmissed

            """)
        let metrics = evaluation.metrics(threshold: 0.86)
        #expect(metrics.count == 5)
        #expect(metrics.positives == 4 && metrics.negatives == 1)
        #expect(metrics.answered == 3, "Tachkent, Togayev, Moscou")
        #expect(metrics.correct == 2, "Moscou is answered, but with the wrong id")
        #expect(metrics.negativesUnknown == 1)
        #expect(metrics.precision == 2.0 / 3.0)
        #expect(metrics.recall == 0.5)
        #expect(abs(metrics.f1! - 2 * (2.0 / 3.0) * 0.5 / (2.0 / 3.0 + 0.5)) < 1e-12)
        #expect(metrics.absentUnknownRate == 1)
    }

    @Test func aThresholdAboveAFuzzyScoreDropsThatAnswerButKeepsAliases() throws {
        let evaluation = try Self.evaluation("query\texpected_id\nTachkent\tcity:tashkent\nTogayev\tperson:tokayev\n")
        let fuzzyScore = try #require(evaluation.outcomes[1].match.score)
        #expect(fuzzyScore < 1)
        #expect(evaluation.metrics(threshold: fuzzyScore).answered == 2)
        #expect(evaluation.metrics(threshold: min(1, fuzzyScore + 0.01)).answered == 1, "the alias match stays answered")
    }

    @Test func eachThresholdAnswersWhatTheMatcherWouldAnswerAtIt() throws {
        // Dulle has a runner-up close behind (its lead raises the score needed), Tule a clear lead.
        let tsv = "id\tcanonical\ttype\nplace:tulle\tTulle\tplace\nplace:dhule\tDhule\tplace\n"
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", tsv)])
        let (labelled, _) = LabelledQueryReader.read(Array("query\texpected_id\nDulle\tplace:tulle\nTule\tplace:tulle\n".utf8), file: "q.tsv")
        let matcher = Matcher(gazetteer: gazetteer)
        let evaluation = Evaluation(matcher: matcher, queries: labelled, jobs: 1)
        for threshold in stride(from: 0.5, through: 1.0, by: 0.01) {
            var options = matcher.options
            options.threshold = threshold
            let direct = matcher.with(options: options)
            for outcome in evaluation.outcomes {
                #expect(outcome.isAnswered(at: threshold) == (direct.match(outcome.query.query).status != .unknown),
                        "\(outcome.query.query) at \(threshold)")
            }
        }
    }

    /// Places with near names, and queries answered at many different levels, right and wrong.
    static func curveEvaluation(thresholdByType: [EntityType: Double] = [:], confidenceModel: ConfidenceModel? = nil) throws -> Evaluation {
        let tsv = """
            id\tcanonical\ttype\taliases
            place:tulle\tTulle\tplace\t
            place:dhule\tDhule\tplace\t
            place:tashkent\tTashkent\tplace\tTachkent
            place:termez\tTermez\tplace\t
            place:moscow\tMoscow\tplace\tMoscou
            person:tokayev\tKassym-Jomart Tokayev\tperson\t

            """
        let queries = """
            query\texpected_id
            Dulle\tplace:tulle
            Tule\tplace:tulle
            Dhula\tplace:dhule
            Tachkent\tplace:tashkent
            Taskhent\tplace:tashkent
            Termes\tplace:termez
            Tarmaz\tplace:tashkent
            Moskau\tplace:moscow
            Moscou\tplace:tashkent
            Togayev\tperson:tokayev
            Tulla\t
            Mosko\t
            Jean Dupont\t

            """
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", tsv)])
        let (labelled, _) = LabelledQueryReader.read(Array(queries.utf8), file: "q.tsv")
        let matcher = Matcher(gazetteer: gazetteer, options: MatchOptions(thresholdByType: thresholdByType, confidenceModel: confidenceModel))
        return Evaluation(matcher: matcher, queries: labelled, lowestThreshold: confidenceModel == nil ? 0.5 : 0, jobs: 1)
    }

    /// The curve's levels answer as `metrics` does at them, and nothing changes between them:
    /// levels of score, with a type's own threshold, and levels of confidence.
    @Test(arguments: [([:], false), ([EntityType.person: 0.99], false), ([:], true)])
    func theCurveHoldsEveryLevelWhereTheAnswersChange(thresholdByType: [EntityType: Double], byConfidence: Bool) throws {
        let evaluation = try Self.curveEvaluation(thresholdByType: thresholdByType, confidenceModel: byConfidence ? ConfidenceModelTests.model : nil)
        #expect(evaluation.thresholdsAreConfidences == byConfidence)
        let curve = evaluation.curve()
        #expect(curve.count >= 5, "\(curve.map(\.threshold))")
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0.threshold > $1.threshold && $0.answered < $1.answered })
        func same(_ a: EvaluationMetrics, _ b: EvaluationMetrics) -> Bool {
            a.answered == b.answered && a.correct == b.correct && a.negativesUnknown == b.negativesUnknown
        }
        for level in curve {
            #expect(same(level, evaluation.metrics(threshold: level.threshold)), "at \(level.threshold)")
            #expect(level.threshold == (level.threshold * 10_000).rounded() / 10_000, "four decimals")
        }
        // Any threshold answers as the lowest level at or above it.
        for step in 0...10_000 {
            let threshold = Double(step) / 10_000
            let expected = evaluation.metrics(threshold: threshold)
            guard let level = curve.last(where: { $0.threshold >= threshold - 1e-12 }) else {
                #expect(same(expected, evaluation.metrics(threshold: 2)), "above every level only a type's own threshold answers")
                continue
            }
            #expect(same(level, expected), "at \(threshold)")
        }
    }

    /// The best recall at a precision, and the best F1, are those of the finest sweep.
    @Test func theCurveFindsTheMostRecallAtAPrecisionAndTheBestF1() throws {
        let evaluation = try Self.curveEvaluation()
        let sweep = (5_000...10_000).map { evaluation.metrics(threshold: Double($0) / 10_000) }
        for precision in [0.5, 0.7, 0.8, 0.9, 1.0] {
            let best = sweep.filter { ($0.precision ?? 0) >= precision }.map { $0.recall ?? 0 }.max()
            #expect(evaluation.highestRecall(atPrecision: precision)?.recall == best, "at precision \(precision)")
            if let found = evaluation.highestRecall(atPrecision: precision) { #expect(found.precision! >= precision) }
        }
        #expect(evaluation.bestF1()?.f1 == sweep.compactMap(\.f1).max())
        #expect(evaluation.highestRecall(atPrecision: 1.01) == nil)
    }

    @Test func subsetsBreakTheFiguresDown() throws {
        let evaluation = try Self.evaluation("query\texpected_id\tsubset\nTachkent\tcity:tashkent\ta\nMoscou\tcity:moscow\tb\nJean Dupont\t\tb\n")
        #expect(evaluation.subsets == ["a", "b"])
        #expect(evaluation.metrics(threshold: 0.86, subset: "b").count == 2)
        #expect(evaluation.metrics(threshold: 0.86, subset: "b").negatives == 1)
    }

    @Test func reliabilityBinsHoldEveryAnswerOnce() throws {
        let evaluation = try Self.evaluation("query\texpected_id\nTachkent\tcity:tashkent\nTogayev\tperson:tokayev\nMoscou\tcity:tashkent\n")
        let bins = evaluation.reliability()
        #expect(bins.reduce(0) { $0 + $1.answers } == evaluation.outcomes.filter { $0.answeredFrom.map { $0 >= 0.5 } ?? false }.count)
        let top = try #require(bins.last)
        #expect(top.answers == 2 && top.correct == 1, "the two alias matches score 1; one has the wrong id")
    }

    @Test func worstErrorsListWrongAnswersBeforeMissedNames() throws {
        let evaluation = try Self.evaluation("query\texpected_id\nZzyzx\tcity:moscow\nMoscou\tcity:tashkent\nTachkent\tcity:tashkent\n")
        let worst = evaluation.worstErrors(threshold: 0.86, limit: 5)
        #expect(worst.map(\.query.query) == ["Moscou", "Zzyzx"])
    }

    @Test func outOfReachNamesHaveTheirEntityAmongNoCandidate() throws {
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", Self.gazetteerText)])
        let (labelled, _) = LabelledQueryReader.read(Array("""
            query\texpected_id
            Tachkent\tcity:tashkent
            Togayev\tperson:tokayev
            Moscou\tcity:tashkent
            Zzyzx\tcity:moscow
            Jean Dupont\t

            """.utf8), file: "q.tsv")
        // However few candidates the matcher reports, the evaluation looks through the nearest three.
        var options = MatchOptions()
        options.candidateCount = 0
        let evaluation = Evaluation(matcher: Matcher(gazetteer: gazetteer, options: options), queries: labelled, jobs: 1)
        #expect(evaluation.outcomes.map(\.isOutOfReach) == [false, false, true, true, false],
                "Moscou is Moscow's alias, so only Moscow is scored; Zzyzx is near nothing; an absent name is never out of reach")
        #expect(evaluation.outOfReachCount == 2)
        #expect(evaluation.outcomes[1].match.candidates.count >= 1)
    }

    @Test func namesakesAreTheNamesOnlyAPriorCanResolve() throws {
        // Two Springfields (the heavier one wins ties), a Shelbyville sharing no name.
        let tsv = """
            id\tcanonical\ttype\taliases\tcountry\tweight
            us:springfield-il\tSpringfield\tplace\t\tUS\t100
            us:springfield-ma\tSpringfield\tplace\t\tUS\t50
            us:shelbyville\tShelbyville\tplace\t\tUS\t10

            """
        let queries = """
            query\texpected_id
            Springfeld\tus:springfield-il
            Springfeild\tus:springfield-ma
            Shelbyvile\tus:shelbyville
            Sprngfield\t

            """
        let gazetteer = try Gazetteer.load([.text(name: "g.tsv", tsv)])
        let (labelled, _) = LabelledQueryReader.read(Array(queries.utf8), file: "q.tsv")
        let evaluation = Evaluation(matcher: Matcher(gazetteer: gazetteer), queries: labelled, jobs: 1)
        #expect(evaluation.outcomes.map(\.isAmongNamesakes) == [true, true, false, false], "an absent name has no namesake")
        #expect(evaluation.outcomes[0].isCorrectID && !evaluation.outcomes[1].isCorrectID, "the weight decides the tie")

        let threshold = 0.85
        let figures = evaluation.namesakes(threshold: threshold)
        #expect(figures.count == 2 && figures.right == 1 && figures.wrong == 1 && figures.unknown == 0)
        #expect(figures.positives == 3)
        // Answering them as now: 2 right of 3 answered, of 3 names → F1 2/3; abstaining: 1 of 1, of 3 → 1/2.
        #expect(abs(figures.f1Ceiling! - 2.0 / 3.0) < 1e-12)
        #expect(evaluation.metrics(threshold: threshold).f1! <= figures.f1Ceiling! + 1e-12, "no run beats its ceiling")
    }

    @Test func readerReportsABadHeaderAndExtraCellsWithTheirLocation() {
        let badHeader = LabelledQueryReader.read(Array("name\tid\nx\ty\n".utf8), file: "q.tsv")
        #expect(badHeader.issues.map(\.location.line) == [1])
        let extra = LabelledQueryReader.read(Array("# comment\nquery\texpected_id\tsubset\na\tb\tc\td\n".utf8), file: "q.tsv")
        #expect(extra.queries.isEmpty)
        #expect(extra.issues.map(\.description) == ["q.tsv:3:7: error: the row has 4 cells; at most 3 expected"])
    }
}
