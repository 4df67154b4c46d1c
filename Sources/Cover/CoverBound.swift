import Calendars
import WhatIf

/// A lower bound on the cost of any cover from the pool that keeps every constrained check within
/// the sample's limits on the sample trials, the larger of two.
///
/// Both rest on domination. A cover buys its units of an option on a day in the option's first
/// cover SEs (`CoverProblem`), and every cover SE keeps its sickness draws whatever is bought, so a
/// cover S that buys at least as many of every option on every day as a cover X has, on every
/// trial of the sample, every SE working that X has working. If adding a working SE never raises a
/// level in a trial, S's level at every check is at most X's; so when S leaves a check over its
/// limit, so does X. And nothing bought after a check's day changes that check.
///
/// - *Per day*: let S_D(n) buy every option to its maximum on every day before D and min(n, max) on
///   D. A cover with fewer than m_D units on D, m_D the smallest n for which S_D(n) meets every check
///   on D, is dominated by S_D(m_D − 1), which fails. So every feasible cover buys at least m_D units
///   on D, for every check day D; the days are disjoint, so their cheapest m_D units add up.
/// - *Up to a check*: let S(n) buy min(n, max) of every option on every day. A cover with fewer than
///   m_c units on days up to check c's, m_c the smallest n for which S(n) meets c, fails c; so every
///   feasible cover costs at least the m_c cheapest units on those days, for the worst c.
///
/// The assumption holds unless the scenario's level effects take capacity away: with a capacity
/// multiplier above 1 on a level (December's level 3 has ×1.10), an added SE that keeps a check
/// below that level also withholds the multiplier from the next segments, so the bound is then an
/// approximation, stated as such.
public struct CoverBound: Sendable {
    public let cost: Double
    public let kind: Kind

    public enum Kind: Sendable {
        /// The search enumerated every cover: the bound is its cost.
        case exact
        /// Nothing needs buying, or no check constrains anything.
        case none
        /// At least `units` units on the check days, `days` of which need some.
        case perDay(days: Int, units: Int)
        /// At least `units` units on days up to check `check` of limit `limit`.
        case upTo(limit: Int, check: Int, units: Int)
    }

    init(exact cost: Double) {
        self.cost = cost
        self.kind = .exact
    }

    init(sample: inout CoverSample, limits: [RiskLimit], active: [[Bool]], none: [Int]) throws {
        let problem = sample.problem
        let base = try sample.risks(none)
        func violated(_ risks: CoverSample.Risks, _ c: Int) -> Bool {
            limits.indices.contains { active[$0][c] && limits[$0].isExceeded(by: risks.atLeast[$0][c]) }
        }
        func cheapest(_ units: Int, where include: (CivilDate) -> Bool) -> Double {
            problem.candidates.indices.filter { include(problem.candidates[$0].date) }
                .flatMap { Array(repeating: problem.unitCost($0), count: problem.room($0)) }.sorted().prefix(units).reduce(0, +)
        }

        // Per day.
        var dayCost = 0.0, dayUnits = 0, days = 0
        let checkDays = Array(Set(problem.checks.indices.filter { violated(base, $0) }.map { problem.checks[$0].date })).sorted()
        for day in checkDays {
            let onDay = problem.checks.indices.filter { problem.checks[$0].date == day }
            let largest = problem.candidates.indices.filter { problem.candidates[$0].date == day }.map(problem.room).max() ?? 0
            for n in 0...largest {
                let counts = problem.candidates.indices.map { i in
                    problem.candidates[i].date < day ? problem.room(i) : problem.candidates[i].date == day ? min(n, problem.room(i)) : 0
                }
                let risks = try sample.risks(counts)
                if !onDay.contains(where: { violated(risks, $0) }) || n == largest {
                    if n > 0 { (dayCost, dayUnits, days) = (dayCost + cheapest(n) { $0 == day }, dayUnits + n, days + 1) }
                    break
                }
            }
        }

        // Up to a check.
        let largest = problem.candidates.indices.map(problem.room).max() ?? 0
        var needed: [Int?] = problem.checks.indices.map { violated(base, $0) ? nil : 0 }
        var n = 1
        while n <= largest, needed.contains(nil) {
            let risks = try sample.risks(problem.candidates.indices.map { min(n, problem.room($0)) })
            for c in needed.indices where needed[c] == nil && !violated(risks, c) { needed[c] = n }
            n += 1
        }
        var upTo: (cost: Double, check: Int, units: Int) = (0, 0, 0)
        for (c, units) in needed.enumerated() {
            guard let units, units > 0 else { continue }
            let cost = cheapest(units) { $0 <= problem.checks[c].date }
            if cost > upTo.cost { upTo = (cost, c, units) }
        }
        let limit = limits.indices.first { active[$0][upTo.check] && limits[$0].isExceeded(by: base.atLeast[$0][upTo.check]) } ?? 0

        if dayCost == 0 && upTo.cost == 0 {
            (cost, kind) = (0, .none)
        } else if dayCost >= upTo.cost {
            (cost, kind) = (dayCost, .perDay(days: days, units: dayUnits))
        } else {
            (cost, kind) = (upTo.cost, .upTo(limit: limit, check: upTo.check, units: upTo.units))
        }
    }
}
