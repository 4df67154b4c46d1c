import Benchmark
import CapacityPolicy
import Foundation
import History

/// `plan history import` of 10,000 declarations without the process around it: parse the CSV,
/// evaluate each row with the policy, create a new store (WAL, migrations) and insert them in
/// one transaction. The issue asks for under a second.
let benchmarks: @Sendable () -> Void = {
    // Gated like the other suites (Benchmarks/README.md): CPU time and allocations within 25% of
    // the committed p90; wall time, which includes waiting for the disk, is shown only.
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal]
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
        .cpuTotal: .init(relative: [.p90: 25]),
        .mallocCountTotal: .init(relative: [.p90: 25]),
    ]
    // Two checks a day for 5,000 days from 2030-01-01, with counts that reach every level.
    var csv = "date,window,emea,us,open_cases\n"
    for day in 0..<5_000 {
        let date = DateFormatting.iso(daysAfter2030: day)
        csv += "\(date),EMEA,\(day % 4),\(3 + day % 9),\(day % 120)\n\(date),Americas,\((day + 1) % 4),\(day % 12),\((day * 7) % 150)\n"
    }
    let table = EffectiveTable(Policy.handbook)
    Benchmark(
        "Import10000",
        configuration: .init(metrics: metrics, maxDuration: .seconds(10), maxIterations: 20, thresholds: thresholds)
    ) { benchmark in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        benchmark.startMeasurement()
        let imported = try DeclarationImport(text: csv, source: "bench.csv", table: table, recordedAt: "2026-11-30T00:00:00Z")
        let store = try HistoryStore(path: folder.appendingPathComponent("history.sqlite").path, create: true)
        let count = try store.record(imported.checks)
        benchmark.stopMeasurement()
        precondition(count.added == 10_000)
    }
}

enum DateFormatting {
    /// YYYY-MM-DD of the day `days` after 2030-01-01 (UTC).
    static func iso(daysAfter2030 days: Int) -> String {
        let start = 1_893_456_000.0  // 2030-01-01T00:00:00Z
        return String(ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: start + Double(days) * 86_400)).prefix(10))
    }
}
