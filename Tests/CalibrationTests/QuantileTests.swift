import CGSL
import Foundation
import Testing
@testable import Calibration

/// `Quantile`, the one checked way to GSL's inverse CDFs, against GSL's own CDFs and closed forms.
@Suite struct QuantileTests {
    static let levels = [0.025, 0.05, 0.5, 0.95, 0.975]

    /// Every χ² quantile the calibration could ask for: df 1…100,000 at the levels its intervals
    /// use, including the thousands where GSL 2.7's own inverse CDF returns NaN (first 2,320 at
    /// 97.5%, 3,109 at 2.5%) or is off by up to 1e-8. Each is finite and GSL's CDF at it gives back P
    /// to within 1e-10.
    @Test(arguments: levels)
    func chiSquaredRoundTripsOverEveryDegreeOfFreedom(_ p: Double) throws {
        var worst = (error: 0.0, df: 0)
        for df in 1...100_000 {
            let x = try Quantile.chiSquared(p, degreesOfFreedom: Double(df)).get()
            let error = abs(gsl_cdf_chisq_P(x, Double(df)) - p)
            guard x.isFinite && error <= 1e-10 else {
                Issue.record("χ²(\(df)) at \(p): \(x), CDF off by \(error)")
                return
            }
            if error > worst.error { worst = (error, df) }
        }
        #expect(worst.error <= 1e-10, "largest error \(worst.error) at df \(worst.df)")
    }

    /// The points the issue found: GSL's own answer is NaN there, the checked one is the root of the CDF.
    @Test(arguments: [(0.975, 2_320.0), (0.975, 4_502), (0.975, 4_504), (0.975, 4_528), (0.025, 3_472), (0.025, 3_474), (0.025, 4_038)])
    func knownFailuresOfGSLAreSolved(_ p: Double, _ df: Double) throws {
        let x = try Quantile.chiSquared(p, degreesOfFreedom: df).get()
        #expect(abs(gsl_cdf_chisq_P(x, df) - p) <= 1e-10)
        // Between the normal approximation's and Wilson–Hilferty's answers, which agree to 0.5 here.
        let z = (p > 0.5 ? 1.0 : -1.0) * 1.959963984540054
        let wilsonHilferty = df * pow(1 - 2 / (9 * df) + z * (2 / (9 * df)).squareRoot(), 3)
        #expect(abs(x - wilsonHilferty) < 0.5)
    }

    /// Brent's method on the CDF alone (GSL's inverse made to fail), against closed forms: χ²(2) is
    /// exponential with mean 2, so its P quantile is −2 log(1 − P); t(1) is Cauchy, tan(π(P − ½)).
    @Test(arguments: [0.001, 0.025, 0.05, 0.5, 0.95, 0.975, 0.999])
    func theFallbackFindsClosedFormQuantiles(_ p: Double) throws {
        let chi = Quantile.Distribution(
            name: "χ²(2)", parameter: 2, inverse: { _ in .nan }, lowerTail: { gsl_cdf_chisq_P($0, 2) }, upperTail: { gsl_cdf_chisq_Q($0, 2) },
            centre: 2, spread: 2, lowest: 0)
        let exact = -2 * log1p(-p)
        #expect(abs(try Quantile.checked(p, chi).get() - exact) <= 1e-9 * exact)
        let cauchy = Quantile.Distribution(
            name: "t(1)", parameter: 1, inverse: { _ in .infinity }, lowerTail: { gsl_cdf_tdist_P($0, 1) }, upperTail: { gsl_cdf_tdist_Q($0, 1) },
            centre: 0, spread: 1, lowest: -.infinity)
        let tan = Foundation.tan(Double.pi * (p - 0.5))
        #expect(abs(try Quantile.checked(p, cauchy).get() - tan) <= 1e-9 * max(1, abs(tan)))
    }

    /// A wrong finite answer from GSL is not taken: it is solved again on the CDF (χ²(10; 0.975) is
    /// 20.4832, not 20.5036).
    @Test func aWrongAnswerIsReplaced() throws {
        let wrong = Quantile.Distribution(
            name: "χ²(10)", parameter: 10, inverse: { _ in 20.483177350807388 * 1.001 }, lowerTail: { gsl_cdf_chisq_P($0, 10) },
            upperTail: { gsl_cdf_chisq_Q($0, 10) }, centre: 10, spread: 20.0.squareRoot(), lowest: 0)
        let x = try Quantile.checked(0.975, wrong).get()
        #expect(abs(gsl_cdf_chisq_Q(x, 10) - 0.025) <= 1e-12 && abs(x - 20.483177350807388) < 1e-9)
    }

    /// Student's t, for base_per_day's interval: df 1…10,000 at the same levels.
    @Test func studentTRoundTrips() throws {
        for df in 1...10_000 {
            for p in Self.levels {
                let x = try Quantile.studentT(p, degreesOfFreedom: Double(df)).get()
                #expect(x.isFinite && abs(gsl_cdf_tdist_P(x, Double(df)) - p) <= 1e-10, "t(\(df)) at \(p): \(x)")
            }
        }
        #expect(try Quantile.studentT(0.975, degreesOfFreedom: 1).get() == 12.706204736174696)
    }

    /// A quantile that cannot be computed is an error with the reason, never NaN.
    @Test func whatCannotBeComputedSaysWhy() {
        func failure(_ result: Result<Double, QuantileError>) -> String? {
            guard case .failure(let error) = result else { return nil }
            return error.description
        }
        #expect(failure(Quantile.chiSquared(1, degreesOfFreedom: 3)) == "the 100% quantile of χ² with 3 degrees of freedom is not a number: P must lie strictly between 0 and 1")
        #expect(failure(Quantile.chiSquared(.nan, degreesOfFreedom: 3))?.hasSuffix("P must lie strictly between 0 and 1") == true)
        #expect(failure(Quantile.studentT(0, degreesOfFreedom: 3))?.hasSuffix("P must lie strictly between 0 and 1") == true)
        #expect(failure(Quantile.chiSquared(0.5, degreesOfFreedom: 0)) == "the 50% quantile of χ² with 0 degrees of freedom is not defined: the degrees of freedom must be positive and finite")
        #expect(failure(Quantile.studentT(0.5, degreesOfFreedom: .infinity))?.hasSuffix("must be positive and finite") == true)
        let broken = Quantile.Distribution(
            name: "a broken distribution", parameter: 1, inverse: { _ in .nan }, lowerTail: { _ in .nan }, upperTail: { _ in .nan },
            centre: 1, spread: 1, lowest: 0)
        let reason = failure(Quantile.checked(0.975, broken))
        #expect(reason?.hasPrefix("the 97.5% quantile of a broken distribution could not be computed: GSL's CDF stays below P up to ") == true)
        let flat = Quantile.Distribution(
            name: "a flat CDF", parameter: 1, inverse: { _ in .nan }, lowerTail: { _ in 0.6 }, upperTail: { _ in 0.4 },
            centre: 1, spread: 1, lowest: 0)
        #expect(failure(Quantile.checked(0.025, flat)) == "the 2.5% quantile of a flat CDF could not be computed: GSL's CDF stays above P down to 0.0")
    }

    /// A bound whose quantile failed is absent from the estimate, with the reason.
    @Test func anEstimateKeepsWhyABoundIsMissing() {
        let missing = QuantileError("the 97.5% quantile of χ² with 2320 degrees of freedom could not be computed: test")
        let e = Estimate(value: 3.5, low: .success(3.4), high: .failure(missing), method: "Garwood")
        #expect(e.low == 3.4 && e.high == nil && !e.covers(3.5))
        #expect(e.missing == ["no upper bound: the 97.5% quantile of χ² with 2320 degrees of freedom could not be computed: test"])
        let whole = Estimate(value: 3.5, low: .success(3.4), high: .success(3.6), method: "Garwood")
        #expect(whole.missing.isEmpty && whole.covers(3.5))
    }
}
