import Foundation

/// Fits a logistic regression by Newton's method (iteratively reweighted least squares) with a
/// small ridge penalty on the weights: a handful of features and thousands of rows, so each
/// step is one small linear solve, and the penalty keeps separable data from diverging.
/// Features are centred and scaled as in the training rows before they are weighed.
struct LogisticRegression: Sendable, Hashable, Codable {
    let means: [Double]
    let scales: [Double]
    let weights: [Double]
    let bias: Double
}

extension LogisticRegression {
    /// - Parameters:
    ///   - rows: one feature vector per example, all of the same length.
    ///   - labels: whether each example is a positive.
    ///   - ridge: the penalty on the squared (standardised) weights; the bias is not penalised.
    init(rows: [[Double]], labels: [Bool], ridge: Double = 1, iterations: Int = 50) {
        let width = rows.first?.count ?? 0, count = Double(max(rows.count, 1))
        let means = (0..<width).map { k in rows.reduce(0) { $0 + $1[k] } / count }
        let centred = rows.map { row in (0..<width).map { row[$0] - means[$0] } }
        // A constant feature keeps scale 1 (its weight stays 0).
        let scales = (0..<width).map { k in
            let deviation = (centred.reduce(0) { $0 + $1[k] * $1[k] } / count).squareRoot()
            return deviation > 1e-12 ? deviation : 1
        }
        let standardised = centred.map { row in (0..<width).map { row[$0] / scales[$0] } }
        // Parameters: weights[0..<width], then the bias.
        var beta = [Double](repeating: 0, count: width + 1)
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: width + 1)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: width + 1), count: width + 1)
            for (row, label) in zip(standardised, labels) {
                let x = row + [1]
                let p = Self.sigmoid(zip(x, beta).reduce(0) { $0 + $1.0 * $1.1 })
                let residual = (label ? 1 : 0) - p, curvature = Swift.max(p * (1 - p), 1e-12)
                for a in 0...width {
                    gradient[a] += residual * x[a]
                    for b in 0...width { hessian[a][b] += curvature * x[a] * x[b] }
                }
            }
            for k in 0..<width {
                gradient[k] -= ridge * beta[k]
                hessian[k][k] += ridge
            }
            guard let step = Self.solve(hessian, gradient) else { break }
            beta = zip(beta, step).map { $0 + $1 }
            if step.map(abs).max() ?? 0 < 1e-9 { break }
        }
        self.means = means
        self.scales = scales
        weights = Array(beta[0..<width])
        bias = beta[width]
    }

    func probability(_ row: [Double]) -> Double {
        var logit = bias
        for k in row.indices { logit += weights[k] * (row[k] - means[k]) / scales[k] }
        return Self.sigmoid(logit)
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// Solves `matrix · x = vector` by Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
        let n = vector.count
        var a = matrix, b = vector
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }), abs(a[pivot][column]) > 1e-12 else { return nil }
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = a[row][column] / a[column][column]
                guard factor != 0 else { continue }
                for k in column..<n { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            let known = ((row + 1)..<n).reduce(0) { $0 + a[row][$1] * x[$1] }
            x[row] = (b[row] - known) / a[row][row]
        }
        return x
    }
}
