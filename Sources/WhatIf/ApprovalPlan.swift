import Calendars
import OutputFormats
import Scenarios
import Simulation

/// Which of a set of time-off requests can be approved together, charged in risk at every check,
/// and what would let a declined one through.
///
/// The rule (`ApprovalPlan.rule`, printed with every plan): requests are considered by priority
/// (higher first), then by the smallest risk each adds on its own, then in file order. Each is
/// compared with the requests approved before it, trial by trial on the same random numbers, at
/// every check, and declined when, at a check that is over the limit with it, it adds more than the
/// tolerance with 95% confidence (the lower end of its paired interval above the tolerance). That
/// holds whether the request took the check over or found it over: a check already at 66% that a
/// request takes to 100% counts against it, which a rule looking only at checks within the limit
/// would miss (it approved the crunch's requests and declined early ones). The tolerance is what a
/// check near the limit may absorb: with common random numbers a rise of a few trials is
/// "significant", and a request that moves a check from 19.6% to 20.3% is within the Monte Carlo
/// precision of the limit itself, so it is not declined for that. Each request is charged for
/// its own rise; the summary states how many checks are over the limit before and after.
///
/// Cost: the team without requests is simulated once, each request alone once, and each step's
/// new state once; each trial's levels are kept (`RecordedRun`), so the state a step compares
/// against is never simulated again. The states that later steps start from keep every trial's
/// state at the requests' first days and at the days each request stops reaching the schedules
/// (at most `checkpointDayLimit` of them), so a request's run simulates only the days from its
/// first on, and its trials can take their partner's days from where the request is over.
/// Until a request is approved, a step's new state is the request alone: the runs alone of the
/// first `reusedAloneRuns` requests in order are kept for those steps rather than simulated again. Memory does not grow with the number of
/// requests: only the charges of the requests alone are kept, and at most six runs at once.
public struct ApprovalPlan: Sendable {
    public let limit: RiskLimit
    /// The largest added risk allowed at a check already over the limit.
    public let tolerance: Double
    public let trials: Int
    public let seed: UInt64
    /// The worst check without any request, and with the approved ones.
    public let before: CheckRisk
    public let after: CheckRisk
    /// Checks over the limit without any request, and with the approved ones.
    public let overBefore: Int
    public let overAfter: Int
    /// In the order they were considered.
    public let decisions: [Decision]
    /// Requests that overlap time off already planned: the overlap is merged (charged once), and
    /// each such request gets one `file:line:` line saying so.
    public let warnings: [String]

    /// The rule in a sentence, as the output states it.
    public static func rule(limit: RiskLimit, tolerance: Double) -> String {
        "requests in order of priority (higher first), then of smallest added risk on their own; each is compared on the "
            + "same random numbers with the requests approved before it, at every check, and declined when at a check that is "
            + "over \(limit.description) with it (taken over, or over already) it adds more than "
            + "\(NumberFormat.fixed(tolerance * 100, 1)) points with 95% confidence"
    }

    /// P(level ≥ k) at one check.
    public struct CheckRisk: Sendable, Hashable {
        public let date: CivilDate
        public let window: String
        public let probability: Double
    }

    /// What a request adds at one check: P(level ≥ k) without it and with it, and the paired difference.
    public struct Charge: Sendable, Hashable {
        public let date: CivilDate
        public let window: String
        public let change: LevelChange
    }

    public enum Reason: String, Sendable {
        /// Declined first of all: with it, a group that had someone at a check has nobody.
        case emptiesGroup = "leaves a group with nobody at a check"
        /// Approved: it changes no check in any trial (e.g. only days the SE does not work).
        case noEffect = "changes no check"
        /// Approved: at every check over the limit with it, it adds at most the tolerance.
        case withinLimit = "within the limit and tolerance"
        /// Declined: it takes a check within the limit over it, adding more than the tolerance.
        case overLimit = "takes a check over the limit"
        /// Declined: at a check already over the limit it adds more than the tolerance.
        case overTolerance = "adds more than the tolerance at a check already over the limit"

        public var approves: Bool { self == .noEffect || self == .withinLimit }
    }

    public struct Decision: Sendable {
        public let request: TimeOffRequest
        /// The largest rise in P(level ≥ k) the request causes on its own (nil when it changes no check).
        public let alone: Charge?
        public let reason: Reason
        /// With the requests approved before it: the check that declined it; when approved, the check
        /// over the limit where it adds the most, or else the check where it adds the most (nil when
        /// it changes nothing).
        public let charge: Charge?
        /// The number compared with the tolerance: the lower end of the paired 95% interval of the
        /// rise at `charge`, when that check is over the limit with the request (nil otherwise).
        public let compared: Double?
        /// `.emptiesGroup` only: the group left with nobody at `charge`'s check.
        public let emptiedGroup: String?
        /// Declined only: how many cover SEs of the requester's group, working the requested days,
        /// would let it through (nil when up to `ApprovalPlan.largestCover` would not).
        public let cover: Int?

        public var approved: Bool { reason.approves }
    }

    /// The most cover SEs tried for a declined request.
    public static let largestCover = 3

    /// Throws for a limit on a level the policy does not have, a request naming an SE the team does
    /// not have, and when the scenario cannot be simulated. `TimeOffRequest.read` has checked the
    /// requests' names and dates.
    ///
    /// - Complexity: at most 1 + 2 × requests + `largestCover` × declined runs of `settings.trials`
    ///   trials, all but the first from their request's first day (or the checkpoint day before it);
    ///   memory independent of the number of requests.
    public init(
        scenario: Scenario, requests: [TimeOffRequest], limit: RiskLimit, tolerance: Double = 0.02,
        settings: ComparisonSettings, source: String
    ) throws {
        let levels = scenario.policy.levels.count
        guard levels >= 2, (2...levels).contains(limit.level) else {
            throw WhatIfError("\(term: .maxRisk): the policy has levels 1–\(levels); the limit must be on a level from 2 to \(levels)")
        }
        guard !requests.isEmpty else { throw WhatIfError("\(source): no requests to consider") }
        self.warnings = Self.overlapWarnings(requests, in: scenario, source: source)
        self.limit = limit
        self.tolerance = tolerance
        self.trials = settings.trials
        self.seed = settings.seed
        let k = limit.level
        let checkpointDays = Self.checkpointDays(requests, in: scenario)
        /// A state later steps may start from keeps the checkpoints; a state only compared does not.
        /// Every request leaves the policy as it is, so the models share the partner's compiled one.
        /// The plan reads only the runs' levels (the charges, the worst checks, the checks over the
        /// limit; a group left with nobody is the models' schedules), so the runs count nothing else.
        func record(_ scenario: Scenario, from partner: RecordedRun?, keepingCheckpoints: Bool) throws -> RecordedRun {
            try RecordedRun(
                model: try SimulationModel(scenario, sharingPolicyWith: partner?.model), trials: settings.trials, seed: settings.seed, threads: settings.threads,
                checkpointDays: keepingCheckpoints ? checkpointDays : [], resumingFrom: partner, counting: .levels)
        }
        func compare(_ base: RecordedRun, _ variant: RecordedRun) throws -> Comparison {
            Comparison(tally: try PairedTally(base: base, variant: variant), base: base.model, variant: variant.model, seed: settings.seed)
        }

        let base = try record(scenario, from: nil, keepingCheckpoints: true)
        var aloneCharges: [Charge?] = []
        /// The consideration order's key (`order` below): priority, added risk alone, file order.
        func orderKey(_ i: Int) -> (Int, Double, Int) { (-requests[i].priority, aloneCharges[i]?.change.difference.estimate ?? 0, i) }
        // A run alone that may be among the first `reusedAloneRuns` in order keeps its checkpoints,
        // for the step that will want it; the best so far by the order's key are kept.
        var kept: [(index: Int, run: RecordedRun)] = []
        // Below the priority of the `reusedAloneRuns`-th request by priority, a request cannot be among the first.
        let leadPriority = requests.map(\.priority).sorted(by: >)[min(Self.reusedAloneRuns, requests.count) - 1]
        for (i, request) in requests.enumerated() {
            let mayLead = request.priority >= leadPriority
            let run = try record(try request.applied(to: scenario), from: base, keepingCheckpoints: mayLead)
            aloneCharges.append(Self.largestCharge(try compare(base, run), level: k))
            guard mayLead else { continue }
            kept.append((i, run))
            kept.sort { orderKey($0.index) < orderKey($1.index) }
            if kept.count > Self.reusedAloneRuns { kept.removeLast() }
        }
        let baseEstimates = Estimates(model: base.model, tally: base.tally)
        before = Self.worstCheck(baseEstimates, level: k)
        overBefore = baseEstimates.checks.filter { limit.isExceeded(by: $0.atLeast[k - 1].estimate) }.count

        let order = requests.indices.sorted { orderKey($0) < orderKey($1) }
        var approvedScenario = scenario
        var current = base
        var decisions: [Decision] = []
        for i in order {
            let request = requests[i]
            let withRequest = try request.applied(to: approvedScenario)
            // Until one is approved, this is the request alone again: taken from the runs alone kept,
            // or simulated anew from its first day (the runs alone are not all kept).
            let reused = kept.first { $0.index == i }?.run
            kept.removeAll { $0.index == i }
            let candidate = try reused ?? record(withRequest, from: current, keepingCheckpoints: true)
            let comparison = try compare(current, candidate)
            let verdict = Self.verdict(comparison, limit: limit, tolerance: tolerance)
            var cover: Int?
            if verdict.reason.approves {
                approvedScenario = withRequest
                current = candidate
                // From here on no step's new state is a request alone.
                kept = []
            } else {
                for count in 1...Self.largestCover {
                    let covered = try record(Self.adding(cover: count, for: request, to: withRequest), from: current, keepingCheckpoints: false)
                    if Self.verdict(try compare(current, covered), limit: limit, tolerance: tolerance).reason.approves {
                        cover = count
                        break
                    }
                }
            }
            decisions.append(Decision(
                request: request, alone: aloneCharges[i], reason: verdict.reason, charge: verdict.charge,
                compared: verdict.compared, emptiedGroup: verdict.emptiedGroup, cover: cover))
        }
        self.decisions = decisions
        let afterEstimates = Estimates(model: current.model, tally: current.tally)
        self.after = Self.worstCheck(afterEstimates, level: k)
        self.overAfter = afterEstimates.checks.filter { limit.isExceeded(by: $0.atLeast[k - 1].estimate) }.count
    }

    public var approvedRequests: [TimeOffRequest] { decisions.filter(\.approved).map(\.request) }

    /// What the rule decided at one step: the reason, the check that decided it, the number compared
    /// with the tolerance there, and the group a request leaves with nobody.
    struct Verdict {
        let reason: Reason
        let charge: Charge?
        let compared: Double?
        let emptiedGroup: String?
    }

    /// The rule applied to one step. A request that leaves a group with nobody at a check (where
    /// the current state has someone) is declined for that before any risk is weighed. Otherwise
    /// it is declined at the check over the limit with it where the lower end of its paired interval
    /// exceeds the tolerance by the largest rise; approved, the check shown is the one over the
    /// limit whose lower end comes nearest to the tolerance, so the number compared is the one
    /// that decided.
    static func verdict(_ comparison: Comparison, limit: RiskLimit, tolerance: Double) -> Verdict {
        let k = limit.level
        let groups = comparison.base.model.groups
        for (c, check) in comparison.variant.checks.enumerated() {
            let before = comparison.base.checks[c].planned
            if let g = groups.indices.first(where: { check.planned[$0] == 0 && before[$0] > 0 }) {
                let charge = Charge(date: check.date, window: check.window, change: comparison.checks[c].change(atLeast: k))
                return Verdict(reason: .emptiesGroup, charge: charge, compared: nil, emptiedGroup: groups[g])
            }
        }
        let changed = comparison.changedChecks
        let over = changed.filter { limit.isExceeded(by: $0.change(atLeast: k).variant) }
        let blocking = over.filter { $0.change(atLeast: k).difference.low > tolerance }
        func charge(_ check: CheckComparison) -> Charge { Charge(date: check.date, window: check.window, change: check.change(atLeast: k)) }
        if let worst = blocking.max(by: { $0.change(atLeast: k).difference.estimate < $1.change(atLeast: k).difference.estimate }) {
            let found = charge(worst)
            return Verdict(reason: limit.isExceeded(by: found.change.base) ? .overTolerance : .overLimit, charge: found,
                           compared: found.change.difference.low, emptiedGroup: nil)
        }
        if let nearest = over.max(by: { $0.change(atLeast: k).difference.low < $1.change(atLeast: k).difference.low }) {
            let found = charge(nearest)
            return Verdict(reason: .withinLimit, charge: found, compared: found.change.difference.low, emptiedGroup: nil)
        }
        // No check over the limit with it: the check where it adds the most, compared with nothing.
        guard let largest = changed.max(by: { $0.change(atLeast: k).difference.estimate < $1.change(atLeast: k).difference.estimate }) else {
            return Verdict(reason: .noEffect, charge: nil, compared: nil, emptiedGroup: nil)
        }
        return Verdict(reason: .withinLimit, charge: charge(largest), compared: nil, emptiedGroup: nil)
    }

    static func largestCharge(_ comparison: Comparison, level k: Int) -> Charge? {
        comparison.changedChecks.max { $0.change(atLeast: k).difference.estimate < $1.change(atLeast: k).difference.estimate }
            .map { Charge(date: $0.date, window: $0.window, change: $0.change(atLeast: k)) }
    }
    static func worstCheck(_ estimates: Estimates, level k: Int) -> CheckRisk {
        let worst = estimates.checks.max { $0.atLeast[k - 1].estimate < $1.atLeast[k - 1].estimate }!
        return CheckRisk(date: worst.date, window: worst.window, probability: worst.atLeast[k - 1].estimate)
    }

    /// The most days whose trial states a run keeps: checkpoints cost 64 bytes per trial and day.
    static let checkpointDayLimit = 24
    /// The most of them that are requests' first days (where runs start); the rest are days
    /// where requests stop reaching the schedules (where trials may rejoin their partner's).
    static let startDayLimit = 16

    /// The runs alone kept for the first steps, whose new state they are until a request is
    /// approved: each costs its checkpoints' memory while kept (about 20 MB at 20,000 December trials).
    static let reusedAloneRuns = 2

    /// The simulated days whose trial states the runs keep, in order. The requests' first days
    /// (each request's run starts at the latest of these up to its first day): all of them when
    /// there are at most `startDayLimit`, otherwise that many spread evenly over them. Then, up to
    /// `checkpointDayLimit` in all, the first days each request's time off no longer reaches
    /// (`SimulationModel.firstDayUnreached`), spread evenly when there are more: a resumed trial
    /// can meet its partner's only at a day the partner keeps a state for, and the earliest it
    /// can is where its request stops reaching the capacity. Without those days, trials that meet
    /// their partner's waited for the next request's first day, and `plan approve`'s December
    /// example took 5% more instructions (2,729.8 million against 2,598.9: callgrind, 4,000
    /// trials, one thread, docs/PERFORMANCE.md).
    static func checkpointDays(_ requests: [TimeOffRequest], in scenario: Scenario) -> [Int] {
        let start = scenario.simulationStart
        let dayCount = start.days(to: scenario.horizon.last) + 1
        func spread(_ days: [Int], _ limit: Int) -> [Int] {
            days.count <= limit ? days : (0..<limit).map { days[$0 * days.count / limit] }
        }
        let starts = spread(Set(requests.map { start.days(to: $0.dates.first) }).filter { $0 > 0 }.sorted(), startDayLimit)
        let ends = Set(requests.map { SimulationModel.firstDayUnreached(after: start.days(to: $0.dates.last)) })
            .filter { $0 > 0 && $0 < dayCount }.subtracting(starts).sorted()
        return (starts + spread(ends, checkpointDayLimit - starts.count)).sorted()
    }

    /// `scenario` with `count` SEs like the requester (group, holidays, working days) appended,
    /// working only the requested days: the cover that would stand in for them. Appended, so every
    /// other SE keeps their draws.
    static func adding(cover count: Int, for request: TimeOffRequest, to scenario: Scenario) -> Scenario {
        var covered = scenario
        let requester = scenario.team.first { $0.name == request.name }!
        let simulated = DateRange(scenario.simulationStart.adding(days: -1)...scenario.horizon.last)
        var away: [DateRange] = []
        if simulated.first < request.dates.first { away.append(DateRange(simulated.first...request.dates.first.adding(days: -1))) }
        if request.dates.last < simulated.last { away.append(DateRange(request.dates.last.adding(days: 1)...simulated.last)) }
        for i in 1...count {
            covered.team.append(SupportEngineer(
                name: "\(request.name) cover \(i)", group: requester.group, holidays: requester.holidays,
                workingWeekdays: requester.workingWeekdays, timeOff: away))
        }
        return covered
    }

    /// A request that overlaps time off already planned, in the scenario or in an earlier request
    /// of the same SE, is kept: its overlap is merged (`TimeOffRequest.applied(to:)`), and one
    /// `file:line:` line per such request says so.
    static func overlapWarnings(_ requests: [TimeOffRequest], in scenario: Scenario, source: String) -> [String] {
        var warnings: [String] = []
        for (i, request) in requests.enumerated() {
            let prefix = "\(source):\(request.line): \(request.summary)"
            let existing = scenario.team.first { $0.name == request.name }?.timeOff ?? []
            if let clash = existing.first(where: { $0.first <= request.dates.last && request.dates.first <= $0.last }) {
                warnings.append("\(prefix): overlaps \(request.name)'s time off \(clash) already in the scenario; only the other days are charged")
            } else if let other = requests[..<i].first(where: {
                $0.name == request.name && $0.dates.first <= request.dates.last && request.dates.first <= $0.dates.last
            }) {
                warnings.append("\(prefix): overlaps the request on line \(other.line) (\(other.dates)); if both are approved, the shared days count once")
            }
        }
        return warnings
    }
}
