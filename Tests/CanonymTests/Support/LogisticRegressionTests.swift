import CanonymTestSupport
import Foundation
import Testing
@testable import Canonym

@Suite struct LogisticRegressionTests {
    @Test func recoversTheModelTheDataWasDrawnFrom() {
        // y ~ Bernoulli(σ(2·a − b + 0.5)), a and b uniform on [-2, 2].
        var random = SeededGenerator(seed: 42)
        var rows: [[Double]] = [], labels: [Bool] = []
        for _ in 0..<6000 {
            let a = random.nextUnit() * 4 - 2, b = random.nextUnit() * 4 - 2
            rows.append([a, b])
            labels.append(random.nextUnit() < LogisticRegression.sigmoid(2 * a - b + 0.5))
        }
        let fit = LogisticRegression(rows: rows, labels: labels, ridge: 0.01)
        // Back on the features' own scale: weight / scale, and the bias less the centring.
        let a = fit.weights[0] / fit.scales[0], b = fit.weights[1] / fit.scales[1]
        let bias = fit.bias - a * fit.means[0] - b * fit.means[1]
        #expect(abs(a - 2) < 0.2, "\(a)")
        #expect(abs(b + 1) < 0.15, "\(b)")
        #expect(abs(bias - 0.5) < 0.15, "\(bias)")
        #expect(abs(fit.probability([1, 0.5]) - LogisticRegression.sigmoid(2 - 0.5 + 0.5)) < 0.03)
    }

    @Test func aConstantFeatureKeepsScaleOneAndNoWeight() {
        let rows = (0..<200).map { [Double($0 % 7), 3] }
        let labels = (0..<200).map { $0 % 7 > 3 }
        let fit = LogisticRegression(rows: rows, labels: labels)
        #expect(fit.scales[1] == 1)
        #expect(abs(fit.weights[1]) < 1e-9)
        #expect(fit.weights[0] > 0)
        #expect(fit.probability([6, 3]) > 0.9 && fit.probability([0, 3]) < 0.1)
    }

    @Test func separableDataStaysFinite() {
        // Without the ridge penalty the weights of perfectly separated data grow without bound.
        let fit = LogisticRegression(rows: (0..<100).map { [Double($0)] }, labels: (0..<100).map { $0 >= 50 })
        #expect(fit.weights.allSatisfy(\.isFinite) && fit.bias.isFinite)
        #expect(fit.probability([99]) > 0.95 && fit.probability([0]) < 0.05)
    }

    @Test func solvesLinearSystemsAndRefusesSingularOnes() throws {
        let x = try #require(LogisticRegression.solve([[0, 2, 1], [1, 1, 1], [2, 1, 3]], [7, 6, 13]))
        for (value, expected) in zip(x, [1.0, 2, 3]) { #expect(abs(value - expected) < 1e-9) }
        #expect(LogisticRegression.solve([[1, 2], [2, 4]], [1, 2]) == nil)
    }
}
