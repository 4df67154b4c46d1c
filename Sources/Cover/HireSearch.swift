import Calendars
import WhatIf

/// The least-cost hiring plan on the sample: a plan is feasible when every constrained check's
/// P(level ≥ k) on the sample trials is within its limit.
///
/// Greedy, lazily, as cover's (`CoverSearch`): each step adds the hire with the largest reduction of
/// the excess risk per unit of cost, among those starting on or before the latest check over the
/// limit (a hire cannot help a check before their first day); when no single hire moves anything,
/// two at once; failing that, the latest start on or before the earliest check over the limit. Then
/// every hire that turned out redundant is removed (the dearest, the earliest, first), and each
/// remaining hire is moved a month later while the plan stays feasible (a later start costs less).
struct HireSearch: LimitedSearch {
    var sample: HireSample
    var limits: [RiskLimit]
    /// Per limit and check: whether the check is constrained (false for checks no plan can fix).
    let active: [[Bool]]
    /// Moves of a hire to a later month stop after this many simulated plans.
    static let delayBudget = 60

    var problem: HireProblem { sample.problem }

    var sampleTrials: Int { sample.trials }

    mutating func isFeasible(_ counts: [Int]) throws -> Bool { violations(try sample.risks(counts)).isEmpty }

    /// The least-cost plan found from `seed`; nil when even every hire cannot meet the limits on the sample.
    mutating func run(from seed: [Int]) throws -> [Int]? {
        guard var counts = try greedy(from: seed) else { return nil }
        counts = try prune(counts)
        counts = try delay(counts)
        return counts
    }

    mutating func greedy(from seed: [Int]) throws -> [Int]? {
        var counts = seed
        var stale: [Int: Double] = [:]
        while true {
            let current = try sample.risks(counts)
            let violated = violations(current)
            guard !violated.isEmpty else { return counts }
            let dates = violated.map { problem.checks[$0.check].date }
            let (earliest, latest) = (dates.min()!, dates.max()!)
            let relevant = problem.candidates.indices.filter { counts[$0] < problem.settings.maxPerMonth && problem.candidates[$0].start <= latest }
            guard !relevant.isEmpty else { return nil }
            let base = score(current, over: violated)
            func ratio(_ i: Int, adding m: Int) throws -> Double {
                var next = counts
                next[i] += m
                return (base - score(try sample.risks(next), over: violated)) / max(Double(m) * problem.unitCost(i), 1e-9)
            }
            var chosen: (index: Int, units: Int)? = try Self.bestSingleUnit(among: relevant, stale: &stale) { try ratio($0, adding: 1) }.map { ($0, 1) }
            if chosen == nil {
                var best: (index: Int, ratio: Double)?
                for i in relevant where counts[i] + 2 <= problem.settings.maxPerMonth {
                    let r = try ratio(i, adding: 2)
                    if r > 0, r > best?.ratio ?? 0 { best = (i, r) }
                }
                chosen = best.map { ($0.index, 2) }
            }
            if chosen == nil {
                chosen = relevant.filter { problem.candidates[$0].start <= earliest }
                    .max { (problem.candidates[$0].start, -$0) < (problem.candidates[$1].start, -$1) }
                    .map { ($0, 1) } ?? (relevant[0], 1)
            }
            counts[chosen!.index] += chosen!.units
            stale[chosen!.index] = nil
        }
    }

    /// Removes hires while the plan stays feasible, the dearest (earliest) first.
    mutating func prune(_ start: [Int]) throws -> [Int] {
        let order = start.indices.filter { start[$0] > 0 }.sorted { (problem.unitCost($0), $1) > (problem.unitCost($1), $0) }
        return try removeWhileFeasible(start, in: order)
    }

    /// Moves each hire to the same group's next month while the plan stays feasible.
    mutating func delay(_ start: [Int]) throws -> [Int] {
        var counts = start
        var budget = Self.delayBudget
        var moved = true
        while moved && budget > 0 {
            moved = false
            for i in counts.indices where counts[i] > 0 && budget > 0 {
                let next = i + 1
                guard next < counts.count, problem.candidates[next].group == problem.candidates[i].group,
                      counts[next] < problem.settings.maxPerMonth
                else { continue }
                budget -= 1
                var later = counts
                later[i] -= 1
                later[next] += 1
                if try isFeasible(later) {
                    counts = later
                    moved = true
                }
            }
        }
        return try prune(counts)
    }
}

/// The fixed trials every candidate plan is judged on (as `CoverSample`): each plan simulated once.
struct HireSample {
    let problem: HireProblem
    let levels: [Int]
    let trials: Int
    let seed: UInt64
    let threads: Int
    private var cache: [[Int]: CoverSample.Risks] = [:]
    private(set) var evaluations = 0

    init(problem: HireProblem, levels: [Int], trials: Int, seed: UInt64, threads: Int) {
        self.problem = problem
        self.levels = levels
        self.trials = trials
        self.seed = seed
        self.threads = threads
    }

    mutating func risks(_ counts: [Int]) throws -> CoverSample.Risks {
        if let known = cache[counts] { return known }
        let risks = try CoverSample.risks(of: problem.scenario(with: counts), sharingPolicyWith: problem.baseModel, levels: levels, trials: trials, seed: seed, threads: threads)
        cache[counts] = risks
        evaluations += 1
        return risks
    }
}
