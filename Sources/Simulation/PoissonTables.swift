import Buffers
import Foundation

/// The cumulative distributions of Poisson(m) for every whole mean m below a limit, with their
/// guide tables (Chen and Asau), in three flat buffers: inverting a uniform is a guide lookup and
/// a step or two of search, without following a pointer per table.
///
/// Built once per sampler: about 19,000 entries (230 KB) for means below 128. A table runs until
/// F rounds to 1 (or 40 standard deviations past the mean); a uniform within rounding of 1 that
/// falls past it continues the recurrence, so the inversion is exact to floating point.
struct PoissonTables {
    let means: Int
    /// F(0), F(1), … of each mean, one after another from `start[m]`, `count[m]` of them.
    let cdf: FixedBuffer<Double>
    /// `guide[start[m] + j]` = smallest k with F(k) ≥ j / count[m].
    let guide: FixedBuffer<Int32>
    let start: FixedBuffer<Int>
    let count: FixedBuffer<Int>
    /// p(k) at each table's last k, to continue the recurrence past it.
    let lastProbability: FixedBuffer<Double>

    /// Tables for the whole means 0 ..< `means`. O(means^1.5).
    init(means: Int) {
        self.means = means
        var cdfs: [Double] = [], guides: [Int32] = [], starts: [Int] = [], counts: [Int] = [], last: [Double] = []
        for m in 0..<means {
            let mean = Double(m)
            var p = Foundation.exp(-mean)
            var cdf = [p]
            var k = 0
            while 1 - cdf[k] > 1e-17 && k < Int(mean + 40 * mean.squareRoot() + 40) {
                k += 1
                p *= mean / Double(k)
                cdf.append(cdf[k - 1] + p)
            }
            var i = 0
            starts.append(cdfs.count)
            counts.append(cdf.count)
            for j in 0..<cdf.count {
                let threshold = Double(j) / Double(cdf.count)
                while i < cdf.count - 1 && cdf[i] < threshold { i += 1 }
                guides.append(Int32(i))
            }
            cdfs += cdf
            last.append(p)
        }
        cdf = FixedBuffer(cdfs)
        guide = FixedBuffer(guides)
        start = FixedBuffer(starts)
        count = FixedBuffer(counts)
        lastProbability = FixedBuffer(last)
    }

    /// The smallest k with F(k) ≥ u for Poisson(`mean`), 0 ≤ mean < `means`. O(1) expected.
    @inline(__always)
    func invert(_ u: Double, mean: Int) -> Int {
        let base = start[mean], n = count[mean]
        var k = Int(guide[base + min(Int(u * Double(n)), n - 1)])
        while k < n && cdf[base + k] < u { k += 1 }
        if k < n { return k }
        // Past the table (u within rounding of 1): continue the recurrence.
        var p = lastProbability[mean], f = cdf[base + n - 1]
        k = n - 1
        while u > f && k < mean * 4 + 1000 {
            k += 1
            p *= Double(mean) / Double(k)
            f += p
        }
        return k
    }
}
