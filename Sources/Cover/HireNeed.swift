import Calendars
import Scenarios
import Simulation
import Statistics
import WhatIf

/// The headcount the limit needs, month by month and group by group: the plan's expected
/// headcount plus the fewest SEs n (from −2 to +3) that, added to the group for the whole horizon
/// (n < 0: the group's last |n| SEs of the scenario taken away), keep every constrained check of
/// the month within every limit on the sample. The band reads the same with the 95% Wilson
/// interval's ends instead of the estimate: from the least n whose low ends are within the limit
/// to the least n whose high ends are.
public struct HireNeed: Sendable {
    public struct Estimate: Sendable {
        public let needed: Double
        public let low: Double
        /// nil when even +3 leaves a high end over the limit.
        public let high: Double?
        /// The least n tried (−2) already met the limit: the need is at most `needed`.
        public let atMost: Bool
    }

    static let shifts = -2...3

    let groups: [String]
    let problem: HireProblem
    let limits: [RiskLimit]
    let active: [[Bool]]
    let trials: Int
    /// `risks[g][n − shifts.lowerBound]`: P(level ≥ k) per limit and check on the sample.
    let risks: [[[[Double]]]]
    let planned: Scenario

    init(problem: HireProblem, counts: [Int], limits: [RiskLimit], active: [[Bool]], sample: inout HireSample) throws {
        self.problem = problem
        self.limits = limits
        self.active = active
        self.trials = sample.trials
        let planned = problem.scenario(with: counts)
        self.planned = planned
        let groups = Array(Set(problem.candidates.map(\.group))).sorted()
        self.groups = groups
        var risks: [[[[Double]]]] = []
        for group in groups {
            var byShift: [[[Double]]] = []
            for n in Self.shifts {
                if n == 0 { byShift.append(try sample.risks(counts).atLeast); continue }
                var shifted = planned
                if n > 0 {
                    let like = problem.template(for: group)
                    shifted.team += (1...n).map { i in
                        var more = like
                        more.name = "more \(group) \(i)"
                        return more
                    }
                } else {
                    let gone = planned.simulationStart.adding(days: -2)
                    let own = problem.scenario.team.indices.filter { problem.scenario.team[$0].group == group }.suffix(-n)
                    for i in own { shifted.team[i].joins = gone.adding(days: -1); shifted.team[i].leaves = gone }
                }
                byShift.append(try CoverSample.risks(
                    of: shifted, sharingPolicyWith: problem.baseModel, levels: limits.map(\.level), trials: sample.trials, seed: sample.seed, threads: sample.threads).atLeast)
            }
            risks.append(byShift)
        }
        self.risks = risks
    }

    /// The first day of each month in the horizon (the horizon's first day for the first month).
    public static func monthStarts(_ horizon: DateRange) -> [CivilDate] {
        var starts = [horizon.first]
        var month = HireProblem.nextMonth(horizon.first)
        while month <= horizon.last {
            starts.append(month)
            month = HireProblem.nextMonth(month)
        }
        return starts
    }

    /// The need of `group` in the month starting on `first`; nil when the month has no constrained
    /// check or even 3 more SEs leave one over the limit on the sample.
    public func estimate(group: String, month first: CivilDate) -> Estimate? {
        guard let g = groups.firstIndex(of: group) else { return nil }
        let checks = problem.checks.indices.filter { problem.checks[$0].date.year == first.year && problem.checks[$0].date.month == first.month }
        guard limits.indices.contains(where: { i in checks.contains { active[i][$0] } }) else { return nil }
        func meets(_ shift: Int, _ bound: (Double) -> Double) -> Bool {
            limits.indices.allSatisfy { i in
                checks.allSatisfy { c in !active[i][c] || !limits[i].isExceeded(by: bound(risks[g][shift][i][c])) }
            }
        }
        let n = Double(trials)
        func wilson(_ p: Double) -> Proportion { Proportion(successes: Int((p * n).rounded()), trials: trials) }
        let indices = Array(risks[g].indices)
        guard let point = indices.first(where: { meets($0, { $0 }) }) else { return nil }
        let low = indices.first { meets($0, { wilson($0).low }) } ?? point
        let high = indices.first { meets($0, { wilson($0).high }) }
        let base = planned.expectedHeadcount(group: group, on: first)
        func headcount(_ index: Int) -> Double { base + Double(index + Self.shifts.lowerBound) }
        return Estimate(needed: headcount(point), low: headcount(low), high: high.map(headcount), atMost: point == 0)
    }
}
