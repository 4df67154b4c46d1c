import OutputFormats

/// A what-if request that cannot be carried out: an edit naming nobody, dates that do not parse or
/// overlap, a malformed risk limit. One line for the person at the command line, naming the setting
/// or file and the offending value.
public typealias WhatIfError = ErrorMessage<WhatIfErrorTopic>

public enum WhatIfErrorTopic: ErrorTopic {
    /// The settings of an edit, a comparison, a cover or a hire plan that a message can name.
    public enum Term: Sendable, Hashable, CaseIterable {
        case timeOff, addSE, removeSE, inflowFactor, maxRisk, level, through, leadTime, hireLike, strict
    }

    public static func words(_ term: Term) -> String {
        switch term {
        case .timeOff: "time off for"
        case .addSE: "adding"
        case .removeSE: "removing"
        case .inflowFactor: "an inflow factor of"
        case .maxRisk: "the risk limit"
        case .level: "level"
        case .through: "the end"
        case .leadTime: "a lead time of"
        case .hireLike: "hires of"
        case .strict: "the strict reading"
        }
    }
}
