import Calendars
import Cover
import Scenarios
import WhatIf

/// The measurement behind `plan bench --hire-through`: `plan hire`'s library with its defaults
/// (1,000 sample trials, 10,000 validation trials, 8 weeks' lead time, a 12-week ramp from half
/// capacity, 2 hires a month) on a scenario through a date, best of `repeats`; the count is the
/// plans simulated.
public struct HireBenchmark: Sendable {
    public let scenario: Scenario
    public let through: CivilDate
    public let limit: RiskLimit
    public let threads: Int
    public let repeats: Int

    public init(scenario: Scenario, through: CivilDate, limit: RiskLimit, threads: Int, repeats: Int) {
        self.scenario = scenario
        self.through = through
        self.limit = limit
        self.threads = threads
        self.repeats = repeats
    }

    public func run() throws -> [BenchmarkMeasurement] {
        var plans = 0
        let seconds = try BenchmarkMeasurement.best(of: repeats) {
            plans = try HirePlan(
                scenario: scenario, through: through, hiring: HireProblem.Settings(), limits: [limit],
                settings: CoverPlan.Settings(trials: 1000, validationTrials: 10_000, threads: threads)).evaluations
        }
        return [BenchmarkMeasurement(
            name: "hire, \(scenario.name) to \(through), \(scenario.team.count) SEs, \(threads) thread\(threads == 1 ? "" : "s")", count: plans, seconds: seconds)]
    }
}
