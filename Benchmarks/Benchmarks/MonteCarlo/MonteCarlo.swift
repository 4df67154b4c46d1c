import Benchmark
import Foundation
import Scenarios
import Simulation

/// December, 20,000 trials per iteration, on one thread and on two (the cores of the machines the
/// thresholds were measured on), and the scale scenarios on two; the counts are fixed so that the
/// benchmark names, and the threshold files named after them, are the same on every machine.
let benchmarks: @Sendable () -> Void = {
    // Gated: CPU time (steady while other work shares the machine, unlike wall time) and
    // allocations, each within 25% of the p90 committed in Thresholds/; wall time is shown only.
    // How they were measured: Benchmarks/README.md.
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal]
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
        .cpuTotal: .init(relative: [.p90: 25]),
        .mallocCountTotal: .init(relative: [.p90: 25]),
    ]
    func loadModel(_ scenario: String) -> SimulationModel {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../scenarios/\(scenario).json").standardized.path
        let text = try! String(contentsOfFile: path, encoding: .utf8)
        let loaded = try! Scenario.load(text: text, path: path) { try String(contentsOfFile: $0, encoding: .utf8) }
        return try! SimulationModel(loaded.scenario)
    }
    let model = loadModel("december")
    for threads in [1, 2] {
        Benchmark(
            "December\(threads)Thread\(threads == 1 ? "" : "s")",
            configuration: .init(metrics: metrics, maxDuration: .seconds(20), maxIterations: 10, thresholds: thresholds)
        ) { _ in
            blackHole(try MonteCarloRun(model: model, settings: RunSettings(size: .trials(20_000), seed: 1, threads: threads)).run())
        }
    }
    // The scale scenarios (scenarios/scale/): a year of 200 SEs and three years of 1,000, on two
    // threads; their peak resident memory is shown, not gated (the process's peak covers every
    // benchmark run before it).
    for (name, scenario, trials) in [("Year200SEs2Threads", "scale/year-200", 2_000), ("ThreeYears1000SEs2Threads", "scale/three-years-1000", 200)] {
        let model = loadModel(scenario)
        Benchmark(
            name,
            configuration: .init(metrics: metrics + [.peakMemoryResident], maxDuration: .seconds(20), maxIterations: 5, thresholds: thresholds)
        ) { _ in
            blackHole(try MonteCarloRun(model: model, settings: RunSettings(size: .trials(trials), seed: 1, threads: 2)).run())
        }
    }
}
