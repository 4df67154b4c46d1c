import Calendars
import OutputFormats
import Scenarios
import Simulation
import Statistics
import WhatIf

/// The least cover from a pool that keeps every check within the risk limits, found on a sample of
/// trials, bounded from below, and validated on independent trials (docs/ARCHITECTURE.md, "Buying
/// cover").
///
/// 1. Every option bought to its maximum on every day (the *full pool*) is simulated on the sample:
///    a check it leaves over a limit cannot be fixed by the pool; it is named with the best risk the
///    pool reaches and what more would be needed, and left out of the search.
/// 2. `CoverSearch` finds the least cost on the sample (exact when the candidates are few).
/// 3. The cover is simulated on `validationTrials` trials of another seed. A check passes when the
///    upper end of its 95% Wilson interval is at most the limit plus `tolerance`. If one fails,
///    the limit on the sample is tightened (α′ = α′ − max(0.01, the overshoot of that upper end
///    over α)) and the search runs again from the cover found, at most `tighteningRounds` times.
/// 4. The lower bound (`CoverBound`) is computed on the sample at the final α′.
public struct CoverPlan: Sendable {
    public struct Settings: Sendable {
        public var trials: Int
        public var seed: UInt64
        public var validationTrials: Int
        public var validationSeed: UInt64
        public var threads: Int
        public var tolerance: Double

        public init(trials: Int = 2000, seed: UInt64 = 1, validationTrials: Int = 20_000, validationSeed: UInt64? = nil, threads: Int, tolerance: Double = 0.01) {
            self.trials = trials
            self.seed = seed
            self.validationTrials = validationTrials
            self.validationSeed = validationSeed ?? seed &+ 1
            self.threads = threads
            self.tolerance = tolerance
        }
    }

    public static let tighteningRounds = 4

    public let scenarioName: String
    public let limits: [RiskLimit]
    public let settings: Settings
    public let problem: CoverProblem
    /// Units bought per candidate (`problem.candidates`).
    public let counts: [Int]
    public let cost: Double
    public let bound: CoverBound
    /// Whether the search enumerated every cover (the cost is then the least on the sample).
    public let exact: Bool
    /// The limits on the sample after any tightening.
    public let sampleLimits: [RiskLimit]
    /// One sentence per tightening, in order.
    public let tightenings: [String]
    /// P(level ≥ k) per limit and check on the validation trials, without and with the cover.
    public let before: [[Proportion]]
    public let after: [[Proportion]]
    /// Whether every constrained check passed validation.
    public let validated: Bool
    public let unfixable: [Unfixable]
    public let curve: [CurvePoint]
    /// Covers simulated on the sample, for every search, the bound and the curve together.
    public let evaluations: Int

    /// A check the pool cannot bring within a limit even with every option at its maximum every day.
    public struct Unfixable: Sendable {
        public let limit: Int
        public let check: Int
        /// P(level ≥ k) on the sample without cover and with the full pool.
        public let before: Double
        public let best: Double
        /// The fewest more SEs of each of the pool's groups, every day of the horizon, that would bring
        /// it within the limit on the sample (nil when 3 more would not), and the risk with 3 more.
        public let moreNeeded: Int?
        public let withThreeMore: Double
    }

    /// The least cost found when the first limit is `probability`.
    public struct CurvePoint: Sendable {
        public let probability: Double
        /// nil when the pool cannot meet it on the sample (at some check even with every option bought in full).
        public let cost: Double?
        public let units: Int
        /// The largest upper end of a check's 95% interval on the validation trials (nil without a cover).
        public let worstUpper: Double?
    }

    /// A day's purchase of one option, as the outputs list it.
    public struct Purchase: Sendable, Hashable {
        public let date: CivilDate
        public let option: CoverOption
        public let count: Int
        public var cost: Double { Double(count) * option.costPerDay }
    }

    public var purchases: [Purchase] {
        problem.candidates.indices.filter { counts[$0] > 0 }
            .map { Purchase(date: problem.candidates[$0].date, option: problem.pool.options[problem.candidates[$0].option], count: counts[$0]) }
            .sorted { ($0.date, $0.option.line) < ($1.date, $1.option.line) }
    }

    /// The problem, the sample and the search, up to the first search: what a validation shard
    /// needs too.
    struct Start {
        let problem: CoverProblem
        let noneRisks: CoverSample.Risks
        let fullRisks: CoverSample.Risks
        var search: ValidatedSearch<CoverSearch>

        /// Per limit and check: whether the full pool brings the check within `limits`.
        func activeChecks(_ limits: [RiskLimit]) -> [[Bool]] {
            limits.indices.map { i in fullRisks.atLeast[i].map { !limits[i].isExceeded(by: $0) } }
        }
    }

    /// Throws for a limit on a level the policy does not have, and when the scenario cannot be simulated.
    static func start(scenario: Scenario, pool: CoverPool, limits: [RiskLimit], settings: Settings) throws -> Start {
        let levels = scenario.policy.levels.count
        for limit in limits where !(2...max(2, levels)).contains(limit.level) || levels < 2 {
            throw WhatIfError("\(term: .maxRisk): the policy has levels 1–\(levels); the limit must be on a level from 2 to \(levels)")
        }
        guard !limits.isEmpty else { throw WhatIfError("\(term: .maxRisk): give at least one limit, such as ge4<=0.20") }
        let problem = try CoverProblem(scenario: scenario, pool: pool)
        var sample = CoverSample(problem: problem, levels: limits.map(\.level), trials: settings.trials, seed: settings.seed, threads: settings.threads)
        let none = [Int](repeating: 0, count: problem.candidates.count)
        let full = problem.candidates.indices.map(problem.room)
        let noneRisks = try sample.risks(none)
        let fullRisks = try sample.risks(full)
        let active = limits.indices.map { i in fullRisks.atLeast[i].map { !limits[i].isExceeded(by: $0) } }
        let search = ValidatedSearch(
            search: CoverSearch(sample: sample, limits: limits, active: active), limits: limits, tolerance: settings.tolerance, none: none, full: full)
        return Start(problem: problem, noneRisks: noneRisks, fullRisks: fullRisks, search: search)
    }

    /// Shard `shard` of the validation: the cover the first search finds and no cover, each
    /// simulated on the shard's blocks of the validation trials. A merge of every shard
    /// (`ValidationMerge`) given to `init` stands for those two validation runs.
    public static func validationShard(
        scenario: Scenario, pool: CoverPool, limits: [RiskLimit], settings: Settings, shard: Shard
    ) throws -> [(plan: [Int], tally: Tally)] {
        var start = try start(scenario: scenario, pool: pool, limits: limits, settings: settings)
        return try PlanValidation.shard([try start.search.first(), start.search.none], of: start.problem, settings: settings, shard: shard)
    }

    /// Throws for a limit on a level the policy does not have, a curve limit outside 0…1, when
    /// the scenario cannot be simulated, and when `shards` do not fit the covers validated.
    public init(
        scenario: Scenario, pool: CoverPool, limits: [RiskLimit], curve curveLimits: [Double] = [], settings: Settings,
        shards: ValidationMerge? = nil
    ) throws {
        var start = try Self.start(scenario: scenario, pool: pool, limits: limits, settings: settings)
        let problem = start.problem
        self.scenarioName = scenario.name
        self.limits = limits
        self.settings = settings
        self.problem = problem
        let none = start.search.none, full = start.search.full
        let (noneRisks, fullRisks) = (start.noneRisks, start.fullRisks)

        // 1. What the pool cannot fix.
        let active = start.activeChecks(limits)
        var unfixable: [Unfixable] = []
        var extraRisks: [CoverSample.Risks] = []
        if active.contains(where: { $0.contains(false) }) {
            for more in 1...3 {
                var extended = problem.scenario(with: full)
                extended.team += Self.extraEngineers(more, groups: Array(Set(pool.options.map(\.group))).sorted(), scenario: scenario)
                extraRisks.append(try CoverSample.risks(
                    of: extended, sharingPolicyWith: problem.baseModel, levels: limits.map(\.level), trials: settings.trials, seed: settings.seed, threads: settings.threads))
            }
        }
        for (i, limit) in limits.enumerated() {
            for c in active[i].indices where !active[i][c] {
                let needed = extraRisks.firstIndex { !limit.isExceeded(by: $0.atLeast[i][c]) }.map { $0 + 1 }
                unfixable.append(Unfixable(
                    limit: i, check: c, before: noneRisks.atLeast[i][c], best: fullRisks.atLeast[i][c], moreNeeded: needed,
                    withThreeMore: extraRisks[2].atLeast[i][c]))
            }
        }
        self.unfixable = unfixable

        // 2–3. Search, validate, tighten.
        let validation = PlanValidation(settings: settings, limits: limits, shards: shards)
        self.exact = start.search.search.isExact
        let outcome = try start.search.run(validation: validation, problem: problem, noneMeets: { "the pool cannot meet \($0) on the sample; the cover found before is kept" })
        var sample = start.search.search.sample
        let counts = outcome.counts
        self.counts = counts
        self.cost = problem.cost(counts)
        let sampleLimits = outcome.sampleLimits
        let tightenings = outcome.tightenings
        self.sampleLimits = sampleLimits
        self.tightenings = tightenings
        self.after = outcome.after
        self.before = try validation.risks(none, of: problem)
        self.validated = outcome.validated

        // 4. The lower bound at the final limits.
        self.bound = exact && tightenings.isEmpty
            ? CoverBound(exact: cost)
            : try CoverBound(sample: &sample, limits: sampleLimits, active: active, none: none)

        // The curve: loosest first, each search starting from the cover of the looser limit; then a
        // cheaper cover of a tighter limit, which meets the looser one too, replaces the looser cover.
        var points: [(probability: Double, counts: [Int]?)] = []
        var previous = none
        for probability in curveLimits.sorted(by: >) {
            var curveLimits = limits
            curveLimits[0] = RiskLimit(level: limits[0].level, probability: probability, allowsEqual: limits[0].allowsEqual)
            let curveActive = start.activeChecks(curveLimits)
            // A limit the pool cannot meet at some check has no cover, nor has any tighter one.
            guard !curveActive.contains(where: { $0.contains(false) }) else {
                points.append((probability, nil))
                continue
            }
            var curveSearch = CoverSearch(sample: sample, limits: curveLimits, active: curveActive)
            let found = try curveSearch.run(from: previous)
            sample = curveSearch.sample
            points.append((probability, found))
            if let found { previous = found }
        }
        for i in points.indices.reversed().dropFirst() {
            if let tighter = points[i + 1].counts, problem.cost(tighter) < points[i].counts.map(problem.cost) ?? .infinity {
                points[i].counts = tighter
            }
        }
        var curve: [CurvePoint] = []
        for point in points {
            var worst: Double?
            if let counts = point.counts {
                let risks = try validation.risks(counts, of: problem)
                worst = risks[0].map(\.high).max()
            }
            curve.append(CurvePoint(
                probability: point.probability, cost: point.counts.map(problem.cost), units: point.counts?.reduce(0, +) ?? 0, worstUpper: worst))
        }
        self.curve = curve
        self.evaluations = sample.evaluations
    }

    /// Whether the answer is complete: every check within its limit, validated. Otherwise the CLI
    /// exits 2 ("infeasible").
    public var isFeasible: Bool { unfixable.isEmpty && validated }

    static func fixed(_ p: Double) -> String { NumberFormat.fixed(p, 3) }

    /// `count` more SEs of each group, working every day (closures aside), for "what the pool would need".
    static func extraEngineers(_ count: Int, groups: [String], scenario: Scenario) -> [SupportEngineer] {
        let simulated = DateRange(scenario.simulationStart.adding(days: -1)...scenario.horizon.last)
        return groups.flatMap { group in
            let like = scenario.team.first { $0.group == group } ?? scenario.team[0]
            return (1...count).map {
                SupportEngineer(
                    name: "more \(group) \($0)", group: group, holidays: like.holidays, workingWeekdays: Set(Weekday.allCases),
                    rota: Set(simulated.days))
            }
        }
    }
}
