import OutputFormats

/// The whole numbers known at a check, one per policy input, in the policy's input order.
public struct Observation: Sendable, Hashable, CustomStringConvertible {
    public var values: [Int]

    /// The largest count an input may take: the compiled evaluator holds counts in 32 bits, and no
    /// threshold may exceed this either (`Policy.maximumThreshold`).
    public static let maximumCount = 1_000_000_000

    public init(_ values: [Int]) { self.values = values }

    public var description: String { values.map(String.init).joined(separator: ",") }
}

extension Policy {
    /// The value of every metric (inputs, then ratios) for an observation.
    public func metricValues(_ observation: Observation) -> [Double] {
        var values = observation.values.map(Double.init)
        for ratio in ratios {
            let numerator = values[metricIndex(named: ratio.numerator)!]
            let denominator = ratio.denominator.reduce(0.0) { $0 + values[metricIndex(named: $1)!] }
            values.append(Ratio.value(numerator: numerator, denominator: denominator))
        }
        return values
    }

    /// An observation from named values; every input must be present and non-negative.
    public func observation(_ named: [String: Int]) throws(PolicyError) -> Observation {
        var values: [Int] = []
        for input in inputs {
            guard let v = named[input.name] else { throw PolicyError("missing value for input \"\(input.name)\"") }
            guard v >= 0, v <= Observation.maximumCount else {
                throw PolicyError("\(input.name) must be from 0 to \(Observation.maximumCount), got \(v)")
            }
            values.append(v)
        }
        return Observation(values)
    }
}

/// A problem with a policy or with an observation evaluated against it, worded for the user.
public typealias PolicyError = ErrorMessage<PolicyErrorTopic>
public enum PolicyErrorTopic: ErrorTopic {}
