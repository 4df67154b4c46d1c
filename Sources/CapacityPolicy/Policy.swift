/// A capacity policy: what is observed at a check, and the ordered levels declared from it.
///
/// The policy is data so that a team with other groups, thresholds or channels edits a file and
/// rebuilds nothing. The first level is the baseline: its criteria describe business as usual and
/// are never a trigger (docs/POLICY.md, rule 2).
public struct Policy: Sendable, Equatable {
    public var name: String
    public var reading: Reading
    public var inputs: [Input]
    public var ratios: [Ratio]
    public var levels: [Level]

    public init(name: String, reading: Reading, inputs: [Input], ratios: [Ratio], levels: [Level]) {
        self.name = name
        self.reading = reading
        self.inputs = inputs
        self.ratios = ratios
        self.levels = levels
    }

    /// Metric names in index order: the inputs, then the ratios.
    public var metricNames: [String] { inputs.map(\.name) + ratios.map(\.name) }

    /// The index of the metric `name` in `metricNames`, without building that list: the lint looks
    /// metrics up for every state it examines.
    public func metricIndex(named name: String) -> Int? {
        if let input = inputs.firstIndex(where: { $0.name == name }) { return input }
        return ratios.firstIndex { $0.name == name }.map { inputs.count + $0 }
    }

    /// The same policy read the other way.
    public func with(reading: Reading) -> Policy {
        var copy = self
        copy.reading = reading
        return copy
    }
}

/// How criteria repeated word for word at several "any" levels are read (docs/POLICY.md, rule 3).
public enum Reading: String, Sendable, CaseIterable {
    /// A repeat at a higher "any" level is a ditto mark: it counts only at the lowest level where it appears.
    case firstLevel = "first-level"
    /// Every copy counts, so the highest copy decides whenever the criterion holds.
    case literal
}

/// A whole number observed at a check.
public struct Input: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// People working in a group; more is never worse. Its name is the group's name in a scenario.
        case headcount
        /// Open, active cases; more is never better.
        case cases
    }

    public var name: String
    public var kind: Kind
    public var description: String

    public init(name: String, kind: Kind, description: String) {
        self.name = name
        self.kind = kind
        self.description = description
    }
}

/// A metric derived as one input per unit of others, such as open cases per working SE.
///
/// When the denominator is zero the ratio is +infinity if the numerator is positive and 0 if it is
/// zero: nobody working with cases open is the worst load there is (docs/POLICY.md).
public struct Ratio: Sendable, Equatable {
    public var name: String
    public var numerator: String
    public var denominator: [String]
    public var description: String

    public init(name: String, numerator: String, denominator: [String], description: String) {
        self.name = name
        self.numerator = numerator
        self.denominator = denominator
        self.description = description
    }

    public static func value(numerator: Double, denominator: Double) -> Double {
        if denominator == 0 { return numerator > 0 ? .infinity : 0 }
        return numerator / denominator
    }
}

/// One level of the policy: when it is declared and what it brings.
public struct Level: Sendable, Equatable {
    public enum Trigger: String, Sendable {
        case any, all
    }

    public var name: String
    public var trigger: Trigger
    public var criteria: [Criterion]
    /// What the team does at this level, in addition to the contingencies of every lower level.
    public var contingency: String
    /// Channels alerted when this level is declared (cumulative with lower levels).
    public var alerts: [String]
    /// Teams the support team coordinates with at this level.
    public var coordination: [String]

    public init(name: String, trigger: Trigger, criteria: [Criterion], contingency: String, alerts: [String], coordination: [String]) {
        self.name = name
        self.trigger = trigger
        self.criteria = criteria
        self.contingency = contingency
        self.alerts = alerts
        self.coordination = coordination
    }
}

/// `metric comparison threshold`, such as `emea <= 2` or `load > 5`.
public struct Criterion: Sendable, Hashable, CustomStringConvertible {
    public var metric: String
    public var comparison: ThresholdComparison

    public init(metric: String, comparison: ThresholdComparison) {
        self.metric = metric
        self.comparison = comparison
    }

    public func holds(for value: Double) -> Bool { comparison.holds(for: value) }

    public var description: String { "\(metric) \(comparison)" }
}

public enum ThresholdComparison: Sendable, Hashable, CustomStringConvertible {
    case lessThan(Double)
    case atMost(Double)
    case greaterThan(Double)
    case atLeast(Double)
    case equal(Double)
    /// Inclusive at both ends.
    case between(Double, Double)

    public func holds(for value: Double) -> Bool {
        switch self {
        case .lessThan(let t): return value < t
        case .atMost(let t): return value <= t
        case .greaterThan(let t): return value > t
        case .atLeast(let t): return value >= t
        case .equal(let t): return value == t
        case .between(let lo, let hi): return value >= lo && value <= hi
        }
    }

    /// The operator as written in policy files.
    public var symbol: String {
        switch self {
        case .lessThan: return "<"
        case .atMost: return "<="
        case .greaterThan: return ">"
        case .atLeast: return ">="
        case .equal: return "=="
        case .between: return "between"
        }
    }

    public var thresholds: [Double] {
        switch self {
        case .lessThan(let t), .atMost(let t), .greaterThan(let t), .atLeast(let t), .equal(let t): return [t]
        case .between(let lo, let hi): return [lo, hi]
        }
    }

    public var description: String {
        switch self {
        case .lessThan(let t): return "< \(formatNumber(t))"
        case .atMost(let t): return "≤ \(formatNumber(t))"
        case .greaterThan(let t): return "> \(formatNumber(t))"
        case .atLeast(let t): return "≥ \(formatNumber(t))"
        case .equal(let t): return "= \(formatNumber(t))"
        case .between(let lo, let hi): return "\(formatNumber(lo))–\(formatNumber(hi))"
        }
    }
}

/// `5` rather than `5.0`; fractions as Swift prints them.
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}
