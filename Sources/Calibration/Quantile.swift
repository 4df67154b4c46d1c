import CGSL
import OutputFormats
import Statistics

/// Quantiles of the distributions the intervals use, checked: the one place that asks GSL for an
/// inverse CDF.
///
/// GSL 2.7's `gsl_cdf_chisq_Pinv` (and the `gsl_cdf_gamma_Pinv` under it) returns NaN for
/// thousands of degrees of freedom (at P = 0.975 first at 2,320, then 4,502, 4,504, …; at
/// P = 0.025 at 3,109, 3,239, 3,472, …) and answers others only to 1e-8. So every answer is
/// verified: it must be finite, and GSL's CDF at it must give back P to within `tolerance` of the
/// smaller tail (`gsl_cdf_*_P` below the median, `gsl_cdf_*_Q` above, where the other would lose
/// digits to 1 − P). Otherwise the quantile is solved on that CDF: bracketed by stepping out from
/// the centre in doubling steps of the spread, then found with `gsl_root_fsolver_brent`
/// (`GSLNumerics.root`) to the last bits of x. A quantile neither way finds is a `QuantileError`
/// that says why, never NaN.
public enum Quantile {
    /// The largest error accepted on the smaller tail's probability, relative to it: 1e-10 × 0.025
    /// is 2.5e-12 at the 97.5% quantile.
    public static let tolerance = 1e-10

    /// The P quantile of χ² with `degreesOfFreedom` (> 0).
    public static func chiSquared(_ p: Double, degreesOfFreedom nu: Double) -> Result<Double, QuantileError> {
        checked(p, Distribution(
            name: "χ² with \(NumberFormat.plain(nu)) degrees of freedom", parameter: nu,
            inverse: { gsl_cdf_chisq_Pinv($0, nu) }, lowerTail: { gsl_cdf_chisq_P($0, nu) }, upperTail: { gsl_cdf_chisq_Q($0, nu) },
            centre: nu, spread: (2 * nu).squareRoot(), lowest: 0))
    }

    /// The P quantile of Student's t with `degreesOfFreedom` (> 0).
    public static func studentT(_ p: Double, degreesOfFreedom nu: Double) -> Result<Double, QuantileError> {
        checked(p, Distribution(
            name: "Student's t with \(NumberFormat.plain(nu)) degrees of freedom", parameter: nu,
            inverse: { gsl_cdf_tdist_Pinv($0, nu) }, lowerTail: { gsl_cdf_tdist_P($0, nu) }, upperTail: { gsl_cdf_tdist_Q($0, nu) },
            centre: 0, spread: 1, lowest: -.infinity))
    }

    /// A continuous distribution as GSL computes it, and where its quantiles lie roughly.
    struct Distribution {
        let name: String
        /// The degrees of freedom: a positive finite number.
        let parameter: Double
        let inverse: (Double) -> Double
        let lowerTail: (Double) -> Double
        let upperTail: (Double) -> Double
        /// The median or near it, and a step of the order of the standard deviation.
        let centre: Double
        let spread: Double
        /// The lower end of the support.
        let lowest: Double
    }

    static func checked(_ p: Double, _ distribution: Distribution) -> Result<Double, QuantileError> {
        // GSL reports a failed quantile through its error handler, whose default aborts the process.
        GSLRuntime.setUp()
        let label = "the \(NumberFormat.plain(p * 100))% quantile of \(distribution.name)"
        guard p > 0 && p < 1 else { return .failure(QuantileError("\(label) is not a number: P must lie strictly between 0 and 1")) }
        guard distribution.parameter > 0 && distribution.parameter.isFinite else {
            return .failure(QuantileError("\(label) is not defined: the degrees of freedom must be positive and finite"))
        }
        // f(x) rises through 0 at the quantile, on the smaller tail.
        let upper = p > 0.5
        let target = upper ? 1 - p : p
        let f = upper ? { target - distribution.upperTail($0) } : { distribution.lowerTail($0) - target }
        let accepted = { (x: Double) in x.isFinite && abs(f(x)) <= tolerance * target }

        let gsl = distribution.inverse(p)
        if accepted(gsl) { return .success(gsl) }

        var low = distribution.centre, high = distribution.centre
        var step = distribution.spread
        while !(f(high) >= 0) {
            low = high
            high = distribution.centre + step
            step *= 2
            guard high.isFinite else { return .failure(QuantileError("\(label) could not be computed: GSL's CDF stays below P up to \(low)")) }
        }
        step = distribution.spread
        while !(f(low) <= 0) {
            guard low > distribution.lowest && low.isFinite else {
                return .failure(QuantileError("\(label) could not be computed: GSL's CDF stays above P down to \(low)"))
            }
            high = low
            low = max(distribution.lowest, distribution.centre - step)
            step *= 2
        }
        if f(low) == 0 { return .success(low) }
        if f(high) == 0 { return .success(high) }
        let root: Double
        do {
            root = try GSLNumerics.root(in: low, high, tolerance: 4 * Double.ulpOfOne * max(abs(low), abs(high))) { f($0) }
        } catch {
            return .failure(QuantileError("\(label) could not be computed: GSL's own answer was \(NumberFormat.plain(gsl)), and Brent's method on its CDF between \(low) and \(high) failed (\(error))"))
        }
        guard accepted(root) else {
            return .failure(QuantileError("\(label) could not be computed: GSL's own answer was \(NumberFormat.plain(gsl)), and at Brent's root \(root) on its CDF the probability is off by \(abs(f(root))), more than \(tolerance) of \(target)"))
        }
        return .success(root)
    }
}

/// A quantile that could not be computed, and why, as one sentence.
public typealias QuantileError = ErrorMessage<QuantileErrorTopic>
public enum QuantileErrorTopic: ErrorTopic {}

extension Result where Failure == QuantileError {
    /// What `transform` (a root found from the quantile) makes of a computed quantile; one that
    /// could not be computed stays so, with its reason.
    func tryMap<T>(_ transform: (Success) throws(GSLError) -> T) throws(GSLError) -> Result<T, QuantileError> {
        switch self {
        case .success(let quantile): return .success(try transform(quantile))
        case .failure(let error): return .failure(error)
        }
    }
}
