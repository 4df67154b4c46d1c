import CGSL
import Foundation
import Statistics

/// How much group totals (4-week periods of inflow, years of sickness) vary beyond the noise the
/// day-level model explains: the coefficient of variation c of a Gamma factor with mean 1 that
/// multiplies each group's expected total (demand_cv, severity_cv).
///
/// The Q-profile method: with E_j the expected total of group j, V_j the variance the model
/// explains and O_j the observed total, Q(c) = Σ (O_j − E_j)² / (V_j + c² E_j²) is approximately
/// χ² with J − p degrees of freedom (p parameters fitted to the totals: 1 for a level; more with
/// a trend or month factors, which absorb part of the spread), and falls as c grows. The estimate is
/// the c at which Q equals J − p (0 when Q(0) is already below), and the 95% interval the c at which
/// Q equals the 97.5% and 2.5% quantiles of that χ² (`Quantile.chiSquared`; Brent's method
/// for the roots). A quantile that cannot be computed leaves its bound absent.
enum ExtraVariation {
    static let largest = 10.0

    static func estimate(observed: [Double], expected: [Double], modelVariance: [Double], fitted: Double = 1) throws(GSLError) -> (value: Double, low: Result<Double, QuantileError>, high: Result<Double, QuantileError>)? {
        let groups = observed.count
        guard groups >= 2 else { return nil }
        func q(_ c: Double) -> Double {
            (0..<groups).reduce(0) { sum, j in
                sum + pow(observed[j] - expected[j], 2) / (modelVariance[j] + c * c * expected[j] * expected[j])
            }
        }
        let df = max(1, Double(groups) - fitted)
        func solve(_ target: Double) throws(GSLError) -> Double {
            guard q(0) > target else { return 0 }
            guard q(largest) < target else { return largest }
            return try GSLNumerics.root(in: 0, largest, tolerance: 1e-6) { q($0) - target }
        }
        let value = try solve(df)
        let low = try Quantile.chiSquared(0.975, degreesOfFreedom: df).tryMap(solve)
        let high = try Quantile.chiSquared(0.025, degreesOfFreedom: df).tryMap(solve)
        return (value, low, high)
    }
}
