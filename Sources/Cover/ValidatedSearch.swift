import Statistics
import WhatIf

/// Steps 2–3 of `CoverPlan` and `HirePlan`, which search the same way: the least cost on the
/// sample, validated on independent trials; while a constrained check fails validation (the upper
/// end of its 95% Wilson interval above the limit plus the tolerance), the sample's limit is
/// tightened by the overshoot (at least 0.01) and the search runs again from the counts found, at
/// most `CoverPlan.tighteningRounds` times.
struct ValidatedSearch<Search: LimitedSearch> {
    var search: Search
    /// The stated limits (the search's may be tightened).
    let limits: [RiskLimit]
    let tolerance: Double
    /// What the search starts from, and what stands when even it finds nothing (every unit bought).
    let none: [Int]
    let full: [Int]

    /// What the search and its validation came to.
    struct Outcome {
        let counts: [Int]
        /// Validated P(level ≥ k) per limit and check, with `counts`.
        let after: [[Proportion]]
        let sampleLimits: [RiskLimit]
        let tightenings: [String]
        let validated: Bool
    }

    /// The first search's counts: the plan a validation shard validates.
    mutating func first() throws -> [Int] { try search.run(from: none) ?? full }

    /// Searches, validates with `validation` and tightens; `noneMeets` says that nothing meets a
    /// tightened limit ("no plan meets 0.080 on the sample; the plan found before is kept").
    mutating func run(validation: PlanValidation, problem: some SearchProblem, noneMeets: (String) -> String) throws -> Outcome {
        var counts = try first()
        var after = try validation.risks(counts, of: problem)
        var sampleLimits = limits
        var tightenings: [String] = []
        for _ in 0..<CoverPlan.tighteningRounds {
            guard let failure = worstFailure(after) else { break }
            let i = failure.limit
            let tighter = sampleLimits[i].probability - max(0.01, failure.high - limits[i].probability)
            guard tighter > 0 else { break }
            tightenings.append(
                "\(problem.checkName(failure.check)): validated \(limits[i].description) failed (upper 95% bound "
                    + "\(CoverPlan.fixed(failure.high)) > \(CoverPlan.fixed(limits[i].probability)) + tolerance \(CoverPlan.fixed(tolerance))); "
                    + "searching again with the sample's limit tightened from \(CoverPlan.fixed(sampleLimits[i].probability)) to \(CoverPlan.fixed(tighter))")
            sampleLimits[i] = RiskLimit(level: limits[i].level, probability: tighter, allowsEqual: limits[i].allowsEqual)
            search.limits = sampleLimits
            guard let tightened = try search.run(from: counts) else {
                tightenings.append(noneMeets(CoverPlan.fixed(tighter)))
                break
            }
            counts = tightened
            after = try validation.risks(counts, of: problem)
        }
        return Outcome(counts: counts, after: after, sampleLimits: sampleLimits, tightenings: tightenings, validated: worstFailure(after) == nil)
    }

    /// The constrained check whose validated upper bound lies furthest above its limit plus the
    /// tolerance (the first such, in limit and check order, on a tie); nil when every one passes.
    func worstFailure(_ risks: [[Proportion]]) -> (limit: Int, check: Int, high: Double)? {
        var worst: (limit: Int, check: Int, high: Double)?
        for (i, limit) in limits.enumerated() {
            for c in risks[i].indices where search.active[i][c] && risks[i][c].high > limit.probability + tolerance {
                if risks[i][c].high - limit.probability > (worst.map { $0.high - limits[$0.limit].probability } ?? -1) { worst = (i, c, risks[i][c].high) }
            }
        }
        return worst
    }
}
