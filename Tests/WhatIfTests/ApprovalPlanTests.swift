import Testing
@testable import WhatIf

@Suite struct ApprovalPlanTests {
    static let settings = ComparisonSettings(trials: 2_000, seed: 7, threads: 2)

    /// Priority first, then the smallest marginal rise; a request that only takes a weekend the SE
    /// does not work changes nothing and is approved; one that leaves EMEA with one SE is declined
    /// at the check it takes over the limit.
    @Test func greedyByPriorityThenMarginalRise() throws {
        let requests = [
            TimeOffRequest(name: "emea-nl", dates: December.dates("2026-12-16", "2026-12-16"), priority: 1, line: 2),
            TimeOffRequest(name: "us-11", dates: December.dates("2026-12-19", "2026-12-20"), priority: 1, line: 3),
            TimeOffRequest(name: "us-10", dates: December.dates("2026-12-07", "2026-12-08"), priority: 2, line: 4),
        ]
        let plan = try ApprovalPlan(
            scenario: try December.scenario(), requests: requests, limit: RiskLimit(level: 4, probability: 0.12), settings: Self.settings, source: "r.csv")
        #expect(plan.decisions.map(\.request.line) == [4, 3, 2])
        #expect(plan.decisions.map(\.approved) == [true, true, false])
        #expect(plan.decisions[1].marginal == nil)
        let us10 = try #require(plan.decisions[0].marginal)
        #expect(us10.difference.isSignificant && us10.difference.estimate > 0)
        let blocking = try #require(plan.decisions[2].blockingCheck)
        #expect(blocking.date == December.date("2026-12-16") && blocking.probability > 0.12)
        #expect(plan.approvedRequests.map(\.name) == ["us-10", "us-11"])
        #expect(plan.overAfter == plan.overBefore)
        #expect(plan.before.probability == 1 && plan.after.probability == 1)
    }

    @Test(arguments: [
        ([TimeOffRequest(name: "us-07", dates: December.dates("2026-12-24", "2026-12-28"), line: 2)],
         "r.csv:2: us-07 2026-12-24…2026-12-28: overlaps us-07's time off 2026-12-23…2026-12-24 already in the scenario"),
        ([TimeOffRequest(name: "us-09", dates: December.dates("2026-12-21", "2026-12-22"), line: 2),
          TimeOffRequest(name: "us-09", dates: December.dates("2026-12-22", "2026-12-23"), line: 3)],
         "r.csv:3: us-09 2026-12-22…2026-12-23: overlaps the request on line 2 (2026-12-21…2026-12-22)"),
    ])
    func refusesOverlappingRequests(requests: [TimeOffRequest], message: String) throws {
        let scenario = try December.scenario()
        #expect(throws: WhatIfError(message)) {
            try ApprovalPlan(scenario: scenario, requests: requests, limit: RiskLimit(level: 4, probability: 0.2), settings: Self.settings, source: "r.csv")
        }
    }

    @Test func refusesALimitOnALevelThePolicyLacks() throws {
        let request = TimeOffRequest(name: "us-09", dates: December.dates("2026-12-21", "2026-12-22"), line: 2)
        #expect(throws: WhatIfError("--max-risk: the policy has levels 1–8; the limit must be on a level from 2 to 8")) {
            try ApprovalPlan(
                scenario: try December.scenario(), requests: [request], limit: RiskLimit(level: 9, probability: 0.2), settings: Self.settings, source: "r.csv")
        }
    }
}
