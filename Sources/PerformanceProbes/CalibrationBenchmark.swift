import Calendars
import Calibration
import Foundation
import Scenarios

/// The measurement behind `plan bench --calibration-rows` and the Calibration suite in
/// Benchmarks/: `plan calibrate` on a synthetic export of `rows` cases over two years, best of
/// `repeats`. The export is written once, before the clock starts.
public struct CalibrationBenchmark: Sendable {
    public let team: Scenario
    public let rows: Int
    public let repeats: Int
    /// 104 weeks, Monday to Sunday.
    public static let days = DateRange(CivilDate(year: 2025, month: 1, day: 6)!...CivilDate(year: 2026, month: 12, day: 27)!)

    public init(team: Scenario, rows: Int, repeats: Int) {
        self.team = team
        self.rows = rows
        self.repeats = repeats
    }

    public func run() throws -> [BenchmarkMeasurement] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-calibration-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tickets.csv").path
        try Self.writeExport(rows: rows, to: path)
        let seconds = try BenchmarkMeasurement.best(of: repeats) { _ = try calibrate(path) }
        return [BenchmarkMeasurement(name: "calibration, \(rows) rows", count: rows, seconds: seconds)]
    }

    /// Calibrates the export at `path` against `team` over `days`; the result's case count.
    public func calibrate(_ path: String) throws -> Int {
        let request = CalibrationRequest(
            scenario: team, days: Self.days, ticketFiles: [path], columns: TicketColumns.presets[0].columns,
            filters: [RowFilter(column: "Group", value: "Support")])
        return try Calibration.run(request).createdPerDay.reduce(0, +)
    }

    /// A Zendesk-style export (`Ticket ID,Group,Subject,Created at,Solved at`) of `rows` cases
    /// spread over `days` with a weekly profile, each solved up to two days later (one in twenty
    /// still open), and a quoted subject holding a comma and a line break, so that the reader's
    /// quoted path is measured too. Deterministic (SplitMix64 from a fixed seed); written in
    /// 1 MiB pieces.
    ///
    /// - Complexity: O(rows) time, O(1) memory.
    public static func writeExport(rows: Int, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        let weights = [1.3, 1.2, 1.15, 1.1, 1.0, 0.65, 0.6]
        let dayStarts = (0..<days.dayCount).map { (days.first.dayNumber + $0) * 86_400 }
        let dayWeights = (0..<days.dayCount).map { weights[days.first.adding(days: $0).weekday.rawValue - 1] }
        let total = dayWeights.reduce(0, +)
        var buffer = "Ticket ID,Group,Subject,Created at,Solved at\n"
        var row = 0
        for (d, weight) in dayWeights.enumerated() {
            let count = d == dayWeights.count - 1 ? rows - row : Int((Double(rows) * weight / total).rounded())
            // One row is kept for the last day, so that the export reaches `days.last` (calibrate's
            // --to may not pass the last case) however few rows there are.
            for _ in 0..<max(0, min(count, rows - row - (d == dayWeights.count - 1 ? 0 : 1))) {
                let created = dayStarts[d] + Int(uniform() * 86_400)
                let solved = uniform() < 0.05 ? "" : stamp(created + Int(uniform() * 172_800))
                buffer += "\(100_000 + row),\(uniform() < 0.9 ? "Support" : "Billing"),\"Login fails, again\nsince update\",\(stamp(created)),\(solved)\n"
                row += 1
                if buffer.utf8.count > 1 << 20 {
                    handle.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
        }
        handle.write(Data(buffer.utf8))
    }

    /// `YYYY-MM-DD HH:MM:SS` in UTC.
    static func stamp(_ seconds: Int) -> String {
        let day = CivilDate(dayNumber: seconds / 86_400)
        let t = seconds % 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return "\(day) \(two(t / 3600)):\(two(t / 60 % 60)):\(two(t % 60))"
    }
}
