import CGSL
import Foundation

/// The negative binomial's dispersion k on its profile likelihood: at each k the coefficients are
/// refitted (`CountRegression.fit(start:dispersion:)`), giving the plain profile ℓ_p(k) and the
/// Cox–Reid adjusted one, ℓ_p(k) − ½ log det I_β(k).
///
/// The plain maximum is the likelihood-ratio test's alternative; k's estimate and interval come
/// from the adjusted profile, whose maximum is less biased when β has a dozen parameters for a few
/// months of days. Both are searched on log k from a grid over GSL's dispersion range, then refined
/// with Brent's method (`gsl_min_fminimizer_brent`, `gsl_root_fsolver_brent`).
struct DispersionProfile {
    let regression: CountRegression
    let start: [Double]
    let maximumLogLikelihood: Double
    private let grid: [(logK: Double, plain: Double, adjusted: Double)]

    static let lowest = log(0.001), highest = log(1_000_000.0)

    init(_ regression: CountRegression, start: [Double]) throws {
        self.regression = regression
        self.start = start
        let step = (Self.highest - Self.lowest) / 12
        grid = try stride(from: Self.lowest, through: Self.highest + step / 2, by: step).map { logK in
            let fit = try regression.fit(start: start, dispersion: exp(logK))
            return (logK, fit.logLikelihood, fit.logLikelihood - (try regression.coxReidPenalty(fit)))
        }
        let plain = { (logK: Double) in (try? regression.fit(start: start, dispersion: exp(logK)).logLikelihood) ?? -.greatestFiniteMagnitude }
        maximumLogLikelihood = plain(try Self.maximize(grid.map { ($0.logK, $0.plain) }, plain))
    }

    private func adjusted(_ logK: Double) -> Double {
        guard let fit = try? regression.fit(start: start, dispersion: exp(logK)), let penalty = try? regression.coxReidPenalty(fit) else {
            return -.greatestFiniteMagnitude
        }
        return fit.logLikelihood - penalty
    }

    /// The log k of the largest value: the best grid point refined between its neighbours.
    private static func maximize(_ points: [(Double, Double)], _ f: @escaping (Double) -> Double) throws -> Double {
        let best = points.indices.max { points[$0].1 < points[$1].1 }!
        guard best > 0 && best < points.count - 1 else { return points[best].0 }
        return try GSLNumerics.minimum(in: points[best - 1].0, points[best + 1].0, guess: points[best].0) { -f($0) }
    }

    /// k at the adjusted profile's maximum, and the 95% interval where it stays within χ²(1, 0.95)/2.
    func adjustedEstimate(pValue: Double) throws -> Estimate {
        let logK = try Self.maximize(grid.map { ($0.logK, $0.adjusted) }, adjusted)
        let target = adjusted(logK) - (try Quantile.chiSquared(0.95, degreesOfFreedom: 1).get()) / 2
        let low = adjusted(Self.lowest) < target ? exp(try GSLNumerics.root(in: Self.lowest, logK, tolerance: 1e-3) { adjusted($0) - target }) : exp(Self.lowest)
        let high = adjusted(Self.highest) < target ? exp(try GSLNumerics.root(in: logK, Self.highest, tolerance: 1e-3) { adjusted($0) - target }) : exp(Self.highest)
        return Estimate(
            value: exp(logK), low: low, high: high,
            method: "maximum of the negative binomial's Cox–Reid adjusted profile likelihood (likelihood-ratio test against Poisson: p = \(InflowFit.pValueText(pValue))); adjusted profile-likelihood interval")
    }
}
