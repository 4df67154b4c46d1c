import Calendars
import Scenarios
import Simulation

/// Which of a set of time-off requests can be approved together while every check stays within a
/// risk limit, and what each request costs in risk on its own.
///
/// Method (greedy, stated in the output as `method`): requests are considered in order of priority
/// (higher first), then of smallest marginal rise (the request alone against the scenario), then in
/// file order. Each is approved when, simulated with the requests approved before it, no check
/// that was within the limit goes over it. Checks already over the limit without it do not count
/// against it: no set of requests could bring them back under, and with common random numbers even
/// a rise of a few trials there is significant, which would decline every request that reaches them
/// (its rise there still shows as its marginal effect). Every step re-simulates on the same random
/// numbers as the step before, so each comparison is as tight as a paired one can be. Greedy is not
/// guaranteed to approve the most requests, but it honours priorities and is easy to explain.
public struct ApprovalPlan: Sendable {
    public static let method = "greedy: requests in order of priority (higher first), then of smallest marginal rise, "
        + "each approved when, re-simulated with the requests approved before it on the same random numbers, "
        + "no check that was within the limit goes over it"

    public let limit: RiskLimit
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

    /// P(level ≥ k) at one check.
    public struct CheckRisk: Sendable, Hashable {
        public let date: CivilDate
        public let window: String
        public let probability: Double
    }

    public struct Decision: Sendable {
        public let request: TimeOffRequest
        /// The largest change in P(level ≥ k) the request causes on its own, at `marginalCheck`
        /// (nil when it changes no check in any trial).
        public let marginal: LevelChange?
        public let marginalCheck: CheckComparison?
        public let approved: Bool
        /// The worst check with this request and those approved before it.
        public let worstWith: CheckRisk
        /// The check it would take over the limit, when declined: its risk with the request, and without it.
        public let blockingCheck: CheckRisk?
        public let blockingBefore: Double?
    }

    /// Throws for a limit on a level the policy does not have, a request that overlaps time off
    /// already in the scenario or another request of the same SE, or dates outside the simulated
    /// days; and when the scenario cannot be simulated.
    ///
    /// - Complexity: 2 × requests paired runs of `settings.trials` trials.
    public init(scenario: Scenario, requests: [TimeOffRequest], limit: RiskLimit, settings: ComparisonSettings, source: String) throws {
        let levels = scenario.policy.levels.count
        guard levels >= 2, (2...levels).contains(limit.level) else {
            throw WhatIfError("--max-risk: the policy has levels 1–\(levels); the limit must be on a level from 2 to \(levels)")
        }
        guard !requests.isEmpty else { throw WhatIfError("\(source): no requests to consider") }
        try Self.checkRequests(requests, against: scenario, source: source)
        self.limit = limit
        self.trials = settings.trials
        self.seed = settings.seed
        let k = limit.level

        var marginals: [(change: LevelChange?, check: CheckComparison?)] = []
        var baseEstimates: Estimates?
        for request in requests {
            let comparison = try Comparison.run(base: scenario, variant: try ScenarioEdit.apply([request.edit], to: scenario), settings: settings)
            baseEstimates = comparison.base
            let worst = comparison.changedChecks.max { $0.change(atLeast: k).difference.estimate < $1.change(atLeast: k).difference.estimate }
            marginals.append((worst?.change(atLeast: k), worst))
        }
        let base = baseEstimates!
        before = Self.worstCheck(base, level: k)
        overBefore = base.checks.filter { limit.isExceeded(by: $0.atLeast[k - 1].estimate) }.count

        let order = requests.indices.sorted { a, b in
            let (ra, rb) = (requests[a], requests[b])
            let (ma, mb) = (marginals[a].change?.difference.estimate ?? 0, marginals[b].change?.difference.estimate ?? 0)
            return (-ra.priority, ma, a) < (-rb.priority, mb, b)
        }
        var approved: [ScenarioEdit] = []
        var current = base
        var decisions: [Decision] = []
        for i in order {
            let request = requests[i]
            let comparison = try Comparison.run(
                base: try ScenarioEdit.apply(approved, to: scenario),
                variant: try ScenarioEdit.apply(approved + [request.edit], to: scenario), settings: settings)
            let blocking = comparison.checks.filter { check in
                let change = check.change(atLeast: k)
                return limit.isExceeded(by: change.variant) && !limit.isExceeded(by: change.base)
            }.max { $0.change(atLeast: k).variant < $1.change(atLeast: k).variant }
            let accept = blocking == nil
            if accept {
                approved.append(request.edit)
                current = comparison.variant
            }
            decisions.append(Decision(
                request: request, marginal: marginals[i].change, marginalCheck: marginals[i].check, approved: accept,
                worstWith: Self.worstCheck(comparison.variant, level: k),
                blockingCheck: blocking.map { CheckRisk(date: $0.date, window: $0.window, probability: $0.change(atLeast: k).variant) },
                blockingBefore: blocking.map { $0.change(atLeast: k).base }))
        }
        self.decisions = decisions
        self.after = Self.worstCheck(current, level: k)
        self.overAfter = current.checks.filter { limit.isExceeded(by: $0.atLeast[k - 1].estimate) }.count
    }

    public var approvedRequests: [TimeOffRequest] { decisions.filter(\.approved).map(\.request) }

    static func worstCheck(_ estimates: Estimates, level k: Int) -> CheckRisk {
        let worst = estimates.checks.max { $0.atLeast[k - 1].estimate < $1.atLeast[k - 1].estimate }!
        return CheckRisk(date: worst.date, window: worst.window, probability: worst.atLeast[k - 1].estimate)
    }

    /// Each request must name days the simulation covers and must not overlap time off the SE
    /// already has, in the scenario or in another request.
    static func checkRequests(_ requests: [TimeOffRequest], against scenario: Scenario, source: String) throws(WhatIfError) {
        let simulated = DateRange(scenario.simulationStart...scenario.horizon.last)
        for (i, request) in requests.enumerated() {
            func fail(_ message: String) -> WhatIfError { WhatIfError("\(source):\(request.line): \(request.summary): \(message)") }
            guard request.dates.first <= simulated.last, simulated.first <= request.dates.last else {
                throw fail("outside the simulated days \(simulated)")
            }
            let existing = scenario.team.first { $0.name == request.name }?.timeOff ?? []
            if let clash = existing.first(where: { $0.first <= request.dates.last && request.dates.first <= $0.last }) {
                throw fail("overlaps \(request.name)'s time off \(clash) already in the scenario")
            }
            if let other = requests[..<i].first(where: {
                $0.name == request.name && $0.dates.first <= request.dates.last && request.dates.first <= $0.dates.last
            }) {
                throw fail("overlaps the request on line \(other.line) (\(other.dates))")
            }
        }
    }
}
