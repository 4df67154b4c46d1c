import Benchmark
import CapacityPolicy
import PerformanceProbes

/// The level engine over 10 million pre-generated random inputs, the inputs `plan bench` uses.
/// One iteration of CompiledEvaluation evaluates all of them ten times (100 million
/// evaluations); one iteration of ExplainedEvaluation evaluates the next 100,000 (it explains
/// every decision, and is about a thousand times slower). Both take a few tenths of a second, long
/// enough for the CPU time, counted in 10 ms scheduler ticks, to mean something.
let benchmarks: @Sendable () -> Void = {
    // Gated: CPU time (steady while other work shares the machine, unlike wall time) and
    // allocations, each within 25% of the p90 committed in Thresholds/; wall time is shown only.
    // How they were measured: Benchmarks/README.md.
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal]
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
        .cpuTotal: .init(relative: [.p90: 25]),
        .mallocCountTotal: .init(relative: [.p90: 25]),
    ]
    let count = 10_000_000
    let values = BenchmarkObservations.handbookGrid(count: count)
    let table = EffectiveTable(Policy.handbook)
    let compiled = CompiledPolicy(table)

    var levels = [UInt8](repeating: 0, count: count)
    Benchmark(
        "CompiledEvaluation",
        configuration: .init(metrics: metrics, maxDuration: .seconds(10), maxIterations: 30, thresholds: thresholds)
    ) { _ in
        for _ in 0..<10 {
            values.withUnsafeBufferPointer { v in levels.withUnsafeMutableBufferPointer { compiled.levels(v, into: $0) } }
            blackHole(levels)
        }
    }

    let slice = 100_000
    let observations = (0..<count).map { i in Observation([Int(values[3 * i]), Int(values[3 * i + 1]), Int(values[3 * i + 2])]) }
    var next = 0
    Benchmark(
        "ExplainedEvaluation",
        configuration: .init(metrics: metrics, maxDuration: .seconds(10), maxIterations: 30, thresholds: thresholds)
    ) { benchmark in
        let start = slice * (next % (count / slice))
        next += 1
        var sum = 0
        benchmark.startMeasurement()
        for o in observations[start..<start + slice] { sum &+= table.evaluate(o).level }
        benchmark.stopMeasurement()
        blackHole(sum)
    }
}
