import Buffers
import CGSL
import Foundation

/// Exact Poisson variates from a GSL generator's uniforms, several times cheaper than
/// `gsl_ran_poisson` at the means the simulation draws (about 130 ns a draw at means 15–30 on
/// this machine kind, where GSL recurses through gamma and binomial variates).
///
/// A draw takes exactly two uniforms from its stream, whatever the mean and however many attempts
/// it needs, so that a stream advances by the same amount whatever means it is asked for: a trial
/// of an edited scenario meets the same uniforms at the same draw as the base (common random
/// numbers: an edit of the arrival or resolution means disturbs only the draws whose means it
/// changes, and those little).
///
/// - mean < `tabulatedBelow`: the Poisson(m) count is the sum of a Poisson(⌊m⌋) count and an
///   independent Poisson(m − ⌊m⌋) count. The first is inverted from the first uniform with the
///   table of ⌊m⌋'s cumulative distribution (`PoissonTables`); the second by sequential search
///   from the second uniform (a mean below 1: usually no step at all). Both are monotone in
///   their uniform, so nearby means give nearby counts from the same uniforms.
/// - larger means: Hörmann's transformed rejection with squeeze, PTRS (W. Hörmann, "The
///   transformed rejection method for generating Poisson random variables", Insurance:
///   Mathematics and Economics 12, 1993), about 1.15 attempts of two uniforms; the first attempt
///   takes the stream's two, any further attempt draws from `spare`. Attempts are independent and
///   identically distributed whatever stream they come from, so the distribution is unchanged.
///
/// Both are exact: the only approximation is floating-point arithmetic. The variate is a pure
/// function of the mean and the uniforms. `PoissonSamplerTests` checks the
/// distribution against GSL's probability function by chi-square on both sides of every switch.
public final class PoissonSampler {
    /// Whole means below this are tabulated (230 KB per worker).
    public static let tabulatedBelow = 128
    /// Means are drawn at most at this: 10^15 cases, beyond anything the validated ranges reach
    /// but through the most extreme Gamma draws of the demand shock, where the variate is still
    /// an exact whole number far from overflow (its standard deviation is 3·10^7).
    public static let largestMean = 1e15

    /// The whole means' distributions.
    private let tables = PoissonTables(means: tabulatedBelow)
    /// log(k!) for k < 1024; beyond, `lgamma`.
    private let logFactorials: FixedBuffer<Double>
    /// Per cell c of the remainders r in [c / `remainderCells`, (c + 1) / `remainderCells`),
    /// `remainderCellWidth` bounds on F(0), F(1) and F(2) of Poisson(r) at the cell's ends, each
    /// moved `remainderSlack` outwards: a lower bound of F(0) at every r of the cell, an upper
    /// bound of F(0), a lower bound of F(1), an upper bound of F(1) and a lower bound of F(2)
    /// (each F(k) decreases in r). `belowOne` answers from them for a uniform between them.
    let remainderBounds: FixedBuffer<Double>
    /// `remainderBounds`' elements: valid while it lives.
    private let remainderBase: UnsafePointer<Double>

    public init() {
        var table = [Double](repeating: 0, count: 1024)
        for k in 1..<table.count { table[k] = table[k - 1] + Foundation.log(Double(k)) }
        logFactorials = FixedBuffer(table)
        let bounds = FixedBuffer((0..<Self.remainderCells).flatMap { c -> [Double] in
            let (low, high) = (Double(c) / Double(Self.remainderCells), Double(c + 1) / Double(Self.remainderCells))
            func cdf(_ r: Double) -> (Double, Double, Double) {
                let p0 = Foundation.exp(-r)
                return (p0, p0 * (1 + r), p0 * (1 + r + r * r / 2))
            }
            let (atLow, atHigh) = (cdf(low), cdf(high))
            return [atHigh.0 - Self.remainderSlack, atLow.0 + Self.remainderSlack, atHigh.1 - Self.remainderSlack,
                    atLow.1 + Self.remainderSlack, atHigh.2 - Self.remainderSlack]
        })
        (remainderBounds, remainderBase) = (bounds, bounds.elements.baseAddress!)
    }

    /// Cells of `remainderBounds` over [0, 1): a power of two, so that a cell's ends are exact.
    static let remainderCells = 64
    /// Doubles per cell of `remainderBounds`.
    static let remainderCellWidth = 5
    /// How far the bounds are moved outwards: far above the rounding of libm's e^-r (an ulp),
    /// of the few operations that give F(1) and F(2) from it, and of those `exactBelowOne` makes.
    static let remainderSlack = 1e-12

    /// The next variate. The path of the means below `tabulatedBelow` is inlined into the
    /// caller (most draws take it); zero, invalid and large means go through calls.
    @inline(__always)
    public func sample(mean: Double, _ uniforms: Uniforms, spare: Uniforms) -> Int {
        let bits = uniforms.next(), v = uniforms.uniform()
        guard mean < Self.tabulatedMeans else { return zeroOrLarge(mean: mean, first: (Double(bits) / 4_294_967_296.0, v), spare) }
        guard mean > 0 else { return 0 }
        // 0 < mean < 128 here (a NaN fails the first guard): the unchecked conversion is exact.
        let whole = mean.truncatedInRange
        return tables.invert(bits, mean: whole) + belowOne(v, mean: mean - Double(whole))
    }

    /// `tabulatedBelow` as a double.
    static let tabulatedMeans = Double(tabulatedBelow)

    /// A draw whose mean is not below `tabulatedBelow`, or is not a number (0).
    @inline(never)
    func zeroOrLarge(mean: Double, first: (u: Double, v: Double), _ spare: Uniforms) -> Int {
        mean > 0 ? transformedRejection(mean: min(mean, Self.largestMean), first: first, spare) : 0
    }

    /// The smallest k with F(k) ≥ u for a mean 0 ≤ r < 1, as `exactBelowOne` finds it.
    ///
    /// F(0) = e^-r ≥ 1 − r: below that bound the answer is 0 without computing e^-r (a share
    /// 1 − r of the draws). Both sides are within an ulp of exact, so the bound can only differ
    /// from e^-r itself for a u within an ulp of both. Above it, r's cell of `remainderBounds`
    /// answers 0, 1 or 2 for a u that lies between bounds of the F(k) it compares at every r of
    /// the cell (all but about 7% of these draws); any other u takes `searchBelowOne`.
    @inline(__always)
    func belowOne(_ u: Double, mean r: Double) -> Int {
        if u <= 1 - r { return 0 }
        // 0 ≤ r < 1 (a mean's fraction), so the cell is in 0..<64: the unchecked conversion is exact.
        let bounds = remainderBase + (r * Double(Self.remainderCells)).truncatedInRange &* Self.remainderCellWidth
        if u <= bounds[0] { return 0 }
        if u > bounds[1] {
            if u <= bounds[2] { return 1 }
            if u > bounds[3] && u <= bounds[4] { return 2 }
        }
        return Self.searchBelowOne(u, mean: r)
    }

    /// `belowOne` by sequential search: the search runs on e^-r's Taylor
    /// polynomial of degree 6, whose error (an alternating series with decreasing terms) is at
    /// most r^7 / 7! < 1.99e-4: each F(k) it gives is within 1.99e-4 · e^r < 5.5e-4 of the true
    /// one, and the one `exactBelowOne` computes is within 1e-14 of that. A u farther than
    /// `polynomialMargin` from every F(k) compared (most of the uniforms that reach it) is on the
    /// same side of the polynomial's F(k) as of `exactBelowOne`'s, so the answer is
    /// `exactBelowOne`'s without calling `exp`; any other u takes
    /// `exactBelowOne` itself.
    @inline(never)
    static func searchBelowOne(_ u: Double, mean r: Double) -> Int {
        var p = 1 - r * (1 - r * (1 / 2 - r * (1 / 6 - r * (1 / 24 - r * (1 / 120 - r * (1 / 720))))))
        var cdf = p
        var k = 0
        while u > cdf + polynomialMargin && k < 40 {
            k += 1
            p *= r / Double(k)
            cdf += p
        }
        return u >= cdf - polynomialMargin || k == 40 ? exactBelowOne(u, mean: r) : k
    }

    /// How far a uniform must lie from the polynomial's F(k) for `searchBelowOne` to decide without
    /// `exp` (above 1.99e-4 · e plus rounding).
    static let polynomialMargin = 5.5e-4

    /// `belowOne` with e^-r from libm: the reference the polynomial's shortcut stands for.
    @inline(never)
    static func exactBelowOne(_ u: Double, mean r: Double) -> Int {
        var p = Foundation.exp(-r)
        var cdf = p
        var k = 0
        // Past k = 40 the tail at r < 1 is below 1e-48: the bound only guards against rounding
        // leaving `cdf` a hair under a `u` close to 1.
        while u > cdf && k < 40 {
            k += 1
            p *= r / Double(k)
            cdf += p
        }
        return k
    }

    /// PTRS with the first attempt's uniforms given (`v` = 0, which `gsl_rng_uniform_pos` would
    /// skip, counts as a rejected attempt) and later attempts' drawn from `spare`.
    ///
    /// The squeeze accepts about 82% of first attempts at the year of 200 SEs' means: that test
    /// comes first, without the loop's set-up, and `rejectionAttempts` makes the same attempt
    /// again (the squeeze rejects it again) and the rest.
    @inline(__always)
    func transformedRejection(mean: Double, first: (u: Double, v: Double), _ spare: Uniforms) -> Int {
        let b = 0.931 + 2.53 * mean.squareRoot()
        let a = -0.059 + 0.02483 * b
        let vr = 0.9277 - 3.6224 / (b - 2)
        let u = first.u - 0.5, us = 0.5 - abs(u)
        // Accepted, x = (2a / us + b) · u + mean + 0.43 lies within (2a / 0.07 + b) / 2 of
        // mean + 0.43, which is less than the mean from 128 up (b ≈ 2.53 √mean): x is in
        // (0, 1.1 · 10^15] (the mean is at most 10^15), inside the unchecked conversion's range, which truncates as `Int` does.
        if first.v > 0 && us >= 0.07 && first.v <= vr { return ((2 * a / us + b) * u + mean + 0.43).truncatedInRange }
        return rejectionAttempts(mean: mean, b: b, a: a, vr: vr, first: first, spare)
    }

    /// PTRS's attempts from the first, given its set-up.
    @inline(never)
    func rejectionAttempts(mean: Double, b: Double, a: Double, vr: Double, first: (u: Double, v: Double), _ spare: Uniforms) -> Int {
        var (u, v) = (first.u - 0.5, first.v)
        while true {
            if v > 0 {
                let us = 0.5 - abs(u)
                let x = (2 * a / us + b) * u + mean + 0.43
                // k = ⌊x⌋; conversion truncates, which is the floor for x ≥ 0 and one instruction
                // where `rounded(.down)` calls libm. The squeeze accepts about 86% of draws without a
                // logarithm, and only where x > 0 (at mean 10 the smallest such x is above 3).
                if us >= 0.07 && v <= vr { return Int(x) }
                if x >= 0 && (us >= 0.013 || v <= us) {
                    let k = Double(Int(x))
                    let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
                    let lhs = Foundation.log(v * inverseAlpha / (a / (us * us) + b))
                    if lhs <= -mean + k * Foundation.log(mean) - logFactorial(Int(k)) { return Int(k) }
                }
            }
            (u, v) = (spare.uniform() - 0.5, spare.uniform())
        }
    }

    func logFactorial(_ k: Int) -> Double {
        k < logFactorials.count ? logFactorials[k] : Foundation.lgamma(Double(k) + 1)
    }
}
