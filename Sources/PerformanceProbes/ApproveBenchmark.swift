import Scenarios
import WhatIf

/// The measurement behind the PlanApprove suite: `plan approve`'s library on a scenario and its
/// requests at the command's defaults (20,000 trials, seed 1) and the given threads; the count is
/// the requests approved.
public struct ApproveBenchmark: Sendable {
    public let scenario: Scenario
    public let requests: [TimeOffRequest]
    public let source: String
    public let limit: RiskLimit
    public let threads: Int

    public init(scenario: Scenario, requests: [TimeOffRequest], source: String, limit: RiskLimit, threads: Int) {
        self.scenario = scenario
        self.requests = requests
        self.source = source
        self.limit = limit
        self.threads = threads
    }

    /// One plan, as `plan approve` computes it.
    public func plan() throws -> ApprovalPlan {
        try ApprovalPlan(
            scenario: scenario, requests: requests, limit: limit, settings: ComparisonSettings(trials: 20_000, seed: 1, threads: threads), source: source)
    }

    /// One `plan()`, for a caller that sees this module only: the requests approved.
    public func approveOnce() throws -> Int { try plan().approvedRequests.count }
}

extension ApproveBenchmark {
    /// The suite's input: `ge4<=0.20` on two threads, the requests read from their text (the
    /// nested benchmark package sees this product only, not the WhatIf module).
    public static func december(scenario: Scenario, requestsText: String, source: String) throws -> ApproveBenchmark {
        let file = try TimeOffRequest.read(csv: requestsText, source: source, team: scenario.team.map(\.name), horizon: scenario.horizon)
        return ApproveBenchmark(scenario: scenario, requests: file.requests, source: source, limit: RiskLimit(level: 4, probability: 0.2), threads: 2)
    }
}
