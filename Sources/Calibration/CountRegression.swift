import CGSL
import Foundation
import Simulation

/// Daily counts with a log-linear mean, log μ_i = Σ_j x_ij β_j, fitted by maximum likelihood as
/// Poisson or as negative binomial with dispersion k (variance μ + μ²/k, the Gamma–Poisson mixture
/// of docs/MODEL.md §4). The likelihood is minimised with GSL's BFGS; log Γ and ψ are GSL's.
struct CountRegression {
    let counts: [Double]
    /// Row-major design: `design[i * parameterCount + j]`.
    let design: [Double]
    let parameterCount: Int

    struct Fit {
        let coefficients: [Double]
        /// nil for Poisson.
        let dispersion: Double?
        let logLikelihood: Double
    }

    private var observations: Int { counts.count }

    private func linearPredictor(_ beta: [Double]) -> [Double] {
        (0..<observations).map { i in
            var eta = 0.0
            for j in 0..<parameterCount { eta += design[i * parameterCount + j] * beta[j] }
            return eta
        }
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
            for j in 0..<parameterCount { gradient[j] += score * design[i * parameterCount + j] }
        }
        return (value, gradient, dLogK)
    }

    /// The maximum-likelihood fit. `dispersion`: nil fits Poisson; `.some(nil)` fits k too;
    /// `.some(k)` holds k fixed (the profile likelihood of k).
    func fit(start: [Double], dispersion: Double??) throws(GSLError) -> Fit {
        let tolerance = 1e-6 * Double(max(observations, 1))
        switch dispersion {
        case nil:
            let beta = try GSLNumerics.minimize(start: start, gradientTolerance: tolerance) { b in
                let l = logLikelihood(b, logK: nil)
                return (-l.value, l.gradient.map { -$0 })
            }
            return Fit(coefficients: beta, dispersion: nil, logLikelihood: logLikelihood(beta, logK: nil).value)
        case .some(nil):
            // Start k from the moments: the excess of the variance over the Poisson mean.
            let p = parameterCount
            let x = try GSLNumerics.minimize(start: start + [log(10.0)], gradientTolerance: tolerance) { v in
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
            for a in 0..<p where design[i * p + a] != 0 {
                for b in 0..<p where design[i * p + b] != 0 {
                    information[a * p + b] += w * design[i * p + a] * design[i * p + b]
                }
            }
        }
        return try GSLNumerics.inverse(information, n: p)
    }

    /// The fitted means μ_i.
    func means(_ fit: Fit) -> [Double] { linearPredictor(fit.coefficients).map { exp($0) } }
}
