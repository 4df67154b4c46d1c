import CGSL

/// Draws of a Poisson sampler, tallied for goodness-of-fit tests against GSL's probabilities.
struct PoissonDraws {
    let mean: Double
    let count: Int
    /// How many draws gave each value.
    let counts: [Int: Int]

    init(mean: Double, count: Int, draw: () -> Int) {
        self.mean = mean
        self.count = count
        var counts: [Int: Int] = [:]
        for _ in 0..<count { counts[draw(), default: 0] += 1 }
        self.counts = counts
    }

    /// Pearson's chi-square against `gsl_ran_poisson_pdf`: values are binned from 0 up, each bin
    /// closed once its expected count reaches `minimumExpected` (so the lower tail is pooled into
    /// the first bin), and the upper tail pooled into the last.
    func chiSquare(minimumExpected: Double) -> (statistic: Double, degreesOfFreedom: Int, pValue: Double) {
        var bins: [(observed: Int, expected: Double)] = []
        let n = Double(count)
        var k = 0
        var observed = 0, expected = 0.0
        while gsl_cdf_poisson_Q(UInt32(max(0, k - 1)), mean) * n >= minimumExpected || k == 0 {
            observed += counts[k] ?? 0
            expected += gsl_ran_poisson_pdf(UInt32(k), mean) * n
            if expected >= minimumExpected {
                bins.append((observed, expected))
                observed = 0
                expected = 0
            }
            k += 1
        }
        let tailObserved = counts.filter { $0.key >= k }.values.reduce(0, +) + observed
        let tailExpected = gsl_cdf_poisson_Q(UInt32(k - 1), mean) * n + expected
        bins.append((tailObserved, tailExpected))
        let statistic = bins.reduce(0.0) { $0 + pow2(Double($1.observed) - $1.expected) / $1.expected }
        return (statistic, bins.count - 1, gsl_cdf_chisq_Q(statistic, Double(bins.count - 1)))
    }

    /// Sample mean and (population) variance.
    var moments: (mean: Double, variance: Double) {
        let n = Double(count)
        let sum = counts.reduce(0.0) { $0 + Double($1.key) * Double($1.value) }
        let squares = counts.reduce(0.0) { $0 + Double($1.key) * Double($1.key) * Double($1.value) }
        return (sum / n, squares / n - pow2(sum / n))
    }
}

func pow2(_ x: Double) -> Double { x * x }
