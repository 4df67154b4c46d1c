import Benchmark
import Foundation
import PerformanceProbes
import Scenarios

/// `plan cover scenarios/december.json --max-risk "ge4<=0.20" --pool scenarios/december-pool.csv`
/// (two groups of contractors, every day of December) at its defaults, on two threads: the issue
/// asks for an answer within 30 s on the project's 2-core machine. CPU and wall time are shown, not
/// gated (no committed thresholds yet).
let benchmarks: @Sendable () -> Void = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized
    let path = root.appendingPathComponent("scenarios/december.json").path
    let scenario = try! Scenario.load(text: try! String(contentsOfFile: path, encoding: .utf8), path: path) {
        try String(contentsOfFile: $0, encoding: .utf8)
    }.scenario
    let poolPath = root.appendingPathComponent("scenarios/december-pool.csv").path
    let probe = try! CoverBenchmark.december(scenario: scenario, poolText: try! String(contentsOfFile: poolPath, encoding: .utf8), source: poolPath)
    Benchmark("December2Groups31Days", configuration: .init(metrics: [.wallClock, .cpuTotal], maxDuration: .seconds(120), maxIterations: 3)) { _ in
        blackHole(try probe.searchOnce())
    }
}
