/// The forecast's own predictive distribution of a declared count of checks at ≥ k over the
/// judged weeks: its mean, its variance (the weeks' variances and, within one forecast, their
/// covariances; forecasts made at different times uncorrelated) and its 95% band.
public struct PredictiveCount: Sendable, Equatable {
    public let mean: Double
    public let variance: Double
    /// The central 95% band: exact from the trials for one week, else the normal band rounded
    /// outwards to whole checks, within 0 … checks.
    public let low: Int
    public let high: Int

    /// Mean and variance of a count from its distribution over trials (trials with n, n = 0 …).
    static func moments(_ distribution: [Int]) -> (mean: Double, variance: Double) {
        let trials = Double(distribution.reduce(0, +))
        guard trials > 0 else { return (0, 0) }
        var sum = 0.0, squares = 0.0
        for (n, count) in distribution.enumerated() {
            sum += Double(n * count)
            squares += Double(n * n * count)
        }
        let mean = sum / trials
        return (mean, max(0, squares / trials - mean * mean))
    }

    /// The predictive count of `weeks` at level k.
    ///
    /// - Complexity: O(weeks²) for the covariances within each forecast.
    init(level k: Int, weeks: [JudgedWeek]) {
        var mean = 0.0, variance = 0.0
        for (i, a) in weeks.enumerated() {
            mean += Self.moments(a.counts.distribution(level: k, week: a.week)).mean
            variance += a.counts.covariance(level: k, a.week, a.week)
            for b in weeks[(i + 1)...] where b.counts.runID == a.counts.runID {
                variance += 2 * a.counts.covariance(level: k, a.week, b.week)
            }
        }
        self.mean = mean
        self.variance = max(0, variance)
        let checks = weeks.reduce(0) { $0 + $1.declared.count }
        if weeks.count == 1 {
            let distribution = weeks[0].counts.distribution(level: k, week: weeks[0].week)
            (low, high) = Self.centralBand(distribution)
        } else {
            let spread = 1.959964 * self.variance.squareRoot()
            low = max(0, Int((mean - spread).rounded(.down)))
            high = min(checks, Int((mean + spread).rounded(.up)))
        }
    }

    /// The smallest counts with at least 2.5% and 97.5% of the trials at or below them.
    static func centralBand(_ distribution: [Int]) -> (Int, Int) {
        let trials = distribution.reduce(0, +)
        func quantile(_ q: Double) -> Int {
            var seen = 0
            for (n, count) in distribution.enumerated() {
                seen += count
                if Double(seen) >= q * Double(trials) { return n }
            }
            return distribution.count - 1
        }
        return (quantile(0.025), quantile(0.975))
    }

    /// (declared − mean) over the standard deviation, half a check nearer the mean (the continuity
    /// correction of a whole count); ±infinity when a certain forecast (no variance) missed.
    func z(declared: Int) -> Double {
        let gap = Double(declared) - mean
        let corrected = max(0, abs(gap) - 0.5) * (gap < 0 ? -1 : 1)
        guard variance > 0 else { return corrected == 0 ? 0 : (corrected > 0 ? .infinity : -.infinity) }
        return corrected / variance.squareRoot()
    }
}
