import CGSL
import Testing
@testable import Simulation

/// The fast sampler must draw from exactly the Poisson distribution: chi-square goodness of fit
/// against GSL's probability function, at means on both sides of the switch between inversion
/// and transformed rejection, with the seed fixed so the test is deterministic.
@Suite struct PoissonSamplerTests {
    @Test(arguments: [0.3, 2.5, 9.99, 10.0, 16.2, 37.5, 180.0])
    func matchesThePoissonDistribution(mean: Double) throws {
        let rng = try RandomGenerator(seed: 20_261_201)
        let sampler = PoissonSampler()
        let draws = 400_000
        var counts: [Int: Int] = [:]
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<draws {
            let k = sampler.sample(mean: mean, rng.pointer)
            counts[k, default: 0] += 1
            sum += Double(k)
            sumSquares += Double(k) * Double(k)
        }
        // Bins with expected count ≥ 20; both tails pooled into the end bins.
        var bins: [(observed: Int, expected: Double)] = []
        var k = 0
        var observed = 0, expected = 0.0
        let n = Double(draws)
        while gsl_cdf_poisson_Q(UInt32(max(0, k - 1)), mean) * n >= 20 || k == 0 {
            observed += counts[k] ?? 0
            expected += gsl_ran_poisson_pdf(UInt32(k), mean) * n
            if expected >= 20 {
                bins.append((observed, expected))
                observed = 0
                expected = 0
            }
            k += 1
        }
        let tailObserved = counts.filter { $0.key >= k }.values.reduce(0, +) + observed
        let tailExpected = gsl_cdf_poisson_Q(UInt32(k - 1), mean) * n + expected
        bins.append((tailObserved, tailExpected))
        let chiSquare = bins.reduce(0.0) { $0 + pow2(Double($1.observed) - $1.expected) / $1.expected }
        let pValue = gsl_cdf_chisq_Q(chiSquare, Double(bins.count - 1))
        #expect(pValue > 1e-4, "chi-square \(chiSquare) on \(bins.count - 1) degrees of freedom")

        // Mean and variance within five standard errors.
        let sampleMean = sum / n
        let sampleVariance = sumSquares / n - sampleMean * sampleMean
        #expect(abs(sampleMean - mean) < 5 * (mean / n).squareRoot())
        #expect(abs(sampleVariance - mean) < 5 * ((mean + 2 * mean * mean) / n).squareRoot())
    }

    @Test func zeroMeanDrawsZero() throws {
        let rng = try RandomGenerator(seed: 1)
        #expect(PoissonSampler().sample(mean: 0, rng.pointer) == 0)
    }
}

func pow2(_ x: Double) -> Double { x * x }
