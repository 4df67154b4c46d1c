import Testing
@testable import Simulation

/// The fast sampler must draw from exactly the Poisson distribution: chi-square goodness of fit
/// against GSL's probability function, at means on both sides of the switch between inversion
/// and transformed rejection, with the seed fixed so the test is deterministic.
@Suite struct PoissonSamplerTests {
    /// Means beyond the documented largest are drawn at it; a mean that is not a positive number
    /// gives 0. Neither traps.
    @Test func extremeMeansDoNotTrap() throws {
        let rng = try RandomGenerator(seed: 3)
        let sampler = PoissonSampler()
        for mean in [1e308, .infinity, 1e15] {
            let draw = Double(sampler.sample(mean: mean, rng.pointer))
            #expect(abs(draw - PoissonSampler.largestMean) < 10 * PoissonSampler.largestMean.squareRoot(), "\(mean)")
        }
        #expect(sampler.sample(mean: .nan, rng.pointer) == 0)
        #expect(sampler.sample(mean: -1, rng.pointer) == 0)
    }

    @Test(arguments: [0.3, 2.5, 9.99, 10.0, 16.2, 37.5, 180.0])
    func matchesThePoissonDistribution(mean: Double) throws {
        let rng = try RandomGenerator(seed: 20_261_201)
        let sampler = PoissonSampler()
        let draws = PoissonDraws(mean: mean, count: 400_000) { sampler.sample(mean: mean, rng.pointer) }
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
        let rng = try RandomGenerator(seed: 1)
        #expect(PoissonSampler().sample(mean: 0, rng.pointer) == 0)
    }
}
