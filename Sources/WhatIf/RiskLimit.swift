import InputFormats

/// A ceiling on the probability of reaching a level at any check: `ge4<=0.20` reads "P(level ≥ 4)
/// at most 0.20 at every check", the way leadership states how much risk a holiday may carry.
public struct RiskLimit: Sendable, Equatable, CustomStringConvertible {
    /// k, 1-based.
    public let level: Int
    public let probability: Double
    /// `<=` allows the probability itself; `<` does not.
    public let allowsEqual: Bool

    public init(level: Int, probability: Double, allowsEqual: Bool = true) {
        self.level = level
        self.probability = probability
        self.allowsEqual = allowsEqual
    }

    /// `ge<k><=<p>` or `ge<k><<p>` (also with `≤`), p between 0 and 1.
    public init(parsing text: String) throws(WhatIfError) {
        let fail = WhatIfError(
            "\(text): expected ge<k><=<p> such as ge4<=0.20 (P(level ≥ 4) at most 0.20 at every check), or ge4<0.2")
        var rest = Substring(text.trimmingSpaces.lowercased())
        guard rest.hasPrefix("ge") else { throw fail }
        rest = rest.dropFirst(2)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let level = Int(digits) else { throw fail }
        rest = rest.dropFirst(digits.count)
        let allowsEqual: Bool
        if rest.hasPrefix("<=") {
            (allowsEqual, rest) = (true, rest.dropFirst(2))
        } else if rest.hasPrefix("≤") {
            (allowsEqual, rest) = (true, rest.dropFirst())
        } else if rest.hasPrefix("<") {
            (allowsEqual, rest) = (false, rest.dropFirst())
        } else {
            throw fail
        }
        guard let probability = Double(rest), probability >= 0, probability <= 1 else { throw fail }
        self.init(level: level, probability: probability, allowsEqual: allowsEqual)
    }

    /// Whether a check with this P(level ≥ k) is over the limit.
    public func isExceeded(by p: Double) -> Bool { allowsEqual ? p > probability : p >= probability }

    /// "P(level ≥ 4) ≤ 0.2"
    public var description: String { "P(level ≥ \(level)) \(allowsEqual ? "≤" : "<") \(probability)" }
}
