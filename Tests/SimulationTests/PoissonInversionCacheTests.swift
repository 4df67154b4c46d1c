import Testing
@testable import Simulation

/// The resolution sampler must draw from exactly the Poisson distribution, from its memoised
/// tables and from its fallback alike: chi-square goodness of fit against GSL's probability
/// function, bins pooled until each expects at least 5 draws, each test at significance 0.001,
/// with fixed seeds so the tests are deterministic.
@Suite struct PoissonInversionCacheTests {
    static let significance = 0.001

    /// Small, typical (a segment's resolutions), just below `maximumMean` (the longest table), and
    /// at and above it (transformed rejection).
    @Test(arguments: [0.7, 15.3, PoissonInversionCache.maximumMean - 0.1, PoissonInversionCache.maximumMean, 650.0])
    func matchesThePoissonDistribution(mean: Double) throws {
        let rng = try RandomGenerator(seed: 20_270_322)
        let cache = PoissonInversionCache()
        let draws = PoissonDraws(mean: mean, count: 200_000) { cache.sample(mean: mean, rng.pointer) }
        let fit = draws.chiSquare(minimumExpected: 5)
        #expect(fit.pValue > Self.significance, "chi-square \(fit.statistic) on \(fit.degreesOfFreedom) degrees of freedom")
    }

    /// In a trial the means recur interleaved, so each draw finds a table built draws earlier:
    /// round-robin over three means, each mean's draws must still be Poisson.
    @Test func interleavedMeansEachMatchThePoissonDistribution() throws {
        let rng = try RandomGenerator(seed: 20_270_323)
        let cache = PoissonInversionCache()
        let means = [3.2, 15.3, 42.0]
        var round = 0
        var draws: [[Int]] = means.map { _ in [] }
        for _ in 0..<(100_000 * means.count) {
            let m = round % means.count
            draws[m].append(cache.sample(mean: means[m], rng.pointer))
            round += 1
        }
        for (m, mean) in means.enumerated() {
            var values = draws[m].makeIterator()
            let fit = PoissonDraws(mean: mean, count: draws[m].count) { values.next()! }.chiSquare(minimumExpected: 5)
            #expect(fit.pValue > Self.significance, "mean \(mean): chi-square \(fit.statistic) on \(fit.degreesOfFreedom) degrees of freedom")
        }
    }
}
