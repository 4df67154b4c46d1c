/// The measurement behind `plan bench` for the level engine: best-of-`repeats` wall time of the
/// compiled evaluator over `inputs` random observations, and of the explained evaluator over a
/// tenth of them (it is about a thousand times slower; the rate is what matters).
public struct EngineBenchmark: Sendable {
    public struct Result: Sendable, Encodable {
        public let name: String
        public let count: Int
        public let seconds: Double
        public var rate: Double { Double(count) / seconds }

        enum CodingKeys: String, CodingKey { case name, count, seconds, rate }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(count, forKey: .count)
            try c.encode(seconds, forKey: .seconds)
            try c.encode(rate.rounded(), forKey: .rate)
        }
    }

    public let inputs: Int
    public let repeats: Int

    public init(inputs: Int, repeats: Int) {
        self.inputs = inputs
        self.repeats = repeats
    }

    public func run() -> [Result] {
        let values = BenchmarkObservations.handbookGrid(count: inputs)
        let table = EffectiveTable(Policy.handbook)
        let compiled = CompiledPolicy(table)
        var levels = [UInt8](repeating: 0, count: inputs)
        let compiledSeconds = best {
            values.withUnsafeBufferPointer { v in levels.withUnsafeMutableBufferPointer { compiled.levels(v, into: $0) } }
        }
        var checksum = levels.reduce(0) { $0 &+ Int($1) }

        let explainedCount = max(1, inputs / 10)
        let observations = (0..<explainedCount).map { i in Observation([Int(values[3 * i]), Int(values[3 * i + 1]), Int(values[3 * i + 2])]) }
        let explainedSeconds = best {
            for o in observations { checksum &+= table.evaluate(o).level }
        }
        blackHole(checksum)
        return [
            Result(name: "level engine, compiled", count: inputs, seconds: compiledSeconds),
            Result(name: "level engine, explained", count: explainedCount, seconds: explainedSeconds),
        ]
    }

    private func best(_ body: () -> Void) -> Double {
        var best = Double.infinity
        let clock = ContinuousClock()
        for _ in 0..<repeats {
            let elapsed = clock.measure(body)
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return best
    }
}

/// Keeps a result alive so the optimiser cannot drop the work that produced it.
@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }
