import Calendars
import OutputFormats
import Statistics

/// Forecasts held against what was declared: per level k the reliability of P(level ≥ k), its
/// Brier score and the verdict on the count of checks at ≥ k; the ranked probability score over
/// all levels and over the uncertain checks alone; all with skill against climatology,
/// persistence and the schedule floor; and the coverage of the open-case range.
public struct BacktestReport: Sendable {
    public let from: CivilDate?
    public let to: CivilDate?
    public let lead: ClosedRange<Int>
    public let pairing: Pairing
    /// Declared checks in the period, and those with no forecast made before them in the lead range.
    public let declaredChecks: Int
    public let unforecastChecks: Int
    public let pairs: [ForecastPair]
    /// Distinct runs among the pairs.
    public let forecasts: Int
    public let levelCount: Int
    /// k = 2 … L (≥ 1 always holds).
    public let levels: [LevelScore]
    public let rankedProbability: ScoreComparison
    /// The pairs whose forecast gives no level a probability of `certainty` or more: where the
    /// simulation has something to add to the calendar. Nil when there are none.
    public let uncertainChecks: Int
    public let rankedProbabilityUncertain: ScoreComparison?
    /// The ISO weeks the verdicts judge (`JudgedWeek.select`).
    public let judgedWeeks: [JudgedWeek]
    /// Nil when no declared check has open cases.
    public let coverage: Coverage?

    public struct LevelScore: Sendable, Equatable {
        public let level: Int
        public let brier: ScoreComparison
        /// The Brier score on the uncertain checks alone; nil when there are none.
        public let brierUncertain: ScoreComparison?
        public let bins: [ReliabilityBin]
        public let calibration: CountCalibration
    }

    /// A mean score of the forecasts and of the baselines. Persistence has no forecast on a
    /// window's first check day, and the schedule floor none for a run recorded without it, so
    /// each is compared on the checks where it has one.
    public struct ScoreComparison: Sendable, Equatable {
        public let forecast: Double
        public let climatology: Double
        public let skillVersusClimatology: Double?
        public let persistenceChecks: Int
        public let forecastOnPersistenceChecks: Double
        public let persistence: Double
        public let skillVersusPersistence: Double?
        public let floorChecks: Int
        public let forecastOnFloorChecks: Double
        public let floor: Double
        public let skillVersusFloor: Double?
    }

    /// A forecast that gives one level at least this probability is certain: the calendar (or a
    /// backlog no trial clears) decided the check.
    public static let certainty = 0.99

    /// How often the declared open cases fell inside the forecast's P10–P90 (80% if the forecast
    /// is right), and how wide that range was on average (narrower is sharper).
    public struct Coverage: Sendable, Equatable {
        public let inside: Proportion
        public let meanWidth: Double
    }

    /// Scores `declared` (the checks of the period, in time order) against `forecasts`, with the
    /// baselines computed from `history` (every declared check, the period's and earlier ones)
    /// and the verdicts from the forecasts' `counts` (by run id; a run without is scored without).
    ///
    /// - Complexity: O(pairs × (levels + history) + levels × judged weeks²).
    public init(declared: [DeclaredLevel], history: [DeclaredLevel], forecasts: [LevelForecast], counts: [String: WeeklyCounts],
                from: CivilDate?, to: CivilDate?, lead: ClosedRange<Int>, pairing: Pairing) throws(BacktestError) {
        let period = from == nil && to == nil ? "" : " from \(from?.description ?? "the first check") to \(to?.description ?? "the last")"
        guard !declared.isEmpty else { throw BacktestError("no declared checks\(period); record them \(term: .recordDeclarations)") }
        let pairs = pairing.pairs(declared, forecasts, lead: lead)
        guard let first = pairs.first else {
            throw BacktestError("no forecast was made before any of the \(declared.count) declared checks\(period) with a lead of \(lead.lowerBound) to \(lead.upperBound) days; record forecasts \(term: .recordForecasts)")
        }
        let levelCount = first.forecast.levels.count
        if let other = pairs.first(where: { $0.forecast.levels.count != levelCount }) {
            throw BacktestError("forecasts of \(levelCount) and of \(other.forecast.levels.count) levels (run \(other.forecast.runID.prefix(12))); back-test the forecasts of one policy at a time")
        }
        if let high = pairs.first(where: { $0.declared.level > levelCount }) {
            throw BacktestError("\(high.declared.date) \(high.declared.window) was declared at level \(high.declared.level), but the forecasts have \(levelCount) levels")
        }
        self.from = from
        self.to = to
        self.lead = lead
        self.pairing = pairing
        self.declaredChecks = declared.count
        self.unforecastChecks = declared.count - Set(pairs.map { [$0.declared.date.description, $0.declared.window] }).count
        self.pairs = pairs
        self.forecasts = Set(pairs.map(\.forecast.runID)).count
        self.levelCount = levelCount

        let baselines = Baselines(history: history, levelCount: levelCount)
        let climatology = pairs.map { baselines.climatology(for: $0.declared) }
        let persistence = pairs.map { baselines.persistence(for: $0.declared) }
        let floor = pairs.map { pair in pair.forecast.floorLevel.map { Baselines.certain(level: $0, levelCount: levelCount) } }
        func compare(_ score: ([Double], Int) -> Double, on chosen: [Bool]? = nil) -> ScoreComparison {
            func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
            let keep = chosen ?? pairs.map { _ in true }
            func kept<T>(_ values: [T]) -> [T] { zip(values, keep).compactMap { $1 ? $0 : nil } }
            let chosenPairs = kept(pairs)
            let forecast = chosenPairs.map { score($0.forecast.levels, $0.declared.level) }
            let reference = zip(chosenPairs, kept(climatology)).map { score($1, $0.declared.level) }
            func against(_ baseline: [[Double]?]) -> (checks: Int, forecast: Double, baseline: Double, skill: Double?) {
                let scored = zip(chosenPairs, baseline).compactMap { pair, levels in levels.map { score($0, pair.declared.level) } }
                let onScored = mean(zip(forecast, baseline).compactMap { $1 == nil ? nil : $0 })
                return (scored.count, onScored, mean(scored), scored.isEmpty ? nil : Scores.skill(onScored, against: mean(scored)))
            }
            let persisted = against(kept(persistence)), floored = against(kept(floor))
            return ScoreComparison(
                forecast: mean(forecast), climatology: mean(reference),
                skillVersusClimatology: Scores.skill(mean(forecast), against: mean(reference)),
                persistenceChecks: persisted.checks, forecastOnPersistenceChecks: persisted.forecast, persistence: persisted.baseline,
                skillVersusPersistence: persisted.skill,
                floorChecks: floored.checks, forecastOnFloorChecks: floored.forecast, floor: floored.baseline, skillVersusFloor: floored.skill)
        }
        let judged = JudgedWeek.select(declared: declared, forecasts: forecasts, counts: counts, lead: lead)
        judgedWeeks = judged
        let pairedRuns = Set(pairs.map(\.forecast.runID))
        let reason = pairedRuns.contains(where: { counts[$0] != nil })
            ? "no ISO week had every check a forecast made for it declared, with the forecast made before the first of them"
            : "the forecasts were recorded without count distributions (runs written before plan kept counts.json); record them again for a verdict"
        let uncertain = pairs.map { ($0.forecast.levels.max() ?? 1) < Self.certainty }
        uncertainChecks = uncertain.count { $0 }
        levels = levelCount < 2 ? [] : (2...levelCount).map { [uncertainChecks] k in
            let outcomes = pairs.map { Outcome(forecast: Scores.atLeast(k, $0.forecast.levels), reached: $0.declared.level >= k) }
            let bins = ReliabilityBin.bins(outcomes)
            return LevelScore(
                level: k, brier: compare { Scores.brier(k, forecast: $0, declared: $1) },
                brierUncertain: uncertainChecks == 0 ? nil : compare({ Scores.brier(k, forecast: $0, declared: $1) }, on: uncertain), bins: bins,
                calibration: CountCalibration(level: k, weeks: judged, bins: bins, reason: reason))
        }
        rankedProbability = compare { Scores.rankedProbability(forecast: $0, declared: $1) }
        rankedProbabilityUncertain = uncertainChecks == 0 ? nil : compare({ Scores.rankedProbability(forecast: $0, declared: $1) }, on: uncertain)

        let withCases = pairs.compactMap { pair in pair.declared.openCases.map { (open: Double($0), forecast: pair.forecast) } }
        coverage = withCases.isEmpty ? nil : Coverage(
            inside: Proportion(successes: withCases.count { $0.forecast.p10Open <= $0.open && $0.open <= $0.forecast.p90Open }, trials: withCases.count),
            meanWidth: withCases.reduce(0) { $0 + $1.forecast.p90Open - $1.forecast.p10Open } / Double(withCases.count))
    }
}

/// A backtest that cannot be computed (no declared checks, no forecast before them): one line
/// saying what is missing and how to record it.
public typealias BacktestError = ErrorMessage<BacktestErrorTopic>

public enum BacktestErrorTopic: ErrorTopic {
    /// How what a backtest lacks gets into the history store.
    public enum Term: Sendable, Hashable, CaseIterable {
        case recordDeclarations, recordForecasts
    }

    public static func words(_ term: Term) -> String {
        switch term {
        case .recordDeclarations: "by recording each declared level, or by importing past declarations"
        case .recordForecasts: "by recording each run's forecast"
        }
    }
}
