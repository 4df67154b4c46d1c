import Benchmark
import CapacityPolicy

/// The level engine over 10 million pre-generated random inputs (the same inputs `plan bench`
/// uses). One benchmark iteration evaluates all of them; throughput is scaled to evaluations.
let benchmarks: @Sendable () -> Void = {
    let count = 10_000_000
    let values = BenchmarkObservations.handbookGrid(count: count)
    let table = EffectiveTable(Policy.handbook)
    let compiled = CompiledPolicy(table)

    Benchmark(
        "Compiled evaluation, 10M inputs",
        configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .mega, maxDuration: .seconds(5), maxIterations: 20)
    ) { benchmark in
        var levels = [UInt8](repeating: 0, count: count)
        benchmark.startMeasurement()
        values.withUnsafeBufferPointer { v in levels.withUnsafeMutableBufferPointer { compiled.levels(v, into: $0) } }
        benchmark.stopMeasurement()
        blackHole(levels)
    }

    let observations = (0..<count).map { i in Observation([Int(values[3 * i]), Int(values[3 * i + 1]), Int(values[3 * i + 2])]) }
    Benchmark(
        "Explained evaluation, 10M inputs",
        configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .mega, maxDuration: .seconds(60), maxIterations: 1)
    ) { benchmark in
        var sum = 0
        benchmark.startMeasurement()
        for o in observations { sum &+= table.evaluate(o).level }
        benchmark.stopMeasurement()
        blackHole(sum)
    }
}
