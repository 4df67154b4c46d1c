import Calendars
import Scenarios
import Simulation
import Testing
import WhatIf

@testable import Cover

/// The search against a plain enumeration, and the curve's monotonicity, on December's last two
/// check days (Dec 28–29, a week of warm-up) with US and EMEA contractors: 4 candidate (day,
/// option) pairs of 0–2 SEs each, 81 covers.
@Suite struct CoverSearchTests {
    static let poolText = """
        option,group,from,to,cost_per_day,max_per_day
        us-contractor,us,2026-12-28,2026-12-29,400,2
        emea-contractor,emea,2026-12-28,2026-12-29,500,2
        """
    static let trials = 100
    static let seed: UInt64 = 7

    static func problem() throws -> CoverProblem {
        var scenario = try LastWeek.scenario()
        scenario.horizon = DateRange(LastWeek.date("2026-12-28")...LastWeek.date("2026-12-29"))
        return try CoverProblem(scenario: scenario, pool: try LastWeek.pool(poolText, scenario: scenario))
    }

    /// P(level ≥ k) per check of `counts` on the sample, computed here from the tally alone.
    static func risks(_ problem: CoverProblem, _ counts: [Int], level k: Int) throws -> [Double] {
        let model = try SimulationModel(problem.scenario(with: counts))
        let settings = RunSettings(size: .trials(trials), seed: seed, threads: 2, blockSize: CoverSample.blockSize)
        let tally = try MonteCarloRun(model: model, settings: settings).run()
        return (0..<tally.checkCount).map { c in
            Double(((k - 1)..<tally.levelCount).reduce(0) { $0 + tally.levels[c * tally.levelCount + $1] }) / Double(tally.trials)
        }
    }

    @Test func exactSearchFindsTheMinimumOfEveryCombination() throws {
        let problem = try Self.problem()
        #expect(problem.candidates.count == 4)
        // 0.6: with segments cut at the shifts (docs/MODEL.md §5) no cover keeps every check at 0.5.
        let limit = RiskLimit(level: 4, probability: 0.6)
        // Every combination, on the same trials, by a plain loop.
        var all: [[Int]] = [[]]
        for i in problem.candidates.indices { all = all.flatMap { prefix in (0...problem.room(i)).map { prefix + [$0] } } }
        #expect(all.count == 81)
        var feasible: [[Int]] = []
        var riskOf: [[Int]: [Double]] = [:]
        for counts in all {
            let risks = try Self.risks(problem, counts, level: 4)
            riskOf[counts] = risks
            if !risks.contains(where: limit.isExceeded) { feasible.append(counts) }
        }
        let least = try #require(feasible.map(problem.cost).min())
        #expect(least > 0, "the instance needs some cover")

        let none = [Int](repeating: 0, count: 4)
        let active = [[Bool]](repeating: [Bool](repeating: true, count: problem.checks.count), count: 1)
        var search = CoverSearch(
            sample: CoverSample(problem: problem, levels: [4], trials: Self.trials, seed: Self.seed, threads: 2), limits: [limit], active: active)
        #expect(search.isExact)
        let exact = try #require(try search.run(from: none))
        #expect(problem.cost(exact) == least)
        #expect(feasible.contains(exact))
        let searched = try search.sample.risks(exact).atLeast[0]
        #expect(zip(searched, riskOf[exact]!).allSatisfy { abs($0 - $1) < 1e-12 }, "the search's risks \(searched), the loop's \(riskOf[exact]!)")

        // The heuristic on the same instance: a feasible cover, never below the least cost, and
        // the lower bound never above it.
        search.exactCombinations = 0
        #expect(!search.isExact)
        let greedy = try #require(try search.run(from: none))
        #expect(feasible.contains(greedy))
        #expect(problem.cost(greedy) >= least)
        var sample = search.sample
        let bound = try CoverBound(sample: &sample, limits: [limit], active: active, none: none)
        #expect(bound.cost <= least)
        #expect(bound.cost > 0)
    }

    @Test func aTighterLimitNeverCostsLess() throws {
        let problem = try Self.problem()
        let plan = try CoverPlan(
            scenario: problem.scenario, pool: problem.pool, limits: [RiskLimit(level: 5, probability: 0.3)],
            curve: [0.9, 0.7, 0.5, 0.3, 0.1], settings: .init(trials: Self.trials, seed: Self.seed, validationTrials: 1000, threads: 2))
        #expect(plan.curve.map(\.probability) == [0.9, 0.7, 0.5, 0.3, 0.1])
        let costs = plan.curve.map { $0.cost ?? .infinity }
        #expect(zip(costs, costs.dropFirst()).allSatisfy { $0 <= $1 }, "costs from the loosest limit to the tightest: \(costs)")
        #expect(costs.first! < costs.last!, "the curve should rise over these limits: \(costs)")
    }
}
