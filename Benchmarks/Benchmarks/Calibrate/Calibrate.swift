import Benchmark
import Foundation
import PerformanceProbes
import Scenarios

/// `plan calibrate` on a synthetic Zendesk-style export of 1,000,000 cases over two years
/// (`CalibrationBenchmark.writeExport`), against scenarios/history/team.json. The export is written
/// once, before the first iteration. Issue 9 asks for at most 10 s and 200 MiB on this machine;
/// peak resident memory is reported here, and Benchmarks/README.md says how it was measured on the
/// release binary with /usr/bin/time.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident]
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
        .cpuTotal: .init(relative: [.p90: 25]),
    ]
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../scenarios/history/team.json").standardized.path
    let text = try! String(contentsOfFile: path, encoding: .utf8)
    let team = try! Scenario.load(text: text, path: path) { try String(contentsOfFile: $0, encoding: .utf8) }.scenario
    let rows = 1_000_000
    let export = FileManager.default.temporaryDirectory.appendingPathComponent("plan-calibration-bench-\(rows).csv").path
    let probe = CalibrationBenchmark(team: team, rows: rows, repeats: 1)
    Benchmark(
        "Calibrate1MRows",
        configuration: .init(
            metrics: metrics, maxDuration: .seconds(60), maxIterations: 5, thresholds: thresholds,
            setup: { try CalibrationBenchmark.writeExport(rows: rows, to: export) },
            teardown: { try? FileManager.default.removeItem(atPath: export) })
    ) { _ in
        blackHole(try probe.calibrate(export))
    }
}
