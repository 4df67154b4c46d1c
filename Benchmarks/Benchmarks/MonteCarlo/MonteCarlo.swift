import Benchmark
import Foundation
import Scenarios
import Simulation

/// December trials on one thread and on every core. One iteration is 100,000 trials, so trials
/// per second are the throughput (iterations per second) times 100,000.
let benchmarks: @Sendable () -> Void = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../scenarios/december.json").standardized.path
    let text = try! String(contentsOfFile: path, encoding: .utf8)
    let loaded = try! Scenario.load(text: text, path: path) { try String(contentsOfFile: $0, encoding: .utf8) }
    let model = try! SimulationModel(loaded.scenario)
    for threads in Set([1, ProcessInfo.processInfo.activeProcessorCount]).sorted() {
        Benchmark(
            "December, 100k trials per iteration, \(threads) thread\(threads == 1 ? "" : "s")",
            configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(20), maxIterations: 5)
        ) { _ in
            blackHole(try MonteCarloRun(model: model, settings: RunSettings(size: .trials(100_000), seed: 1, threads: threads)).run())
        }
    }
}
