import Simulation
import Testing
import WhatIf

@testable import Cover

/// The case: December with `ge4<=0.20` and US and EMEA contractors over its last two weeks.
/// Small samples keep the debug build to about 20 s of CPU; `plan cover`'s defaults are 2,000
/// sample and 20,000 validation trials.
@Suite struct CoverDecemberTests {
    @Test func theCoverIsValidatedWithinTheLimitAtEveryCheck() throws {
        let scenario = try LastWeek.december()
        let pool = try LastWeek.pool("""
            option,group,from,to,cost_per_day,max_per_day
            us-contractor,us,2026-12-18,2026-12-31,400,3
            emea-contractor,emea,2026-12-18,2026-12-31,500,3
            """, scenario: scenario)
        let limit = RiskLimit(level: 4, probability: 0.2)
        let settings = CoverPlan.Settings(trials: 400, seed: 1, validationTrials: 4000, threads: 2, tolerance: 0.01)
        let plan = try CoverPlan(scenario: scenario, pool: pool, limits: [limit], settings: settings)
        #expect(plan.unfixable.isEmpty)
        #expect(plan.validated && plan.isFeasible)
        #expect(plan.after[0].count == 44)
        for (c, risk) in plan.after[0].enumerated() {
            #expect(risk.high <= limit.probability + settings.tolerance, "\(plan.problem.checks[c].date) window \(plan.problem.checks[c].window): upper 95% bound \(risk.high)")
        }
        // Without cover Dec 28 is at level ≥ 4 in every trial.
        #expect(plan.before[0].contains { $0.estimate == 1 })
        #expect(plan.cost > 0 && plan.bound.cost > 0 && plan.bound.cost <= plan.cost)
        #expect(plan.cost == plan.purchases.reduce(0) { $0 + $1.cost })
    }
}
