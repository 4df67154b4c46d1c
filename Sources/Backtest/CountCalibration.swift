import OutputFormats

/// Whether the forecasts of the number of checks at ≥ k were right, in plain words, with the
/// evidence: the declared count against the forecasts' own predictive distribution of it.
public struct CountCalibration: Sendable, Equatable {
    public enum Verdict: String, Sendable, Equatable, Encodable {
        case wellCalibrated = "well calibrated"
        /// The level was reached more often than forecast.
        case underForecasts = "under-forecasts"
        case overForecasts = "over-forecasts"
        case tooLittleData = "too little data"
        /// No week could be judged whole against a forecast with counts; `reason` says why.
        case noVerdict = "no verdict"
    }

    public let level: Int
    /// Judged weeks and their checks.
    public let weeks: Int
    public let checks: Int
    /// Checks declared at level k or above in the judged weeks.
    public let observed: Int
    /// The forecasts' predictive count; nil without a verdict.
    public let predicted: PredictiveCount?
    /// (observed − expected) / the predictive standard deviation, with the continuity correction.
    public let z: Double
    public let verdict: Verdict
    /// Why there is no verdict (`noVerdict` only).
    public let reason: String?
    /// Bins whose observed interval leaves out their mean forecast, and all bins.
    public let inconsistentBins: Int
    public let bins: Int

    /// |z| above this is a verdict of under- or over-forecasting: two-sided 4.6% per level if the
    /// predictive count were normal, less with the continuity correction. Over 400 quarters sampled
    /// from a right forecast, 2.9% of levels were flagged; a doubled count at ≥ 2 was flagged in
    /// 95.5% of 400 quarters (`VerdictSizeAndPowerTests`). Power depends on the forecast's own
    /// spread: with a stronger backlog carry-over in that model (0.1–0.15 instead of 0.05) it was
    /// 92.5–93.5% at 2, and at 2.5 the size fell to 1.0% but the power to 72%.
    public static let threshold = 2.0
    /// Fewer checks, or fewer than this many both observed and expected at ≥ k, is too little data:
    /// a count of rare events is too skewed for the normal z.
    public static let minimumChecks = 20
    public static let minimumEvents = 5.0

    /// The verdict of level k over `weeks` (`JudgedWeek.select`); `reason` says why there are none.
    public init(level: Int, weeks judged: [JudgedWeek], bins: [ReliabilityBin], reason: String) {
        self.level = level
        weeks = judged.count
        checks = judged.reduce(0) { $0 + $1.declared.count }
        observed = judged.reduce(0) { total, week in total + week.declared.count { $0.level >= level } }
        self.bins = bins.count
        inconsistentBins = bins.count { !$0.consistent }
        guard !judged.isEmpty else {
            (predicted, z, verdict, self.reason) = (nil, 0, .noVerdict, reason)
            return
        }
        let predicted = PredictiveCount(level: level, weeks: judged)
        self.predicted = predicted
        self.reason = nil
        z = predicted.z(declared: observed)
        if checks < Self.minimumChecks || (Double(observed) < Self.minimumEvents && predicted.mean < Self.minimumEvents) {
            verdict = .tooLittleData
        } else if z > Self.threshold {
            verdict = .underForecasts
        } else if z < -Self.threshold {
            verdict = .overForecasts
        } else {
            verdict = .wellCalibrated
        }
    }

    /// The sum of the forecasts' mean counts: how many checks at ≥ k they expected.
    public var expected: Double { predicted?.mean ?? 0 }

    /// The evidence in one sentence.
    public var evidence: String {
        let bins = "the mean forecast lies outside the observed 95% interval in \(inconsistentBins) of \(self.bins) bins"
        guard let predicted else { return "\(reason ?? "no week could be judged"); \(bins)" }
        return "level ≥ \(level) declared at \(observed) of \(checks) checks in \(weeks) week\(weeks == 1 ? "" : "s"); the forecasts expected "
            + "\(NumberFormat.fixed(predicted.mean, 1)), 95% band \(predicted.low)–\(predicted.high) (z = \(Self.format(z))); \(bins)"
    }

    /// A z for people: one decimal, or ±∞ for a certain forecast that missed.
    static func format(_ z: Double) -> String { z.isFinite ? NumberFormat.signed(z, 1) : (z > 0 ? "+∞" : "−∞") }
}
