import CGSL
import Foundation
import Simulation

/// Daily counts with a log-linear mean, log μ_i = Σ_j x_ij β_j, fitted by maximum likelihood as
/// Poisson or as negative binomial with dispersion k (variance μ + μ²/k, the Gamma–Poisson mixture
/// of docs/MODEL.md §4). The likelihood is minimised with GSL's BFGS; log Γ and ψ are GSL's.
///
/// The design is 0/1 indicators (weekday, period, holiday), so each observation is stored as the
/// few parameters it switches on.
struct CountRegression {
    let counts: [Double]
    /// The parameters in each observation's linear predictor (their coefficients sum to log μ_i).
    let columns: [[Int]]
    let parameterCount: Int

    struct Fit {
        let coefficients: [Double]
        /// nil for Poisson.
        let dispersion: Double?
        let logLikelihood: Double
    }

    private var observations: Int { counts.count }

    private func linearPredictor(_ beta: [Double]) -> [Double] {
        columns.map { row in row.reduce(0) { $0 + beta[$1] } }
    }

    /// Log-likelihood and its gradient in (β, log k); Poisson when `logK` is nil.
    private func logLikelihood(_ beta: [Double], logK: Double?) -> (value: Double, gradient: [Double], dLogK: Double) {
        let eta = linearPredictor(beta)
        var value = 0.0, dLogK = 0.0
        var gradient = [Double](repeating: 0, count: parameterCount)
        for i in 0..<observations {
            let y = counts[i], mu = exp(eta[i])
            let score: Double
            if let logK {
                let k = exp(logK)
                value += gsl_sf_lnpoch(k, y) - gsl_sf_lngamma(y + 1) + k * log(k / (k + mu)) + y * log(mu / (k + mu))
                score = k * (y - mu) / (k + mu)
                dLogK += k * (gsl_sf_psi(y + k) - gsl_sf_psi(k) + log(k / (k + mu)) + 1 - (y + k) / (k + mu))
            } else {
                value += y * eta[i] - mu - gsl_sf_lngamma(y + 1)
                score = y - mu
            }
            for j in columns[i] { gradient[j] += score }
        }
        return (value, gradient, dLogK)
    }

    /// The moment estimate of 1/k at the coefficients `beta`: Σ((y − μ)² − y) / Σ μ², the excess
    /// of the variance over the Poisson mean (Cameron and Trivedi). When it is ≤ 0 the likelihood
    /// rises towards k = ∞ from the start, and the maximum is the Poisson fit.
    func momentInverseDispersion(_ beta: [Double]) -> Double {
        let mu = linearPredictor(beta).map { exp($0) }
        let excess = zip(counts, mu).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) - $1.0 }
        return excess / mu.reduce(0) { $0 + $1 * $1 }
    }

    /// The maximum-likelihood fit. `dispersion`: nil fits Poisson; `.some(nil)` fits k too;
    /// `.some(k)` holds k fixed (the profile likelihood of k).
    func fit(start: [Double], dispersion: Double??, startDispersion: Double = 10) throws(GSLError) -> Fit {
        let tolerance = 1e-6 * Double(max(observations, 1))
        switch dispersion {
        case nil:
            let beta = try GSLNumerics.minimize(start: start, gradientTolerance: tolerance) { b in
                let l = logLikelihood(b, logK: nil)
                return (-l.value, l.gradient.map { -$0 })
            }
            return Fit(coefficients: beta, dispersion: nil, logLikelihood: logLikelihood(beta, logK: nil).value)
        case .some(nil):
            let p = parameterCount
            let x = try GSLNumerics.minimize(start: start + [log(startDispersion)], gradientTolerance: tolerance) { v in
                let l = logLikelihood(Array(v[0..<p]), logK: v[p])
                return (-l.value, l.gradient.map { -$0 } + [-l.dLogK])
            }
            let beta = Array(x[0..<p])
            return Fit(coefficients: beta, dispersion: exp(x[p]), logLikelihood: logLikelihood(beta, logK: x[p]).value)
        case .some(let k?):
            let beta = try GSLNumerics.minimize(start: start, gradientTolerance: tolerance) { b in
                let l = logLikelihood(b, logK: log(k))
                return (-l.value, l.gradient.map { -$0 })
            }
            return Fit(coefficients: beta, dispersion: k, logLikelihood: logLikelihood(beta, logK: log(k)).value)
        }
    }

    /// The covariance of β̂ from the expected (Fisher) information Σ x xᵀ μ k/(k + μ), which for
    /// the negative binomial is orthogonal to k's, so k need not be in the matrix.
    func covariance(_ fit: Fit) throws(GSLError) -> [Double] {
        let eta = linearPredictor(fit.coefficients)
        let p = parameterCount
        var information = [Double](repeating: 0, count: p * p)
        for i in 0..<observations {
            let mu = exp(eta[i])
            let w = fit.dispersion.map { mu * $0 / ($0 + mu) } ?? mu
            for a in columns[i] { for b in columns[i] { information[a * p + b] += w } }
        }
        return try GSLNumerics.inverse(information, n: p)
    }

    /// The fitted means μ_i.
    func means(_ fit: Fit) -> [Double] { linearPredictor(fit.coefficients).map { exp($0) } }
}
