import OutputFormats
import WhatIf

/// What `SearchDocument` is drawn from: a plan found on the sample and validated (`CoverPlan`, `HirePlan`).
protocol ValidatedPlan {
    var scenarioName: String { get }
    var isFeasible: Bool { get }
    var validated: Bool { get }
    var limits: [RiskLimit] { get }
    var sampleLimits: [RiskLimit] { get }
    var settings: CoverPlan.Settings { get }
    var cost: Double { get }
    var tightenings: [String] { get }
}

extension CoverPlan: ValidatedPlan {}
extension HirePlan: ValidatedPlan {}

/// What `plan cover`'s and `plan hire`'s JSON documents share: the limits as stated and on the
/// sample, the sampling and validation settings, the verdict, the cost and the tightenings. Each
/// document is written as `Combined`, these keys and its own in one object (keys are sorted, so
/// the order of the two parts does not show), and so the two stay of one shape.
struct SearchDocument: Encodable {
    struct Limit: Encodable {
        let level: Int
        let probability: Double
        let allows_equal: Bool
        let sample_probability: Double
    }
    let scenario: String
    let feasible: Bool
    let validated: Bool
    let limits: [Limit]
    let sample_trials: Int
    let seed: UInt64
    let validation_trials: Int
    let validation_seed: UInt64
    let tolerance: Double
    let cost: Double
    let tightenings: [String]

    init(_ plan: some ValidatedPlan) {
        scenario = plan.scenarioName
        feasible = plan.isFeasible
        validated = plan.validated
        limits = plan.limits.indices.map {
            Limit(level: plan.limits[$0].level, probability: plan.limits[$0].probability, allows_equal: plan.limits[$0].allowsEqual,
                  sample_probability: plan.sampleLimits[$0].probability)
        }
        sample_trials = plan.settings.trials
        seed = plan.settings.seed
        validation_trials = plan.settings.validationTrials
        validation_seed = plan.settings.validationSeed
        tolerance = plan.settings.tolerance
        cost = plan.cost
        tightenings = plan.tightenings
    }

    /// `plan`'s document: these keys and `own`'s, pretty, keys sorted.
    static func json(of plan: some ValidatedPlan, own: some Encodable) throws -> String {
        try encodeJSON(Combined(search: SearchDocument(plan), own: own))
    }

    /// `search`'s keys and `own`'s in one JSON object.
    struct Combined<Own: Encodable>: Encodable {
        let search: SearchDocument
        let own: Own

        func encode(to encoder: any Encoder) throws {
            try search.encode(to: encoder)
            try own.encode(to: encoder)
        }
    }
}
