/// A binomial proportion with its Wilson score interval (docs/MODEL.md §8): unlike the normal
/// approximation it stays inside [0, 1] and covers well for probabilities near 0 or 1, which is
/// where most level probabilities sit.
public struct Proportion: Sendable, Hashable {
    public let successes: Int
    public let trials: Int
    public let estimate: Double
    public let low: Double
    public let high: Double

    /// z for a two-sided 95% interval.
    public static let z95 = 1.959963984540054

    public init(successes: Int, trials: Int, z: Double = Proportion.z95) {
        self.successes = successes
        self.trials = trials
        guard trials > 0 else {
            estimate = 0; low = 0; high = 1
            return
        }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        estimate = p
        // At 0 and n successes the bounds are exactly 0 and 1; rounding would leave a hair.
        low = successes == 0 ? 0 : max(0, center - half)
        high = successes == trials ? 1 : min(1, center + half)
    }

    public var halfWidth: Double { (high - low) / 2 }
}
