import Foundation

/// Month-of-year factors from a year or more of daily counts, shrunk toward 1.
///
/// For each calendar month m, O_m is its observed total and E_m its expected total without a
/// season (the trend when written, else the base, times the weekday and holiday factors). The raw
/// factor r_m = O_m / E_m, rescaled so that the season moves no cases over the range. Its log has
/// standard error s_m ≈ √(1/E_m + c² · 28/days_m) (Poisson noise, and the demand shocks, CV c, of
/// the days_m/28 four-week periods the month's days span). The factors are shrunk toward 1 by empirical Bayes: with
/// τ² = max(0, mean(log r_m²) − mean(s_m²)) the spread of the true log factors, each log factor
/// becomes τ²/(τ² + s_m²) × log r_m with posterior standard deviation √(τ² s_m² / (τ² + s_m²)),
/// the 95% interval ±1.96 of that on the log scale. With no more spread than the noise, τ² = 0 and
/// every factor is 1.
public struct SeasonFit: Sendable {
    /// By month, 1 = January; months with no day in the range are absent.
    public let factors: [Int: Estimate]
    /// Σ τ²/(τ² + s_m²): how many parameters the shrunk factors amount to (the trace of the
    /// shrinkage), which the demand shocks measured around them must not count as spread.
    public let effectiveParameters: Double

    /// A season needs every month of the year at least once.
    public static let minimumDays = 365

    /// `expected[i]` each day's expected count without a season; `cv` the demand shock CV.
    init(counts: [Int], expected: [Double], months: [Int], cv: Double, z: Double) {
        var observed = [Int: Double](), expectedTotals = [Int: Double](), days = [Int: Double]()
        for (i, month) in months.enumerated() {
            observed[month, default: 0] += Double(counts[i])
            expectedTotals[month, default: 0] += expected[i]
            days[month, default: 0] += 1
        }
        let scale = observed.values.reduce(0, +) / expectedTotals.values.reduce(0, +)
        let present = expectedTotals.keys.sorted().filter { expectedTotals[$0]! > 0 && observed[$0]! > 0 }
        let logs = present.map { log(observed[$0]! / (expectedTotals[$0]! * scale)) }
        // A month spans days/28 four-week periods, each with its own shock.
        let variances = present.map { 1 / (expectedTotals[$0]! * scale) + cv * cv * 28 / days[$0]! }
        let tau2 = max(0, logs.map { $0 * $0 }.reduce(0, +) / Double(max(1, logs.count)) - variances.reduce(0, +) / Double(max(1, variances.count)))
        var factors = [Int: Estimate]()
        var effective = 0.0
        for (j, month) in present.enumerated() {
            let weight = tau2 / (tau2 + variances[j])
            effective += weight
            let center = weight * logs[j], half = z * (tau2 * variances[j] / (tau2 + variances[j])).squareRoot()
            factors[month] = Estimate(
                value: exp(center), low: exp(center - half), high: exp(center + half),
                method: "the month's cases over those expected without a season, shrunk toward 1 by its standard error (empirical Bayes across the months); interval on the log scale from the posterior")
        }
        self.factors = factors
        effectiveParameters = effective
    }
}
