import Benchmark
import Foundation
import PerformanceProbes
import Scenarios

/// `plan approve scenarios/december.json --requests scenarios/december-requests.csv --max-risk
/// "ge4<=0.20"` through its library (`ApproveBenchmark`), at its defaults (20,000 trials, seed 1),
/// two threads: the twelve example requests, issue 26's measure of paired runs that start where
/// they differ. Gated on CPU time (Benchmarks/README.md).
let benchmarks: @Sendable () -> Void = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized
    let path = root.appendingPathComponent("scenarios/december.json").path
    let scenario = try! Scenario.load(text: try! String(contentsOfFile: path, encoding: .utf8), path: path) {
        try String(contentsOfFile: $0, encoding: .utf8)
    }.scenario
    let requestsPath = root.appendingPathComponent("scenarios/december-requests.csv").path
    let probe = try! ApproveBenchmark.december(
        scenario: scenario, requestsText: try! String(contentsOfFile: requestsPath, encoding: .utf8), source: requestsPath)
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [.cpuTotal: .init(relative: [.p90: 25])]
    Benchmark(
        "December12Requests",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(60), maxIterations: 5, thresholds: thresholds)
    ) { _ in
        blackHole(try probe.approveOnce())
    }
}
