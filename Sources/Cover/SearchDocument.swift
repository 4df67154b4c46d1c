import WhatIf

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

    init(
        scenario: String, feasible: Bool, validated: Bool, limits stated: [RiskLimit], sampleLimits: [RiskLimit], settings: CoverPlan.Settings,
        cost: Double, tightenings: [String]
    ) {
        self.scenario = scenario
        self.feasible = feasible
        self.validated = validated
        limits = stated.indices.map {
            Limit(level: stated[$0].level, probability: stated[$0].probability, allows_equal: stated[$0].allowsEqual,
                  sample_probability: sampleLimits[$0].probability)
        }
        sample_trials = settings.trials
        seed = settings.seed
        validation_trials = settings.validationTrials
        validation_seed = settings.validationSeed
        tolerance = settings.tolerance
        self.cost = cost
        self.tightenings = tightenings
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
