import Foundation
import Testing
@testable import Simulation

/// The fast sampler must draw from exactly the Poisson distribution: chi-square goodness of fit
/// against GSL's probability function, at means with and without a fractional part and on both
/// sides of the switch between the tables and transformed rejection, with the seed fixed so the
/// test is deterministic. Every draw takes
/// exactly two uniforms from its stream, so that streams stay aligned between a scenario and an
/// edit of its means (common random numbers).
@Suite struct PoissonSamplerTests {
    /// Means beyond the documented largest are drawn at it; a mean that is not a positive number
    /// gives 0. Neither traps.
    @Test func extremeMeansDoNotTrap() throws {
        let rng = try RandomGenerator(seed: 3), spare = try RandomGenerator(seed: 4)
        let sampler = PoissonSampler()
        for mean in [1e308, .infinity, 1e15] {
            let draw = Double(sampler.sample(mean: mean, rng.uniforms, spare: spare.uniforms))
            #expect(abs(draw - PoissonSampler.largestMean) < 10 * PoissonSampler.largestMean.squareRoot(), "\(mean)")
        }
        #expect(sampler.sample(mean: .nan, rng.uniforms, spare: spare.uniforms) == 0)
        #expect(sampler.sample(mean: -1, rng.uniforms, spare: spare.uniforms) == 0)
    }

    @Test(arguments: [0.3, 1.0, 2.5, 4.02, 4.98, 9.99, 15.3, 16.0, 37.5, 127.9, 128.0, 180.0, 650.0])
    func matchesThePoissonDistribution(mean: Double) throws {
        let rng = try RandomGenerator(seed: 20_261_201), spare = try RandomGenerator(seed: 20_261_202)
        let sampler = PoissonSampler()
        let draws = PoissonDraws(mean: mean, count: 400_000) { sampler.sample(mean: mean, rng.uniforms, spare: spare.uniforms) }
        // Bins with expected count ≥ 20; both tails pooled into the end bins.
        let fit = draws.chiSquare(minimumExpected: 20)
        #expect(fit.pValue > 1e-4, "chi-square \(fit.statistic) on \(fit.degreesOfFreedom) degrees of freedom")

        // Mean and variance within five standard errors.
        let n = Double(draws.count)
        let (sampleMean, sampleVariance) = draws.moments
        #expect(abs(sampleMean - mean) < 5 * (mean / n).squareRoot())
        #expect(abs(sampleVariance - mean) < 5 * ((mean + 2 * mean * mean) / n).squareRoot())
    }

    @Test func zeroMeanDrawsZero() throws {
        let rng = try RandomGenerator(seed: 1), spare = try RandomGenerator(seed: 2)
        #expect(PoissonSampler().sample(mean: 0, rng.uniforms, spare: spare.uniforms) == 0)
    }

    /// Whatever the mean (none, inversion, rejection, the largest) and however many attempts a
    /// draw needs, the stream advances by exactly two uniforms: a twin generator stepped twice
    /// per draw stays in the same state. About 13% of rejection draws (mean ≥ 128) retry from the
    /// spare stream, which does advance.
    @Test(arguments: [0.0, -1, .nan, 0.3, 9.99, 37.5, 127.9, 128.0, 180.0, 1e15])
    func everyDrawTakesTwoUniformsFromItsStream(mean: Double) throws {
        let rng = try RandomGenerator(seed: 77), twin = try RandomGenerator(seed: 77), spare = try RandomGenerator(seed: 78)
        let sampler = PoissonSampler()
        for _ in 0..<10_000 {
            _ = sampler.sample(mean: mean, rng.uniforms, spare: spare.uniforms)
            _ = (twin.uniforms.next(), twin.uniforms.next())
            #expect(rng.uniforms.next() == twin.uniforms.next())
        }
        let unused = try RandomGenerator(seed: 78)
        let retried = withExtendedLifetime(unused) { spare.uniforms.next() != unused.uniforms.next() }
        #expect(retried == (mean >= Double(PoissonSampler.tabulatedBelow)), "the spare stream is used only by rejection draws")
    }

    /// In a trial the means change from draw to draw: round-robin over means that share a whole
    /// part and means that do not, each mean's draws must still be Poisson.
    @Test func interleavedMeansEachMatchThePoissonDistribution() throws {
        let rng = try RandomGenerator(seed: 20_270_323), spare = try RandomGenerator(seed: 20_270_325)
        let sampler = PoissonSampler()
        let means = [3.2, 3.9, 15.3, 42.0, 300.5]
        var draws: [[Int]] = means.map { _ in [] }
        for round in 0..<(100_000 * means.count) {
            let m = round % means.count
            draws[m].append(sampler.sample(mean: means[m], rng.uniforms, spare: spare.uniforms))
        }
        for (m, mean) in means.enumerated() {
            var values = draws[m].makeIterator()
            let fit = PoissonDraws(mean: mean, count: draws[m].count) { values.next()! }.chiSquare(minimumExpected: 5)
            #expect(fit.pValue > 1e-3, "mean \(mean): chi-square \(fit.statistic) on \(fit.degreesOfFreedom) degrees of freedom")
        }
    }

    /// The tables and the squeeze are shortcuts of plain inversion by sequential search from 0
    /// (the same recurrence): they give the same count for every uniform tried, including 0 and
    /// the largest a 32-bit generator gives, 1 − 2^-32.
    @Test func tablesAndRemainderEqualPlainInversion() throws {
        func plain(_ u: Double, mean: Double) -> Int {
            var p = exp(-mean), cdf = p, k = 0
            while u > cdf && k < 2000 {
                k += 1
                p *= mean / Double(k)
                cdf += p
            }
            return k
        }
        let tables = PoissonTables(means: PoissonSampler.tabulatedBelow), sampler = PoissonSampler()
        var random = SplitMix64(seed: 12)
        let edges: [UInt] = [0, 1, 1 << 31, (1 << 32) - 1]
        for m in 0..<PoissonSampler.tabulatedBelow {
            for bits in edges + (0..<500).map({ _ in UInt(random.next() >> 32) }) {
                let u = Double(bits) * 0x1p-32
                #expect(tables.invert(bits, mean: m) == plain(u, mean: Double(m)), "mean \(m), u \(u)")
            }
        }
        for _ in 0..<100_000 {
            let (u, r) = (Double(random.next() >> 32) * 0x1p-32, random.unit())
            #expect(sampler.belowOne(u, mean: r) == plain(u, mean: r), "mean \(r), u \(u)")
        }
    }

    /// The remainder's shortcut (e^-r from a polynomial, libm's `exp` only for a uniform within
    /// `polynomialMargin` of a boundary) gives `exactBelowOne`'s count for every uniform, also
    /// for those on, within a hair of and around the margin from each F(k): those are where a
    /// wrong bound would show.
    @Test func remainderShortcutEqualsExactSearch() {
        let sampler = PoissonSampler()
        var random = SplitMix64(seed: 26)
        let offsets = [0, 1e-17, 1e-15, 1e-12, 1e-6, 1e-4, 5.4e-4, 5.5e-4, 5.6e-4, 1e-3, 1e-2]
        for _ in 0..<20_000 {
            let r = random.unit()
            var p = exp(-r), cdf = p
            for k in 0...4 {
                for offset in offsets {
                    for u in [cdf - offset, cdf + offset, cdf.nextDown, cdf.nextUp] where u >= 0 && u < 1 {
                        #expect(sampler.belowOne(u, mean: r) == PoissonSampler.exactBelowOne(u, mean: r), "mean \(r), u \(u)")
                    }
                }
                p *= r / Double(k + 1)
                cdf += p
            }
        }
        for u in [0, 0x1p-32, 0.5, 1 - 0x1p-32] {
            for r in [0, 1e-300, 1e-9, 0.5, 1.0.nextDown] {
                #expect(sampler.belowOne(u, mean: r) == PoissonSampler.exactBelowOne(u, mean: r), "mean \(r), u \(u)")
            }
        }
    }

    /// Transformed rejection's first squeeze, tried before its loop, gives the loop's own count
    /// (`rejectionAttempts` from the same first attempt, its retries from a twin spare stream),
    /// at means from the switch to the largest, for uniforms across both squeeze bounds.
    @Test func rejectionSqueezeFirstEqualsTheLoop() throws {
        let sampler = PoissonSampler()
        var random = SplitMix64(seed: 7)
        for mean in [128.0, 180.5, 450.25, 1e4, 1e15] {
            let spare = try RandomGenerator(seed: 8), twin = try RandomGenerator(seed: 8)
            let b = 0.931 + 2.53 * mean.squareRoot()
            let (a, vr) = (-0.059 + 0.02483 * b, 0.9277 - 3.6224 / (b - 2))
            let edges: [(u: Double, v: Double)] = [(0, 0), (0.5, vr), (0.5, vr.nextUp), (0.57, 0.5), (0.43, 0.5), (0.5699, 0.1), (0.4301, 0.1)]
            for first in edges + (0..<20_000).map({ _ in (random.unit(), random.unit()) }) {
                let shortcut = sampler.transformedRejection(mean: mean, first: first, spare.uniforms)
                let loop = sampler.rejectionAttempts(mean: mean, b: b, a: a, vr: vr, first: first, twin.uniforms)
                #expect(shortcut == loop, "mean \(mean), first \(first)")
                // The twin stays in step: a squeeze-accepted draw took no retry in either.
                if shortcut == loop { #expect(spare.uniforms.next() == twin.uniforms.next()) }
            }
        }
    }

    /// The remainder's cells (`remainderBounds`) give `exactBelowOne`'s count at every cell's
    /// ends and inside it, for uniforms on, a hair from and around each bound and each F(k):
    /// a bound on the wrong side of some F(k) in its cell would show there. And the cells answer
    /// for most draws: a bound moved by more than its slack would leave the search to many more.
    @Test func remainderCellsEqualExactSearch() {
        let sampler = PoissonSampler()
        let (cells, width) = (PoissonSampler.remainderCells, PoissonSampler.remainderCellWidth)
        let offsets = [0, 1e-16, 1e-14, 1e-12, 1e-10, 1e-6, 1e-3]
        for c in 0..<cells {
            let (low, high) = (Double(c) / Double(cells), Double(c + 1) / Double(cells))
            let bounds = (0..<width).map { sampler.remainderBounds[c * width + $0] }
            for r in [low, low.nextUp, (low + high) / 2, high.nextDown] {
                var p = exp(-r), cdf = p
                var edges = bounds
                for k in 0...3 {
                    edges.append(cdf)
                    p *= r / Double(k + 1)
                    cdf += p
                }
                for edge in edges {
                    for offset in offsets {
                        for u in [edge - offset, edge + offset, edge.nextDown, edge.nextUp] where u >= 0 && u < 1 {
                            #expect(sampler.belowOne(u, mean: r) == PoissonSampler.exactBelowOne(u, mean: r), "cell \(c), mean \(r), u \(u)")
                        }
                    }
                }
            }
        }
        // For r and u uniform, about 3.7% of the draws go past the cells (1 − r < u outside them).
        var random = SplitMix64(seed: 64)
        var searched = 0
        for _ in 0..<100_000 {
            let (u, r) = (random.unit(), random.unit())
            guard u > 1 - r else { continue }
            let cell = Int(r * Double(cells)) * width
            let b = (0..<width).map { sampler.remainderBounds[cell + $0] }
            if !(u <= b[0] || (u > b[1] && (u <= b[2] || (u > b[3] && u <= b[4])))) { searched += 1 }
        }
        #expect(searched > 3_000 && searched < 4_500, "\(searched) of 100,000 draws searched")
    }

    /// The guide cell from the uniform's 32 bits (`PoissonTables.cell`) is the one its double
    /// gives, ⌊(bits / 2^32) · count⌋ truncated as `Int(u * Double(count))`, for every 32-bit value
    /// and every table's count: both are nondecreasing in bits, so agreeing on both sides of each
    /// step of the integer cell (the smallest bits of each cell c, ⌈c · 2^32 / count⌉, and the one
    /// before) makes them agree everywhere. Every step of the tables' counts (a few hundred each);
    /// for larger counts up to the bound 2^21 the first 5,000 steps; and for all, the ends and a sample.
    @Test func guideCellFromTheBitsEqualsTheDoubleProduct() {
        func double(_ bits: UInt, _ count: Int) -> Int { Int(Double(bits) / 4_294_967_296.0 * Double(count)) }
        let tables = PoissonTables(means: PoissonSampler.tabulatedBelow)
        var random = SplitMix64(seed: 32)
        var counts = Set((0..<tables.means).map { tables.tables[$0].count })
        counts.formUnion([1, 2, 3, 1000, (1 << 21) - 1])
        for count in counts {
            var values: [UInt] = [0, 1, (1 << 32) - 2, (1 << 32) - 1] + (0..<200).map { _ in UInt(random.next() >> 32) }
            for c in 1..<min(count, 5000) {
                let first = (UInt(c) << 32 + UInt(count) - 1) / UInt(count)
                values += [first - 1, first]
            }
            for bits in values {
                #expect(PoissonTables.cell(bits, count: count) == double(bits, count), "count \(count), bits \(bits)")
            }
        }
    }

    /// Past a table's end (a uniform above its last F(k), which rounds to 1 or lies within 1e-17
    /// of it) the recurrence continues from the last entry as plain inversion would: the
    /// tables' sentinel ends the search, not the answer.
    @Test func uniformsPastATableContinueTheRecurrence() {
        let tables = PoissonTables(means: PoissonSampler.tabulatedBelow)
        for m in [0, 1, 37, 127] {
            let table = tables.tables[m]
            let last = table.cdfs[table.count - 1]
            #expect(table.cdfs[table.count] == 2, "mean \(m): the sentinel")
            // No 32-bit uniform passes a table: the largest, 1 − 2^-32, is below its last F(k).
            #expect(last > 1 - 0x1p-32, "mean \(m)")
            #expect(tables.invert((1 << 32) - 1, mean: m) <= table.count - 1, "mean \(m)")
            if last < 1 {
                let u = last.nextUp
                #expect(tables.continueRecurrence(u, mean: m) >= table.count, "mean \(m), u \(u)")
            }
        }
    }
}
