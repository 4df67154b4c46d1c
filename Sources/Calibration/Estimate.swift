/// A fitted number with its 95% interval and the sentence that says how both were obtained.
public struct Estimate: Sendable, Equatable {
    public let value: Double
    /// nil when the bound could not be computed (`missing` says why).
    public let low: Double?
    public let high: Double?
    public let method: String
    /// Why a bound is missing, one sentence each ("no upper bound: …"); empty when both are there.
    public let missing: [String]

    public init(value: Double, low: Double, high: Double, method: String) {
        self.value = value
        self.low = low
        self.high = high
        self.method = method
        missing = []
    }

    /// An interval whose bounds come from quantiles (`Quantile`): a bound whose quantile could not
    /// be computed is absent, with the reason.
    public init(value: Double, low: Result<Double, QuantileError>, high: Result<Double, QuantileError>, method: String) {
        self.value = value
        self.low = try? low.get()
        self.high = try? high.get()
        self.method = method
        missing = [("lower", low), ("upper", high)].compactMap { side, bound in
            guard case .failure(let error) = bound else { return nil }
            return "no \(side) bound: \(error)"
        }
    }

    /// False when a bound is missing: an interval that could not be computed covers nothing.
    public func covers(_ truth: Double) -> Bool {
        guard let low, let high else { return false }
        return low <= truth && truth <= high
    }
}
