import ArgumentParser
import WhatIf

extension Plan {
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Price time-off requests in risk, and find a set that keeps every check within a limit.",
            discussion: """
                plan approve scenarios/december.json --requests requests.csv --max-risk "ge4<=0.20"
                The requests file has the columns name,start,end and optionally priority (higher first).
                """
        )

        @Argument(help: "The scenario (JSON).") var scenario: String
        @Option(help: "CSV of requests: name,start,end[,priority].") var requests: String
        @Option(name: .customLong("max-risk"), help: "The limit at every check, ge<k><=<p>: e.g. ge4<=0.20 for P(level ≥ 4) at most 0.20.")
        var maxRisk: String
        @OptionGroup var sampling: SamplingOptions

        func run() throws {
            let limit = try RiskLimit(parsing: maxRisk)
            let loaded = try ScenarioFile.load(scenario)
            let list = try TimeOffRequest.read(csv: try readTextFile(requests), source: requests, team: loaded.scenario.team.map(\.name))
            ScenarioFile.report(loaded.warnings)
            let plan = try ApprovalPlan(scenario: loaded.scenario, requests: list, limit: limit, settings: sampling.comparison, source: requests)
            emit(plan.terminalText(scenarioName: loaded.scenario.name))
        }
    }
}
