/// One line of `plan bench`: how many operations (evaluations, trials) took how long.
public struct BenchmarkMeasurement: Sendable, Encodable {
    public let name: String
    public let count: Int
    public let seconds: Double
    public var rate: Double { Double(count) / seconds }

    public init(name: String, count: Int, seconds: Double) {
        self.name = name
        self.count = count
        self.seconds = seconds
    }

    enum CodingKeys: String, CodingKey { case name, count, seconds, rate }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(count, forKey: .count)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(rate.rounded(), forKey: .rate)
    }

    /// The shortest wall time of `repeats` runs of `body`: the least disturbed by other work.
    public static func best(of repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        let clock = ContinuousClock()
        for _ in 0..<repeats {
            let start = clock.now
            try body()
            let elapsed = start.duration(to: clock.now)
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return best
    }
}
