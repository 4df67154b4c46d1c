import Calendars
import OutputFormats
import Scenarios
import Simulation
import Statistics
import WhatIf

/// The least-cost hiring plan that keeps every check within the risk limits, found on a sample of
/// trials and validated on independent trials exactly as cover is (`CoverPlan`, docs/HIRE.md):
///
/// 1. Every candidate bought to its maximum (the *full plan*) is simulated on the sample: a check
///    it leaves over a limit (one before any hire can start, or beyond what the most hires reach)
///    is named and left out of the search.
/// 2. `HireSearch` finds the least cost on the sample.
/// 3. The plan is simulated on `validationTrials` trials of another seed; a check passes when the
///    upper end of its 95% Wilson interval is at most the limit plus `tolerance`. If one fails,
///    the sample's limit is tightened by the overshoot (at least 0.01) and the search runs again
///    from the plan found, at most `CoverPlan.tighteningRounds` times.
/// 4. The months: expected headcount per group with and without the hires, the headcount the
///    limit needs (`HireNeed`), and the worst validated risk with and without the hires.
public struct HirePlan: Sendable {
    public let scenarioName: String
    public let limits: [RiskLimit]
    public let settings: CoverPlan.Settings
    public let problem: HireProblem
    /// Hires per candidate (`problem.candidates`).
    public let counts: [Int]
    public let cost: Double
    public let sampleLimits: [RiskLimit]
    public let tightenings: [String]
    /// P(level ≥ k) per limit and check on the validation trials, without and with the hires.
    public let before: [[Proportion]]
    public let after: [[Proportion]]
    public let validated: Bool
    /// Checks no plan can bring within a limit: (limit, check, P on the sample with every hire).
    public let unfixable: [(limit: Int, check: Int, best: Double)]
    public let months: [Month]
    public let evaluations: Int

    /// The hires starting on one date in one group, as the outputs list them.
    public struct Hire: Sendable {
        public let group: String
        public let start: CivilDate
        public let count: Int
        public let openBy: CivilDate
        public let cost: Double
        /// The worst validated P(level ≥ k) of the first limit over the checks of the start's month, with the plan.
        public let risk: Proportion?
    }

    public struct Month: Sendable {
        /// The month's first day in the horizon.
        public let first: CivilDate
        public let groups: [GroupMonth]
        /// Per limit: the worst validated P(level ≥ k) over the month's checks, without and with the hires (nil without checks).
        public let before: [Proportion?]
        public let after: [Proportion?]
    }

    public struct GroupMonth: Sendable {
        public let group: String
        /// Expected SEs on the team on the month's first day, without and with the hires (attrition taken out).
        public let without: Double
        public let planned: Double
        /// What the limit needs (`HireNeed`); nil when even 3 more than planned are not enough.
        public let need: HireNeed.Estimate?
    }

    public var hires: [Hire] {
        problem.candidates.indices.filter { counts[$0] > 0 }.map { i in
            let candidate = problem.candidates[i]
            let month = months.first { $0.first.year == candidate.start.year && $0.first.month == candidate.start.month }
            return Hire(group: candidate.group, start: candidate.start, count: counts[i], openBy: problem.openBy(candidate.start),
                        cost: Double(counts[i]) * problem.unitCost(i), risk: month?.after.first ?? nil)
        }.sorted { ($0.start, $0.group) < ($1.start, $1.group) }
    }

    /// The problem, the sample and the search, up to the first search: what a validation shard
    /// needs too.
    struct Start {
        let problem: HireProblem
        let active: [[Bool]]
        let unfixable: [(limit: Int, check: Int, best: Double)]
        var search: ValidatedSearch<HireSearch>
    }

    /// Throws for a limit on a level the policy does not have, and when the scenario cannot be simulated.
    static func start(scenario: Scenario, through: CivilDate, hiring: HireProblem.Settings, limits: [RiskLimit], settings: CoverPlan.Settings) throws -> Start {
        let levels = scenario.policy.levels.count
        for limit in limits where !(2...max(2, levels)).contains(limit.level) || levels < 2 {
            throw WhatIfError("\(term: .maxRisk): the policy has levels 1–\(levels); the limit must be on a level from 2 to \(levels)")
        }
        guard !limits.isEmpty else { throw WhatIfError("\(term: .maxRisk): give at least one limit, such as ge4<=0.10") }
        let problem = try HireProblem(scenario: scenario, through: through, settings: hiring)
        var sample = HireSample(problem: problem, levels: limits.map(\.level), trials: settings.trials, seed: settings.seed, threads: settings.threads)
        let none = [Int](repeating: 0, count: problem.candidates.count)
        let full = [Int](repeating: hiring.maxPerMonth, count: problem.candidates.count)
        let fullRisks = try sample.risks(full)
        let active = limits.indices.map { i in fullRisks.atLeast[i].map { !limits[i].isExceeded(by: $0) } }
        let unfixable = limits.indices.flatMap { i in
            active[i].indices.filter { !active[i][$0] }.map { (limit: i, check: $0, best: fullRisks.atLeast[i][$0]) }
        }
        let search = ValidatedSearch(
            search: HireSearch(sample: sample, limits: limits, active: active), limits: limits, tolerance: settings.tolerance, none: none, full: full)
        return Start(problem: problem, active: active, unfixable: unfixable, search: search)
    }

    /// Shard `shard` of the validation: the plan the first search finds and no plan, each simulated
    /// on the shard's blocks of the validation trials. A merge of every shard (`ValidationMerge`)
    /// given to `init` stands for those two validation runs.
    public static func validationShard(
        scenario: Scenario, through: CivilDate, hiring: HireProblem.Settings, limits: [RiskLimit], settings: CoverPlan.Settings, shard: Shard
    ) throws -> [(plan: [Int], tally: Tally)] {
        var start = try start(scenario: scenario, through: through, hiring: hiring, limits: limits, settings: settings)
        return try PlanValidation.shard([try start.search.first(), start.search.none], of: start.problem, settings: settings, shard: shard)
    }

    /// Throws for a limit on a level the policy does not have, when the scenario cannot be simulated,
    /// and when `shards` do not fit the plans validated.
    public init(
        scenario: Scenario, through: CivilDate, hiring: HireProblem.Settings, limits: [RiskLimit], settings: CoverPlan.Settings,
        shards: ValidationMerge? = nil
    ) throws {
        var start = try Self.start(scenario: scenario, through: through, hiring: hiring, limits: limits, settings: settings)
        let problem = start.problem
        self.scenarioName = scenario.name
        self.limits = limits
        self.settings = settings
        self.problem = problem
        self.unfixable = start.unfixable
        let validation = PlanValidation(settings: settings, limits: limits, shards: shards)
        let outcome = try start.search.run(validation: validation, problem: problem, noneMeets: { "no plan meets \($0) on the sample; the plan found before is kept" })
        var sample = start.search.search.sample
        let counts = outcome.counts
        let none = start.search.none
        self.counts = counts
        self.cost = problem.cost(counts)
        self.sampleLimits = outcome.sampleLimits
        self.tightenings = outcome.tightenings
        let after = outcome.after
        self.after = after
        let before = try validation.risks(none, of: problem)
        self.before = before
        self.validated = outcome.validated

        let need = try HireNeed(problem: problem, counts: counts, limits: limits, active: start.active, sample: &sample)
        let planned = problem.scenario(with: counts), without = problem.scenario(with: none)
        self.months = HireNeed.monthStarts(problem.scenario.horizon).map { first in
            let checks = problem.checks.indices.filter { problem.checks[$0].date.year == first.year && problem.checks[$0].date.month == first.month }
            func worst(_ risks: [Proportion]) -> Proportion? { checks.map { risks[$0] }.max { $0.estimate < $1.estimate } }
            return Month(
                first: first,
                groups: need.groups.map { group in
                    GroupMonth(group: group, without: without.expectedHeadcount(group: group, on: first),
                               planned: planned.expectedHeadcount(group: group, on: first), need: need.estimate(group: group, month: first))
                },
                before: before.map(worst), after: after.map(worst))
        }
        self.evaluations = sample.evaluations
    }

    /// Whether the answer is complete: every check within its limit, validated. Otherwise the CLI exits 2.
    public var isFeasible: Bool { unfixable.isEmpty && validated }
}
