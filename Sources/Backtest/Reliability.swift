import Statistics

/// One bin of a reliability diagram: the checks whose forecast P(level ≥ k) fell in
/// [low, high), and how often the level was then reached. A well-calibrated forecast's mean lies
/// inside the observed frequency's 95% Wilson interval in most bins.
public struct ReliabilityBin: Sendable, Equatable {
    public let low: Double
    public let high: Double
    public let checks: Int
    public let meanForecast: Double
    /// Observed frequency of level ≥ k, with its Wilson 95% interval.
    public let observed: Proportion

    /// Whether the mean forecast lies inside the observed frequency's interval.
    public var consistent: Bool { observed.low <= meanForecast && meanForecast <= observed.high }

    /// Ten bins of width 0.1; empty bins are left out.
    public static let binCount = 10

    /// The bins of the outcomes.
    ///
    /// - Complexity: O(pairs).
    public static func bins(_ outcomes: [Outcome]) -> [ReliabilityBin] {
        var sums = [Double](repeating: 0, count: binCount), counts = [Int](repeating: 0, count: binCount)
        var hits = [Int](repeating: 0, count: binCount)
        for outcome in outcomes {
            let bin = min(binCount - 1, max(0, Int(outcome.forecast * Double(binCount))))
            sums[bin] += outcome.forecast
            counts[bin] += 1
            if outcome.reached { hits[bin] += 1 }
        }
        return (0..<binCount).filter { counts[$0] > 0 }.map { bin in
            ReliabilityBin(
                low: Double(bin) / Double(binCount), high: Double(bin + 1) / Double(binCount), checks: counts[bin],
                meanForecast: sums[bin] / Double(counts[bin]), observed: Proportion(successes: hits[bin], trials: counts[bin]))
        }
    }
}

/// A forecast P(level ≥ k) for a check, and whether the check reached k.
public struct Outcome: Sendable, Equatable {
    public let forecast: Double
    public let reached: Bool

    public init(forecast: Double, reached: Bool) {
        self.forecast = forecast
        self.reached = reached
    }
}
