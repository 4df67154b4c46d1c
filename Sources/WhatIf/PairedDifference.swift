import Simulation
import Statistics

/// The change in a probability between two runs of the same trials, with its 95% interval computed
/// from the pairs.
///
/// Each trial gives a difference in {−1, 0, +1} (the variant reached the event and the base did
/// not, both or neither did, the base did and the variant did not); only the discordant trials carry
/// information, so the variance of the mean difference comes from their counts. Common random
/// numbers make discordant trials rare, which is why this interval is much narrower than the
/// interval of the difference of two independent runs.
///
/// The interval is the Agresti–Min adjusted Wald interval (half a trial added to each of the four
/// cells of the paired table): the plain Wald interval would call a change significant from four
/// discordant trials that all point one way, which a sign test does not. When no trial is
/// discordant the two runs agree in every trial, and the change and its interval are exactly zero.
public struct PairedDifference: Sendable, Hashable {
    public let trials: Int
    /// Trials with the event in the base run only, and in the variant run only.
    public let baseOnly: Int
    public let variantOnly: Int
    /// (variant only − base only) / trials: P(variant) − P(base).
    public let estimate: Double
    public let low: Double
    public let high: Double

    public init(baseOnly: Int, variantOnly: Int, trials: Int, z: Double = Proportion.z95) {
        self.trials = trials
        self.baseOnly = baseOnly
        self.variantOnly = variantOnly
        guard trials > 0, baseOnly + variantOnly > 0 else {
            (estimate, low, high) = (0, 0, 0)
            return
        }
        estimate = Double(variantOnly - baseOnly) / Double(trials)
        let n = Double(trials + 2)
        let b = Double(baseOnly) + 0.5, v = Double(variantOnly) + 0.5
        let center = (v - b) / n
        let variance = ((b + v) / n - center * center) / n
        let half = z * variance.squareRoot()
        low = max(-1, center - half)
        high = min(1, center + half)
    }

    /// The interval excludes zero.
    public var isSignificant: Bool { low > 0 || high < 0 }

    public var halfWidth: Double { (high - low) / 2 }
}
