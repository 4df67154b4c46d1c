import Calendars
import WhatIf

/// The least-cost search on the sample: a cover is feasible when every constrained check's
/// P(level ≥ k) on the sample trials is within its limit.
///
/// - Exact when the candidates are few (`exactCandidates` (day, option) pairs and at most
///   `exactCombinations` count vectors): every cover is simulated, cheapest first, and the first
///   feasible one is the least cost on the sample.
/// - Otherwise greedy, lazily: each step adds the unit with the largest reduction of the excess
///   risk per unit of cost; a unit's last computed ratio stands in for it until it comes out on top,
///   when it is computed again. A step where no single unit reduces anything (several SEs are needed
///   on a day before a level moves) tries 2 and 3 units at once, and failing that buys the cheapest
///   unit on or before the worst check. Then every unit that turned out redundant is removed (most
///   expensive first), and local improvement swaps a unit for a cheaper one on its day or the next
///   or previous while the cover stays feasible, then removes what became redundant.
struct CoverSearch: LimitedSearch {
    var sample: CoverSample
    /// The limits on the sample (α′, possibly tighter than the stated α).
    var limits: [RiskLimit]
    /// Per limit and check: whether the check is constrained (false for checks no cover can fix).
    let active: [[Bool]]

    static let exactCandidates = 12
    static let exactCombinations = 4096
    /// Local improvement stops after this many simulated swaps.
    static let swapBudget = 60
    /// A unit is swapped for a cheaper one on its own day or a neighbouring one: further away, the
    /// cheaper unit meets another day's checks.
    static let swapReach = 1
    /// The greedy buys only on the day of a check over the limit or up to this many days before
    /// it: a unit a week earlier has worked off its share of the backlog long before (on December,
    /// the units greedy picked with no such limit, at 500 sample trials, all fell on the day of a
    /// check over the limit or the day before).
    static let reach = 7

    var problem: CoverProblem { sample.problem }

    /// Whether this search enumerates every cover.
    var isExact: Bool {
        problem.candidates.count <= Self.exactCandidates
            && problem.candidates.indices.reduce(1) { min(exactCombinations + 1, $0 * (problem.room($1) + 1)) } <= exactCombinations
    }
    /// `exactCombinations`, or 0 to make a test run the heuristic on an instance it enumerates.
    var exactCombinations = Self.exactCombinations

    var sampleTrials: Int { sample.trials }

    mutating func isFeasible(_ counts: [Int]) throws -> Bool { violations(try sample.risks(counts)).isEmpty }

    /// The least-cost cover found, starting from `seed` (kept whole when feasible, except for what
    /// pruning removes); nil when even every unit bought cannot meet the limits on the sample.
    mutating func run(from seed: [Int]) throws -> [Int]? {
        if isExact { return try enumerate() }
        guard var counts = try greedy(from: seed) else { return nil }
        counts = try prune(counts)
        counts = try improve(counts)
        return counts
    }

    /// Every count vector, cheapest first (ties in enumeration order); the first feasible one.
    mutating func enumerate() throws -> [Int]? {
        var all: [[Int]] = [[]]
        for i in problem.candidates.indices { all = all.flatMap { prefix in (0...problem.room(i)).map { prefix + [$0] } } }
        let order = all.indices.sorted { (problem.cost(all[$0]), $0) < (problem.cost(all[$1]), $1) }
        for i in order where try isFeasible(all[i]) { return all[i] }
        return nil
    }

    mutating func greedy(from seed: [Int]) throws -> [Int]? {
        var counts = seed
        var stale: [Int: Double] = [:]
        while true {
            let current = try sample.risks(counts)
            let violated = violations(current)
            guard !violated.isEmpty else { return counts }
            let dates = Set(violated.map { problem.checks[$0.check].date.dayNumber })
            let relevant = problem.candidates.indices.filter { i in
                let day = problem.candidates[i].date.dayNumber
                return counts[i] < problem.room(i) && (0...Self.reach).contains { dates.contains(day + $0) }
            }
            guard !relevant.isEmpty else { return nil }
            let base = score(current, over: violated)
            func ratio(_ i: Int, adding m: Int) throws -> Double {
                var next = counts
                next[i] += m
                let gain = base - score(try sample.risks(next), over: violated)
                return gain / max(Double(m) * problem.unitCost(i), 1e-9)
            }
            var chosen: (index: Int, units: Int)? = try Self.bestSingleUnit(among: relevant, stale: &stale) { try ratio($0, adding: 1) }.map { ($0, 1) }
            if chosen == nil {
                // No single unit moves anything: a level may need several SEs on a day at once.
                var best: (index: Int, units: Int, ratio: Double)?
                for i in relevant {
                    for m in 2...3 where counts[i] + m <= problem.room(i) {
                        let r = try ratio(i, adding: m)
                        if r > 0, r > best?.ratio ?? 0 { best = (i, m, r) }
                    }
                }
                chosen = best.map { ($0.index, $0.units) }
            }
            if chosen == nil {
                // Still nothing: buy towards the worst check, the latest cheapest unit before it.
                let worst = violated.max { current.atLeast[$0.limit][$0.check] < current.atLeast[$1.limit][$1.check] }!
                let date = problem.checks[worst.check].date
                chosen = relevant.filter { problem.candidates[$0].date <= date }
                    .min { (problem.unitCost($0), problem.candidates[$1].date) < (problem.unitCost($1), problem.candidates[$0].date) }
                    .map { ($0, 1) } ?? (relevant[0], 1)
            }
            counts[chosen!.index] += chosen!.units
            stale[chosen!.index] = nil
        }
    }

    /// Removes units while the cover stays feasible, the most expensive and latest first.
    mutating func prune(_ start: [Int]) throws -> [Int] {
        let order = start.indices.filter { start[$0] > 0 }.sorted {
            (problem.unitCost($0), problem.candidates[$0].date) > (problem.unitCost($1), problem.candidates[$1].date)
        }
        return try removeWhileFeasible(start, in: order)
    }

    /// Swaps a bought unit for a cheaper one that keeps the cover feasible, then prunes again.
    mutating func improve(_ start: [Int]) throws -> [Int] {
        var counts = start
        var budget = Self.swapBudget
        var improved = true
        while improved && budget > 0 {
            improved = false
            let bought = counts.indices.filter { counts[$0] > 0 }.sorted { problem.unitCost($0) > problem.unitCost($1) }
            search: for i in bought {
                let day = problem.candidates[i].date.dayNumber
                let cheaper = problem.candidates.indices.filter {
                    problem.unitCost($0) < problem.unitCost(i) && counts[$0] < problem.room($0)
                        && abs(problem.candidates[$0].date.dayNumber - day) <= Self.swapReach
                }
                for j in cheaper {
                    guard budget > 0 else { break search }
                    budget -= 1
                    var swapped = counts
                    swapped[i] -= 1
                    swapped[j] += 1
                    if try isFeasible(swapped) {
                        counts = try prune(swapped)
                        improved = true
                        break search
                    }
                }
            }
        }
        return counts
    }
}
