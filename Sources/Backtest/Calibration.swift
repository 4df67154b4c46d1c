import OutputFormats

/// Whether forecasts of P(level ≥ k) were right on average, in plain words, with the evidence.
public struct Calibration: Sendable, Equatable {
    public enum Verdict: String, Sendable, Equatable, Encodable {
        case wellCalibrated = "well calibrated"
        /// The level was reached more often than forecast.
        case underForecasts = "under-forecasts"
        case overForecasts = "over-forecasts"
        case tooLittleData = "too little data"
    }

    public let level: Int
    public let checks: Int
    /// Checks declared at level k or above.
    public let observed: Int
    /// The sum of the forecast P(level ≥ k): how many such checks the forecasts expected.
    public let expected: Double
    /// (observed − expected) over its standard error, which is estimated from the weeks: the sum of
    /// the squared (observed − expected) of each calendar week (a cluster-robust variance), but no
    /// less than Σ p(1 − p), the variance of independent checks, nor than 1.
    public let z: Double
    public let verdict: Verdict
    /// Bins whose observed interval leaves out their mean forecast, and all bins.
    public let inconsistentBins: Int
    public let bins: Int

    /// |z| above this is a verdict of under- or over-forecasting. The checks of a period are not
    /// independent: both windows of a day share who is working, a sickness spell lasts days and a
    /// backlog carries from check to check, so levels come in runs. Hence the standard error from
    /// weeks rather than checks (runs longer than a week remain), and 3 rather than 2, as seven
    /// levels are judged at once.
    public static let threshold = 3.0
    /// Fewer checks, or fewer than this many both observed and expected at ≥ k, is too little data.
    public static let minimumChecks = 20
    public static let minimumEvents = 5.0

    public init(level: Int, outcomes: [Outcome], bins: [ReliabilityBin]) {
        self.level = level
        checks = outcomes.count
        observed = outcomes.count { $0.reached }
        expected = outcomes.reduce(0) { $0 + $1.forecast }
        var residuals: [Int: Double] = [:]
        for outcome in outcomes { residuals[outcome.week, default: 0] += (outcome.reached ? 1 : 0) - outcome.forecast }
        // At least the spread of independent checks, and of one check, so that the rounding left
        // in a week's residual, or a period of near-certain forecasts, is not read as a signal.
        let independent = outcomes.reduce(0) { $0 + $1.forecast * (1 - $1.forecast) }
        let variance = max(residuals.values.reduce(0) { $0 + $1 * $1 }, independent, 1)
        z = (Double(observed) - expected) / variance.squareRoot()
        self.bins = bins.count
        inconsistentBins = bins.count { !$0.consistent }
        if checks < Self.minimumChecks || (Double(observed) < Self.minimumEvents && expected < Self.minimumEvents) {
            verdict = .tooLittleData
        } else if z > Self.threshold {
            verdict = .underForecasts
        } else if z < -Self.threshold {
            verdict = .overForecasts
        } else {
            verdict = .wellCalibrated
        }
    }

    /// The evidence in one sentence.
    public var evidence: String {
        "level ≥ \(level) declared at \(observed) of \(checks) checks; the forecasts expected \(NumberFormat.fixed(expected, 1)) "
            + "(z = \(NumberFormat.signed(z, 1))); the mean forecast lies outside the observed 95% interval in \(inconsistentBins) of \(bins) bins"
    }
}
