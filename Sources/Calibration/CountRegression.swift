import CGSL
import Foundation
import Statistics

/// Daily counts with a log-linear mean, log μ_i = Σ_j x_ij β_j, fitted by maximum likelihood as
/// Poisson or as negative binomial with a given dispersion k (variance μ + μ²/k, the Gamma–Poisson
/// mixture of docs/MODEL.md §4); k itself is found on its profile likelihood (`InflowFit`). The
/// likelihood is minimised with GSL's BFGS; log Γ is GSL's.
///
/// The design is 0/1 indicators (weekday, period, holiday), so each observation is stored as the
/// few parameters it switches on, flat: observation i's are `columns[starts[i]..<starts[i + 1]]`.
struct CountRegression {
    let counts: [Double]
    let columns: [Int]
    let starts: [Int]
    let parameterCount: Int
    /// log y! for each count, which the likelihood needs on every evaluation.
    private let logFactorials: [Double]

    init(counts: [Double], columns: [[Int]], parameterCount: Int) {
        self.counts = counts
        self.columns = columns.flatMap { $0 }
        self.starts = columns.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        self.parameterCount = parameterCount
        self.logFactorials = counts.map { gsl_sf_lngamma($0 + 1) }
    }

    struct Fit {
        let coefficients: [Double]
        /// nil for Poisson.
        let dispersion: Double?
        let logLikelihood: Double
    }

    private func linearPredictor(_ beta: [Double], _ i: Int) -> Double {
        var eta = 0.0
        for c in starts[i]..<starts[i + 1] { eta += beta[columns[c]] }
        return eta
    }

    /// Log-likelihood and its gradient in β; Poisson when `k` is nil.
    private func logLikelihood(_ beta: [Double], k: Double?) -> (value: Double, gradient: [Double]) {
        var value = 0.0
        var gradient = [Double](repeating: 0, count: parameterCount)
        // Local copies: the loop reads them without going through `self` on every access.
        let (counts, columns, starts, logFactorials) = (self.counts, self.columns, self.starts, self.logFactorials)
        for i in 0..<counts.count {
            var eta = 0.0
            for c in starts[i]..<starts[i + 1] { eta += beta[columns[c]] }
            let y = counts[i], mu = exp(eta)
            let score: Double
            if let k {
                value += gsl_sf_lnpoch(k, y) - logFactorials[i] + k * log(k / (k + mu)) + y * log(mu / (k + mu))
                score = k * (y - mu) / (k + mu)
            } else {
                value += y * eta - mu - logFactorials[i]
                score = y - mu
            }
            for c in starts[i]..<starts[i + 1] { gradient[columns[c]] += score }
        }
        return (value, gradient)
    }

    /// The moment estimate of 1/k at the coefficients `beta`: Σ((y − μ)² − y) / Σ μ², the excess
    /// of the variance over the Poisson mean (Cameron and Trivedi). When it is ≤ 0 the likelihood
    /// rises towards k = ∞ from the start, and the maximum is the Poisson fit.
    func momentInverseDispersion(_ beta: [Double]) -> Double {
        var excess = 0.0, squares = 0.0
        for i in 0..<counts.count {
            let mu = exp(linearPredictor(beta, i))
            excess += (counts[i] - mu) * (counts[i] - mu) - counts[i]
            squares += mu * mu
        }
        return excess / squares
    }

    /// The maximum-likelihood coefficients: Poisson when `dispersion` is nil, negative binomial
    /// with k = `dispersion` otherwise (a point of k's profile likelihood).
    func fit(start: [Double], dispersion k: Double?) throws(GSLError) -> Fit {
        let tolerance = 1e-6 * Double(max(counts.count, 1))
        let beta = try GSLNumerics.minimize(start: start, gradientTolerance: tolerance) { b in
            let l = logLikelihood(b, k: k)
            return (-l.value, l.gradient.map { -$0 })
        }
        return Fit(coefficients: beta, dispersion: k, logLikelihood: logLikelihood(beta, k: k).value)
    }

    /// The covariance of β̂ from the expected (Fisher) information Σ x xᵀ μ k/(k + μ), which for
    /// the negative binomial is orthogonal to k's, so k need not be in the matrix.
    func covariance(_ fit: Fit) throws(GSLError) -> [Double] {
        try GSLNumerics.inverse(information(fit), n: parameterCount)
    }

    /// ½ log det of the information, which the Cox–Reid adjustment subtracts from the profile
    /// log-likelihood of k: the plain profile treats β̂ as known and so understates the variance,
    /// making k̂ too large and its interval too short when β has many parameters.
    func coxReidPenalty(_ fit: Fit) throws(GSLError) -> Double {
        0.5 * (try GSLNumerics.logDeterminant(information(fit), n: parameterCount))
    }

    private func information(_ fit: Fit) -> [Double] {
        let p = parameterCount
        var information = [Double](repeating: 0, count: p * p)
        for i in 0..<counts.count {
            let mu = exp(linearPredictor(fit.coefficients, i))
            let w = fit.dispersion.map { mu * $0 / ($0 + mu) } ?? mu
            for a in starts[i]..<starts[i + 1] {
                for b in starts[i]..<starts[i + 1] { information[columns[a] * p + columns[b]] += w }
            }
        }
        return information
    }
}
