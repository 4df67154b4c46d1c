import Cover
import Scenarios
import WhatIf

/// The measurement behind `plan bench --cover-pool` and the PlanCover suite: `plan cover`'s library with
/// its defaults (2,000 sample trials, 20,000 validation trials) on a scenario and a pool, best of
/// `repeats`; the count is the covers simulated.
public struct CoverBenchmark: Sendable {
    public let scenario: Scenario
    public let pool: CoverPool
    public let limit: RiskLimit
    public let threads: Int
    public let repeats: Int

    public init(scenario: Scenario, pool: CoverPool, limit: RiskLimit, threads: Int, repeats: Int) {
        self.scenario = scenario
        self.pool = pool
        self.limit = limit
        self.threads = threads
        self.repeats = repeats
    }

    /// One search, validation and bound, as `plan cover` runs them.
    public func plan() throws -> CoverPlan {
        try CoverPlan(scenario: scenario, pool: pool, limits: [limit], settings: CoverPlan.Settings(threads: threads))
    }

    /// One `plan()`, for a caller that sees this module only: the covers it simulated.
    public func searchOnce() throws -> Int { try plan().evaluations }

    public func run() throws -> [BenchmarkMeasurement] {
        var covers = 0
        let seconds = try BenchmarkMeasurement.best(of: repeats) { covers = try plan().evaluations }
        return [BenchmarkMeasurement(
            name: "cover, \(scenario.name), \(threads) thread\(threads == 1 ? "" : "s")", count: covers, seconds: seconds)]
    }
}

extension CoverBenchmark {
    /// The suite's input: `ge4<=0.20` on two threads, the pool read from its text (the nested
    /// benchmark package sees this product only, not the Cover module).
    public static func december(scenario: Scenario, poolText: String, source: String) throws -> CoverBenchmark {
        CoverBenchmark(
            scenario: scenario, pool: try CoverPool.read(csv: poolText, source: source, scenario: scenario),
            limit: RiskLimit(level: 4, probability: 0.2), threads: 2, repeats: 1)
    }
}
