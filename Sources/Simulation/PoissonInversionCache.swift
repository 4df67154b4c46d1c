import Buffers
import CGSL
import Foundation

/// Exact Poisson variates by inversion, memoising each mean's cumulative distribution.
///
/// Resolution capacities take few distinct values (they are sums of whole SEs' shift shares
/// times the level's effects), so after the first trials nearly every draw finds its mean's table:
/// one uniform, a guide-table jump (Chen and Asau) and a step or two of search, about a third of
/// a transformed-rejection draw.
///
/// The variate is a pure function of the mean and the uniform (the smallest k with F(k) ≥ u, F
/// computed by the same recurrence each time), so whether a table was cached, evicted or rebuilt
/// never changes a result: runs stay identical whatever thread ran which block before. Means of
/// `maximumMean` or more, where e^-mean would underflow, go to `PoissonSampler`'s transformed
/// rejection instead, again a function of the mean alone.
public final class PoissonInversionCache {
    public static let maximumMean = 500.0
    static let slots = 16_384

    /// A mean's cumulative distribution and guide table.
    struct Table {
        /// F(0), F(1), … until F rounds to 1 (or 40 standard deviations past the mean).
        let cdf: FixedBuffer<Double>
        /// `guide[j]` = smallest k with F(k) ≥ j / count.
        let guide: FixedBuffer<Int32>
        /// p(k) at the last tabulated k, to continue the recurrence past the table.
        let lastProbability: Double
    }

    // Direct-mapped: a slot holds the table of the last mean hashed to it.
    private let keys = FixedBuffer<UInt64>(repeating: 0, count: slots)
    private let tables = FixedBuffer<Table?>(repeating: nil, count: slots)
    private let fallback = PoissonSampler()

    public init() {}

    public func sample(mean: Double, _ rng: UnsafeMutablePointer<gsl_rng>) -> Int {
        if mean <= 0 { return 0 }
        if mean >= Self.maximumMean { return fallback.transformedRejection(mean: mean, rng) }
        let u = gsl_rng_uniform(rng)
        let key = mean.bitPattern
        let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 50) & (Self.slots - 1)
        if keys[slot] != key || tables[slot] == nil {
            keys[slot] = key
            tables[slot] = Self.table(mean: mean)
        }
        return Self.invert(u, mean: mean, tables[slot].unsafelyUnwrapped)
    }

    static func table(mean: Double) -> Table {
        var p = Foundation.exp(-mean)
        var cdf = [p]
        var k = 0
        while 1 - cdf[k] > 1e-17 && k < Int(mean + 40 * mean.squareRoot() + 40) {
            k += 1
            p *= mean / Double(k)
            cdf.append(cdf[k - 1] + p)
        }
        let count = cdf.count
        var guide = [Int32](repeating: 0, count: count)
        var i = 0
        for j in 0..<count {
            let threshold = Double(j) / Double(count)
            while i < count - 1 && cdf[i] < threshold { i += 1 }
            guide[j] = Int32(i)
        }
        return Table(cdf: FixedBuffer(cdf), guide: FixedBuffer(guide), lastProbability: p)
    }

    static func invert(_ u: Double, mean: Double, _ table: Table) -> Int {
        let (cdf, count) = (table.cdf, table.cdf.count)
        var k = Int(table.guide[min(Int(u * Double(count)), count - 1)])
        while k < count && cdf[k] < u { k += 1 }
        if k < count { return k }
        // Past the table (u within rounding of 1): continue the recurrence.
        var p = table.lastProbability, f = cdf[count - 1]
        k = count - 1
        while u > f && k < Int(mean * 4 + 1000) {
            k += 1
            p *= mean / Double(k)
            f += p
        }
        return k
    }
}
