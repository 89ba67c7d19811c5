import Foundation

/// How likely a fuzzy match names the right entity: a logistic model over what the decision
/// can see (the best score, how close other entities and the entity's other names came, the
/// query's length, whether the entity's own name matched, how many names the entity has),
/// learned from the gazetteer itself by
/// ``Calibration``.
///
/// Scores are similarities: on real alternate names a fuzzy score of 0.85–0.90 is right about
/// a third of the time. A confidence is a probability: of the held-out names given 0.7, about
/// seven in ten were right. With a model in ``MatchOptions/confidenceModel``, a fuzzy match is
/// accepted when its confidence reaches ``MatchOptions/minimumConfidence`` instead of by
/// threshold and lead.
public struct ConfidenceModel: Sendable, Hashable, Codable {
    /// The layout of a saved model; a file of another layout is refused.
    public static let currentFormat = 1
    /// What each weight multiplies, in order (saved with the model, checked when read).
    public static let featureNames = [
        "best score", "next entity's score", "entities within 0.05 of the best",
        "query letters", "query words", "the entity's own name matched",
        "best score squared", "lead squared",
        "query in Cyrillic", "query with other non-ASCII characters", "query without capitals",
        "matched name in Cyrillic", "matched name without capitals",
        "the entity's other names' best score", "the entity's names (log2)",
    ]
    /// The candidates the features read: the best this many scores.
    static let consideredCandidates = 6
    /// Another entity this close to the best counts as a near rival.
    static let rivalDistance = 0.05

    public let format: Int
    public let features: [String]
    let regression: LogisticRegression
    /// Where the model was learned, for the record: the gazetteer and its held-out names.
    public let provenance: Provenance

    public struct Provenance: Sendable, Hashable, Codable {
        public let entities: Int
        public let names: Int
        /// Held-out aliases of kept entities (the right answer is that entity).
        public let heldOutAliases: Int
        /// Names of entities left out altogether (the right answer is unknown).
        public let absentNames: Int
        public let seed: UInt64
    }

    init(regression: LogisticRegression, provenance: Provenance) {
        format = Self.currentFormat
        features = Self.featureNames
        self.regression = regression
        self.provenance = provenance
    }

    /// The probability that the best of `candidates` is the right entity for a query folded as `form`.
    public func confidence(query form: NameForm, candidates: [Candidate]) -> Double {
        confidence(features: Self.features(query: form, candidates: candidates))
    }

    func confidence(features values: [Double]) -> Double { regression.probability(values) }

    /// The features of a decision, in ``featureNames`` order. Read from scores, not from the
    /// candidates' order, so a reordering for display cannot change them.
    static func features(query form: NameForm, candidates: [Candidate]) -> [Double] {
        let scores = candidates.map(\.score).sorted(by: >).prefix(consideredCandidates)
        let best = scores.first ?? 0
        let next = scores.dropFirst().first ?? 0
        let rivals = scores.dropFirst().filter { best - $0 <= rivalDistance }.count
        // Among equal best scores the entity's own name wins the tie (`Candidate.isLessLikely`).
        let ownName = candidates.contains { $0.score == best && $0.matchedNameIsCanonical }
        let letters = form.tokens.reduce(0) { $0 + $1.utf8.count }
        // What kind of name each side is: a score means less between machine romanisations
        // (*shhrk qds*, *pu luo ta la si*, written without capitals) or across scripts than
        // between names as people write them. The matched name is the one the decision reports.
        let reported = candidates.filter { $0.score == best }.max(by: Candidate.isLessLikely)
        let query = TextKind(form.display), name = TextKind(reported?.matchedName ?? "")
        // A right entity's other spellings tend to come close too (*Tachkent* near *Tashkent*
        // and *Taschkent*); a wrong one is often near in one name only.
        let otherNames = reported?.otherNameScore ?? 0
        // An entity with many names is named often: a prior that the scores cannot see.
        let names = log2(Double(1 + (reported?.entity.aliases.count ?? 0)))
        return [best, next, Double(rivals), Double(letters), Double(form.tokens.count), ownName ? 1 : 0,
                best * best, (best - next) * (best - next),
                query.hasCyrillic ? 1 : 0, query.hasOtherNonASCII ? 1 : 0, query.hasCapitals ? 0 : 1,
                name.hasCyrillic ? 1 : 0, name.hasCapitals ? 0 : 1,
                otherNames, names]
    }

    /// The scripts and case of a name's characters, as features read them.
    private struct TextKind {
        var hasCyrillic = false, hasOtherNonASCII = false, hasCapitals = false

        init(_ text: String) {
            for scalar in text.unicodeScalars {
                if scalar.isASCII {
                    hasCapitals = hasCapitals || (scalar.value >= 0x41 && scalar.value <= 0x5A)
                    continue
                }
                if (0x400...0x52F).contains(scalar.value) { hasCyrillic = true } else { hasOtherNonASCII = true }
                hasCapitals = hasCapitals || scalar.properties.isUppercase
            }
        }
    }

    /// The model saved as JSON (keys sorted, so the same model is the same bytes).
    public func encoded() -> Data { SortedJSON.encode(self) }

    /// Reads a saved model; the error says what is wrong with the file.
    public static func decode(_ data: Data) throws(ConfidenceModelError) -> ConfidenceModel {
        let model: ConfidenceModel
        do { model = try JSONDecoder().decode(ConfidenceModel.self, from: data) } catch {
            throw ConfidenceModelError(reason: Self.describe(error))
        }
        guard model.format == currentFormat else {
            throw ConfidenceModelError(reason: "format \(model.format), this Canonym reads format \(currentFormat): calibrate again")
        }
        guard model.features == featureNames else {
            throw ConfidenceModelError(reason: "its features (\(model.features.joined(separator: ", "))) are not this Canonym's: calibrate again")
        }
        let count = featureNames.count, regression = model.regression
        guard regression.means.count == count, regression.scales.count == count, regression.weights.count == count else {
            throw ConfidenceModelError(reason: "it needs \(count) means, scales and weights")
        }
        guard (regression.means + regression.weights + [regression.bias]).allSatisfy(\.isFinite),
              regression.scales.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw ConfidenceModelError(reason: "its numbers must be finite and its scales above 0")
        }
        return model
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "not valid JSON" + (detail.map { ": \($0)" } ?? "")
        case DecodingError.keyNotFound(let key, let context):
            return "no \"\(key.stringValue)\"" + path(context)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription.prefix(1).lowercased())\(context.debugDescription.dropFirst())" + path(context)
        default:
            return String(describing: error)
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty ? "" : " at \(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "."))"
    }
}

/// Why a saved confidence model could not be read.
public struct ConfidenceModelError: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
