import Benchmark
import CapacityPolicy

/// The level engine over 10 million pre-generated random inputs (the same inputs `plan bench`
/// uses). One benchmark iteration evaluates the next million of them, and the scaling factor is a
/// million, so the reported time is per evaluation and the throughput in evaluations per second.
let benchmarks: @Sendable () -> Void = {
    let count = 10_000_000
    let slice = 1_000_000
    let values = BenchmarkObservations.handbookGrid(count: count)
    let table = EffectiveTable(Policy.handbook)
    let compiled = CompiledPolicy(table)

    var next = 0
    var levels = [UInt8](repeating: 0, count: slice)
    Benchmark(
        "Compiled evaluation",
        configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .mega, maxDuration: .seconds(5), maxIterations: 100)
    ) { benchmark in
        let start = 3 * slice * (next % (count / slice))
        next += 1
        benchmark.startMeasurement()
        values.withUnsafeBufferPointer { v in
            levels.withUnsafeMutableBufferPointer { compiled.levels(UnsafeBufferPointer(rebasing: v[start..<start + 3 * slice]), into: $0) }
        }
        benchmark.stopMeasurement()
        blackHole(levels)
    }

    let observations = (0..<count).map { i in Observation([Int(values[3 * i]), Int(values[3 * i + 1]), Int(values[3 * i + 2])]) }
    var nextExplained = 0
    Benchmark(
        "Explained evaluation",
        configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .mega, maxDuration: .seconds(40), maxIterations: 10)
    ) { benchmark in
        let start = slice * (nextExplained % (count / slice))
        nextExplained += 1
        var sum = 0
        benchmark.startMeasurement()
        for o in observations[start..<start + slice] { sum &+= table.evaluate(o).level }
        benchmark.stopMeasurement()
        blackHole(sum)
    }
}
