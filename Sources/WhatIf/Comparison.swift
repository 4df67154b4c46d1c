import Calendars
import Scenarios
import Simulation

/// What changes from a base scenario to a variant, check by check, measured on paired trials: the
/// change in P(level ≥ k) with its paired interval, the change in the planning level, and the
/// channels that become (or stop being) worth briefing ahead.
public struct Comparison: Sendable {
    /// Each run's own estimates, as `plan simulate` would report them with the same seed.
    public let base: Estimates
    public let variant: Estimates
    public let trials: Int
    public let seed: UInt64
    /// In time order, as the models' checks.
    public let checks: [CheckComparison]
    public let recommendationChanges: [RecommendationChange]

    /// - Complexity: O(checks × levels + checks × alert channels).
    public init(tally: PairedTally, base: SimulationModel, variant: SimulationModel, seed: UInt64) {
        let baseEstimates = Estimates(model: base, tally: tally.base)
        let variantEstimates = Estimates(model: variant, tally: tally.variant)
        self.base = baseEstimates
        self.variant = variantEstimates
        self.trials = tally.trials
        self.seed = seed
        let n = tally.trials
        let levels = tally.levelCount
        self.checks = zip(baseEstimates.checks, variantEstimates.checks).enumerated().map { c, pair in
            // Index l (0-based) counts level ≥ l + 1; l = 0 holds in every trial.
            let changes = (1..<levels).map { l -> LevelChange in
                let i = c * levels + l
                let (both, baseOnly, variantOnly) = (tally.both[i], tally.baseOnly[i], tally.variantOnly[i])
                return LevelChange(
                    level: l + 1,
                    base: n > 0 ? Double(both + baseOnly) / Double(n) : 0,
                    variant: n > 0 ? Double(both + variantOnly) / Double(n) : 0,
                    difference: PairedDifference(baseOnly: baseOnly, variantOnly: variantOnly, trials: n))
            }
            return CheckComparison(
                date: pair.0.date, window: pair.0.window,
                planningLevelBase: pair.0.planningLevel, planningLevelVariant: pair.1.planningLevel, changes: changes)
        }
        self.recommendationChanges = RecommendationChange.changes(from: baseEstimates, to: variantEstimates)
    }

    /// Runs both scenarios on the same random numbers and compares them.
    ///
    /// Throws a `SimulationError` when a scenario cannot be simulated or the two do not have the
    /// same checks and levels.
    public static func run(base: Scenario, variant: Scenario, settings: ComparisonSettings) throws -> Comparison {
        try prepare(base: base, variant: variant, settings: settings).run()
    }

    /// The comparison of `base` and `variant`, checked (both can be simulated, with the same checks
    /// and levels) but not yet run: a command checks where its results will go in between, so
    /// that a problem of the inputs is reported first and one of the outputs before the run.
    public static func prepare(base: Scenario, variant: Scenario, settings: ComparisonSettings) throws -> Prepared {
        let baseModel = try SimulationModel(base)
        let variantModel = try SimulationModel(variant, sharingPolicyWith: baseModel)
        let paired = try PairedRun(
            base: baseModel, variant: variantModel, trials: settings.trials, seed: settings.seed, threads: settings.threads)
        return Prepared(base: baseModel, variant: variantModel, paired: paired, seed: settings.seed)
    }

    /// A comparison ready to run (`prepare`).
    public struct Prepared: Sendable {
        let base: SimulationModel
        let variant: SimulationModel
        let paired: PairedRun
        let seed: UInt64

        /// Runs both scenarios on the same random numbers and compares them.
        public func run() throws -> Comparison {
            Comparison(tally: try paired.run(), base: base, variant: variant, seed: seed)
        }
    }

    /// The checks where the two runs differ in at least one trial.
    public var changedChecks: [CheckComparison] { checks.filter { !$0.isUnchanged } }
}

/// How many paired trials to run, seeded how, on how many threads.
public struct ComparisonSettings: Sendable {
    public var trials: Int
    public var seed: UInt64
    public var threads: Int

    public init(trials: Int, seed: UInt64, threads: Int) {
        self.trials = trials
        self.seed = seed
        self.threads = threads
    }
}

/// One check (date and window) of a comparison.
public struct CheckComparison: Sendable, Hashable {
    public let date: CivilDate
    public let window: String
    public let planningLevelBase: Int
    public let planningLevelVariant: Int
    /// For k = 2 … L in order (level ≥ 1 always holds).
    public let changes: [LevelChange]

    /// The change in P(level ≥ k), k ≥ 2.
    public func change(atLeast k: Int) -> LevelChange { changes[k - 2] }

    /// Both runs reached the same levels in every trial: nothing the variant changed reached this check.
    public var isUnchanged: Bool { changes.allSatisfy { $0.difference.baseOnly == 0 && $0.difference.variantOnly == 0 } }

    public var hasSignificantChange: Bool { changes.contains { $0.difference.isSignificant } }
}

/// The change in P(level ≥ k) at one check.
public struct LevelChange: Sendable, Hashable {
    /// k, 1-based.
    public let level: Int
    /// P(level ≥ k) in the base and in the variant run.
    public let base: Double
    public let variant: Double
    public let difference: PairedDifference
}
