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
    /// (observed − expected) / √(Σ p(1 − p)), the spread counted as at least one check.
    public let z: Double
    public let verdict: Verdict
    /// Bins whose observed interval leaves out their mean forecast, and all bins.
    public let inconsistentBins: Int
    public let bins: Int

    /// |z| above this is a verdict of under- or over-forecasting. Not 2: the checks of a period are
    /// not independent (a backlog carries from check to check, so levels come in runs), which makes
    /// the count of checks at ≥ k spread wider than independent checks would, and a 2 would flag
    /// well-calibrated forecasts in a period with one long run.
    public static let threshold = 3.0
    /// Fewer checks, or fewer than this many both observed and expected at ≥ k, is too little data.
    public static let minimumChecks = 20
    public static let minimumEvents = 5.0

    public init(level: Int, outcomes: [(forecast: Double, reached: Bool)], bins: [ReliabilityBin]) {
        self.level = level
        checks = outcomes.count
        observed = outcomes.count { $0.reached }
        expected = outcomes.reduce(0) { $0 + $1.forecast }
        let variance = outcomes.reduce(0) { $0 + $1.forecast * (1 - $1.forecast) }
        z = (Double(observed) - expected) / max(variance, 1).squareRoot()
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
