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
struct PlanValidation: Sendable {
    let settings: CoverPlan.Settings
    let limits: [RiskLimit]
    let shards: ValidationMerge?

    /// P(level ≥ k) per limit and check for the plan `counts`, whose scenario is `scenario`.
    func risks(_ counts: [Int], model: SimulationModel) throws -> [[Proportion]] {
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

    /// The tallies of `models` on the blocks of `shard` of the validation trials: what a validation
    /// shard writes.
    static func shardTallies(_ models: [SimulationModel], settings: CoverPlan.Settings, shard: Shard) throws -> [Tally] {
        let run = RunSettings(size: .trials(settings.validationTrials), seed: settings.validationSeed, threads: settings.threads, shard: shard)
        return try models.map { try MonteCarloRun(model: $0, settings: run).run() }
    }
}
