import Calendars
import Simulation

/// A run read back from its files: `run.json` decoded into the `RunRecord` that was encoded, and
/// the rows of the CSV files checked against it. What the report draws, what `plan diff` and
/// `--previous` compare and what a forecast is read from, whether the files are about to be written
/// (`plan simulate --html`) or were read from a run folder, so none of them can read differently.
public struct StoredRun: Sendable {
    public let record: RunRecord
    /// `checks.csv`, in file order: by date, then window in check order.
    public let checks: [CheckRow]
    /// `horizon.csv`: levels 2 … L; level ≥ 1 is every check.
    public let horizon: [HorizonRow]
    /// `recommendations.csv`, by first date.
    public let recommendations: [Recommendation]
    /// `why.csv`, in time order; empty for a run without it.
    public var why: [Attribution.Check] = []
    /// `sensitivity.csv` (`plan simulate --intervals`), in tornado order; empty for a run without it.
    public var riskDrivers: [RiskDriver] = []
    /// Its stress run's change in expected checks, and the level k it measures.
    public var riskStress: Double?
    public var riskLevel: Int?

    /// What the page shows of a row of `checks.csv`.
    public struct CheckRow: Sendable, Equatable {
        public let date: CivilDate
        public let window: String
        /// P(level = k) at index k − 1.
        public let exactly: [Double]
        /// P(level ≥ k) at index k − 1 (1 at index 0).
        public let atLeast: [Double]
        public let planningLevel: Int
        public let open: Spread
        public let load: Spread
        /// Planned headcount per group, in `run.json`'s group order.
        public let planned: [Int]
    }

    /// Mean, median and 90th percentile of a quantity at a check.
    public struct Spread: Sendable, Equatable {
        public let mean: Double
        public let p50: Double
        public let p90: Double
    }

    /// A row of `horizon.csv`.
    public struct HorizonRow: Sendable, Equatable {
        public let level: Int
        public let reached: Double
        public let reachedLow: Double
        public let reachedHigh: Double
        public let expectedChecks: Double
        public let longestRunMean: Double
        public let longestRunP50: Int
        public let longestRunP90: Int
    }

    public init(record: RunRecord, checks: [CheckRow], horizon: [HorizonRow], recommendations: [Recommendation]) {
        self.record = record
        self.checks = checks
        self.horizon = horizon
        self.recommendations = recommendations
    }

    /// The planning levels a check lies between (`PlanningLevel.range`), from the probabilities
    /// in `checks.csv` and the run's trial count: more than one when it is at the line.
    public func planningRange(_ check: CheckRow) -> ClosedRange<Int> {
        PlanningLevel.range(atLeast: check.atLeast, trials: record.sampling.trials, risk: record.policy.planningRisk)
    }
}
