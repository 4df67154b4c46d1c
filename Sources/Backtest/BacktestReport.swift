import Calendars
import Simulation

/// Forecasts held against what was declared: per level k the reliability of P(level ≥ k), its
/// Brier score and verdict; the ranked probability score over all levels; both with skill against
/// climatology and persistence; and the coverage of the open-case range.
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
    /// Nil when no declared check has open cases.
    public let coverage: Coverage?

    public struct LevelScore: Sendable, Equatable {
        public let level: Int
        public let brier: ScoreComparison
        public let bins: [ReliabilityBin]
        public let calibration: Calibration
    }

    /// A mean score of the forecasts and of the baselines. Persistence has no forecast on a
    /// window's first check day, so it is compared on the checks where it has one.
    public struct ScoreComparison: Sendable, Equatable {
        public let forecast: Double
        public let climatology: Double
        public let skillVersusClimatology: Double?
        public let persistenceChecks: Int
        public let forecastOnPersistenceChecks: Double
        public let persistence: Double
        public let skillVersusPersistence: Double?
    }

    /// How often the declared open cases fell inside the forecast's P10–P90 (80% if the forecast
    /// is right), and how wide that range was on average (narrower is sharper).
    public struct Coverage: Sendable, Equatable {
        public let inside: Proportion
        public let meanWidth: Double
    }

    /// Scores `declared` (the checks of the period, in time order) against `forecasts`, with the
    /// baselines computed from `history` (every declared check, the period's and earlier ones).
    ///
    /// - Complexity: O(pairs × (levels + history)).
    public init(declared: [DeclaredLevel], history: [DeclaredLevel], forecasts: [LevelForecast],
                from: CivilDate?, to: CivilDate?, lead: ClosedRange<Int>, pairing: Pairing) throws(BacktestError) {
        let period = from == nil && to == nil ? "" : " from \(from?.description ?? "the first check") to \(to?.description ?? "the last")"
        guard !declared.isEmpty else { throw BacktestError("no declared checks\(period); record them with plan level --record or plan history import") }
        let pairs = pairing.pairs(declared, forecasts, lead: lead)
        guard let first = pairs.first else {
            throw BacktestError("no forecast was made before any of the \(declared.count) declared checks\(period) with a lead of \(lead.lowerBound) to \(lead.upperBound) days; record forecasts with plan simulate --record or plan history add-run")
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
        func compare(_ score: ([Double], Int) -> Double) -> ScoreComparison {
            func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
            let forecast = pairs.map { score($0.forecast.levels, $0.declared.level) }
            let reference = zip(pairs, climatology).map { score($1, $0.declared.level) }
            let persisted = zip(pairs, persistence).compactMap { pair, levels in levels.map { score($0, pair.declared.level) } }
            let onPersisted = zip(forecast, persistence).compactMap { $1 == nil ? nil : $0 }
            return ScoreComparison(
                forecast: mean(forecast), climatology: mean(reference),
                skillVersusClimatology: Scores.skill(mean(forecast), against: mean(reference)),
                persistenceChecks: persisted.count, forecastOnPersistenceChecks: mean(onPersisted), persistence: mean(persisted),
                skillVersusPersistence: persisted.isEmpty ? nil : Scores.skill(mean(onPersisted), against: mean(persisted)))
        }
        levels = levelCount < 2 ? [] : (2...levelCount).map { k in
            let outcomes = pairs.map {
                Outcome(forecast: Scores.atLeast(k, $0.forecast.levels), reached: $0.declared.level >= k, week: $0.declared.date.dayNumber / 7)
            }
            let bins = ReliabilityBin.bins(outcomes)
            return LevelScore(
                level: k, brier: compare { Scores.brier(k, forecast: $0, declared: $1) }, bins: bins,
                calibration: Calibration(level: k, outcomes: outcomes, bins: bins))
        }
        rankedProbability = compare { Scores.rankedProbability(forecast: $0, declared: $1) }

        let withCases = pairs.compactMap { pair in pair.declared.openCases.map { (open: Double($0), forecast: pair.forecast) } }
        coverage = withCases.isEmpty ? nil : Coverage(
            inside: Proportion(successes: withCases.count { $0.forecast.p10Open <= $0.open && $0.open <= $0.forecast.p90Open }, trials: withCases.count),
            meanWidth: withCases.reduce(0) { $0 + $1.forecast.p90Open - $1.forecast.p10Open } / Double(withCases.count))
    }
}

/// A backtest that cannot be computed (no declared checks, no forecast before them): one line
/// saying what is missing and how to record it.
public struct BacktestError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
