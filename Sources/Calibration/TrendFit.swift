import CGSL
import Foundation

/// A log-linear trend in demand, fitted where the demand shocks live: on the 4-week periods'
/// totals, each negative binomial around its expected total (docs/MODEL.md §4: a period's total is
/// Poisson given its Gamma demand shock D with CV c, so it is negative binomial with size 1/c²).
///
/// The mean of period j is exp(a + β t_i) summed over its days' unit means U_i (weekday and
/// holiday factors, base 1), t_i in years from the reference date (the last day of the history),
/// so exp(a) is the base on the reference date. The fit maximises the likelihood over (a, β, c)
/// with BFGS; the null model fixes β = 0. The shocks are in the likelihood, so a run of high
/// periods from one shock does not pass for a trend: the likelihood-ratio statistic is referred to
/// F(1, J − 3) for J periods, and β's 95% Wald interval (Student's t, J − 3 degrees of freedom)
/// comes from the observed information (a numeric Hessian).
public struct TrendFit: Sendable {
    /// Relative growth a year, e^β − 1, with its interval.
    public let perYear: Estimate
    /// e^a: the mean of an ordinary day on the reference date, with its interval.
    public let baseAtReference: Estimate
    /// The likelihood-ratio test's p-value against no trend.
    public let pValue: Double
    /// Demand shock CV fitted with the trend.
    public let demandCV: Double
    /// Each period's expected total under the trend.
    public let expected: [Double]

    /// Half a year of history, the least a trend is fitted from: fewer 4-week periods cannot tell
    /// a trend from two or three demand shocks.
    public static let minimumDays = 182

    /// `observed[j]` the periods' totals; `unitMeans[j]` and `years[j]` their days' unit means and
    /// times (years from the reference date).
    public init(observed: [Double], unitMeans: [[Double]], years: [[Double]]) throws {
        let periods = observed.count
        func sums(_ beta: Double, _ j: Int) -> (s: Double, s1: Double) {
            var s = 0.0, s1 = 0.0
            for (u, t) in zip(unitMeans[j], years[j]) { let w = u * exp(beta * t); s += w; s1 += w * t }
            return (s, s1)
        }
        /// Negative log-likelihood and gradient at (a, β, log c); `trend` false fixes β = 0.
        func objective(_ x: [Double], trend: Bool) -> (value: Double, gradient: [Double]) {
            let a = x[0], beta = trend ? x[1] : 0, s = x[trend ? 2 : 1]
            let c2 = Self.smallestCV * Self.smallestCV + exp(2 * s), r = 1 / c2
            var value = 0.0, ga = 0.0, gb = 0.0, gr = 0.0
            for j in 0..<periods {
                let (sj, s1j) = sums(beta, j)
                let mu = exp(a) * sj, y = observed[j]
                value -= lgamma(y + r) - lgamma(r) - lgamma(y + 1) + r * log(r / (r + mu)) + y * log(mu / (r + mu))
                let dmu = y / mu - (y + r) / (r + mu)
                ga -= dmu * mu
                gb -= dmu * exp(a) * s1j
                gr -= gsl_sf_psi(y + r) - gsl_sf_psi(r) + log(r / (r + mu)) + 1 - (y + r) / (r + mu)
            }
            let gs = gr * (-r * r) * 2 * exp(2 * s)
            return (value, trend ? [ga, gb, gs] : [ga, gs])
        }
        let totalUnit = (0..<periods).reduce(0.0) { $0 + sums(0, $1).s }
        let a0 = log(observed.reduce(0, +) / totalUnit)
        let null = try GSLNumerics.minimize(start: [a0, log(0.1)], gradientTolerance: 1e-7) { objective($0, trend: false) }
        let full = try GSLNumerics.minimize(start: [null[0], 0, null[1]], gradientTolerance: 1e-7) { objective($0, trend: true) }
        // With the shocks' CV estimated from a dozen periods, χ²(1) and the normal quantile are too
        // bold (c is underestimated): the statistic is referred to F(1, J − 3) and the interval
        // takes Student's t with J − 3 degrees of freedom, as for a regression with estimated scale.
        let df = Double(periods - 3)
        let statistic = max(0, 2 * (objective(null, trend: false).value - objective(full, trend: true).value))
        pValue = gsl_cdf_fdist_Q(statistic, 1, df)

        // Observed information by central differences of the analytic gradient.
        var hessian = [Double](repeating: 0, count: 9)
        for k in 0..<3 {
            let h = 1e-5 * max(1, abs(full[k]))
            var up = full, down = full
            up[k] += h
            down[k] -= h
            let (gu, gd) = (objective(up, trend: true).gradient, objective(down, trend: true).gradient)
            for i in 0..<3 { hessian[i * 3 + k] = (gu[i] - gd[i]) / (2 * h) }
        }
        for i in 0..<3 { for k in 0..<i { let m = (hessian[i * 3 + k] + hessian[k * 3 + i]) / 2; (hessian[i * 3 + k], hessian[k * 3 + i]) = (m, m) } }
        let covariance = try GSLNumerics.inverse(hessian, n: 3)
        let z = try Quantile.studentT(0.975, degreesOfFreedom: df).get()
        let (a, beta) = (full[0], full[1])
        let (halfA, halfB) = (z * covariance[0].squareRoot(), z * covariance[4].squareRoot())
        perYear = Estimate(
            value: exp(beta) - 1, low: exp(beta - halfB) - 1, high: exp(beta + halfB) - 1,
            method: "maximum likelihood of a log-linear trend on the 4-week periods' totals, each negative binomial for its demand shock; Wald interval (Student's t) on the log scale from the observed information")
        baseAtReference = Estimate(
            value: exp(a), low: exp(a - halfA), high: exp(a + halfA),
            method: "the trend's level on the last day of the history (trend_reference), in the same fit; Wald interval on the log scale")
        demandCV = (Self.smallestCV * Self.smallestCV + exp(2 * full[2])).squareRoot()
        expected = (0..<periods).map { exp(a) * sums(beta, $0).s }
    }

    /// The demand CV's floor in the likelihood: at 0 the negative binomial is Poisson, which the
    /// parameterisation reaches only in the limit.
    static let smallestCV = 0.001
}
