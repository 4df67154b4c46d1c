import CapacityPolicy

/// The measurement behind `plan bench` for the level engine: best-of-`repeats` wall time of the
/// compiled evaluator over `inputs` random observations, and of the explained evaluator over a
/// tenth of them (it is about a thousand times slower; the rate is what matters).
public struct EngineBenchmark: Sendable {
    public let inputs: Int
    public let repeats: Int

    public init(inputs: Int, repeats: Int) {
        self.inputs = inputs
        self.repeats = repeats
    }

    public func run() -> [BenchmarkMeasurement] {
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
            BenchmarkMeasurement(name: "level engine, compiled", count: inputs, seconds: compiledSeconds),
            BenchmarkMeasurement(name: "level engine, explained", count: explainedCount, seconds: explainedSeconds),
        ]
    }

    private func best(_ body: () -> Void) -> Double { BenchmarkMeasurement.best(of: repeats, body) }
}

/// Keeps a result alive so the optimiser cannot drop the work that produced it.
@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }
