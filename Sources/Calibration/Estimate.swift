/// A fitted number with its 95% interval and the sentence that says how both were obtained.
public struct Estimate: Sendable, Equatable {
    public let value: Double
    public let low: Double
    public let high: Double
    public let method: String

    public init(value: Double, low: Double, high: Double, method: String) {
        self.value = value
        self.low = low
        self.high = high
        self.method = method
    }

    public func covers(_ truth: Double) -> Bool { low <= truth && truth <= high }
}
