import Scenarios
import Simulation
import Statistics
import WhatIf

/// The validation runs of `CoverPlan` and `HirePlan`: a plan simulated on `validationTrials`
/// independent trials (the validation seed), and P(level ≥ k) per limit and check.
///
/// A merge of validation shards (`ValidationMerge`) hands over the tallies the shards counted for
/// the plans they validated; those plans are not simulated again, and any other (a plan found after
/// a tightening, a point of cover's curve) is run here in full. Since a shard runs its blocks
/// exactly as the single run does, the tallies are the same count for count (docs/SHARDS.md).
/// What a search buys from and how it enters the model (`CoverProblem`, `HireProblem`).
protocol SearchProblem {
    var checks: [SimulationModel.Check] { get }
    var windowNames: [String] { get }
    /// The scenario with nothing bought, whose compiled policy every plan's model shares.
    var baseModel: SimulationModel { get }
    func scenario(with counts: [Int]) -> Scenario
}

extension SearchProblem {
    /// Check c as messages name it: "2026-12-07 EMEA".
    func checkName(_ c: Int) -> String { "\(checks[c].date) \(windowNames[checks[c].window])" }

    func model(with counts: [Int]) throws -> SimulationModel { try SimulationModel(scenario(with: counts), sharingPolicyWith: baseModel) }
}

extension CoverProblem: SearchProblem {}
extension HireProblem: SearchProblem {}

struct PlanValidation: Sendable {
    let settings: CoverPlan.Settings
    let limits: [RiskLimit]
    let shards: ValidationMerge?

    /// P(level ≥ k) per limit and check for the plan `counts` of `problem`.
    func risks(_ counts: [Int], of problem: some SearchProblem) throws -> [[Proportion]] {
        let model = try problem.model(with: counts)
        let tally: Tally
        if let known = try shards?.tally(of: counts, model: model) {
            tally = known
        } else {
            let run = RunSettings(size: .trials(settings.validationTrials), seed: settings.validationSeed, threads: settings.threads)
            tally = try MonteCarloRun(model: model, settings: run).run()
        }
        let estimates = Estimates(model: model, tally: tally)
        return limits.map { limit in estimates.checks.map { $0.atLeast[limit.level - 1] } }
    }

    /// What a validation shard writes: `plans` of `problem`, each tallied on the blocks of `shard`
    /// of the validation trials.
    static func shard(
        _ plans: [[Int]], of problem: some SearchProblem, settings: CoverPlan.Settings, shard: Shard
    ) throws -> [(plan: [Int], tally: Tally)] {
        let run = RunSettings(size: .trials(settings.validationTrials), seed: settings.validationSeed, threads: settings.threads, shard: shard)
        return try plans.map { ($0, try MonteCarloRun(model: try problem.model(with: $0), settings: run).run()) }
    }
}
