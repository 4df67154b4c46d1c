import CGSL
import Calendars
import Foundation
import InputFormats
import Testing
@testable import Calibration

/// `resolve_per_shift`'s Garwood interval where GSL 2.7's own χ² quantile is NaN: the issue's
/// `[3.397, nan]`, which also made `--format json` invalid.
@Suite struct GarwoodIntervalTests {
    static let days = DateRange(CivilDate(iso: "2026-03-02")!...CivilDate(iso: "2026-04-26")!)
    static let solved = 1_159

    /// An export in which exactly 1,159 cases are solved in usable segments, so that the upper
    /// bound needs χ²(2 × 1,159 + 2 = 2,320; 0.975): 1,300 cases open from before the range (141
    /// never solved, so the backlog never runs dry), 1,159 of them solved at 12:00 UTC on the 40
    /// weekdays (29 a day, 28 on the last), when EMEA and US SEs work; Poisson(10) cases created
    /// each day, never solved.
    static func export() throws -> String {
        let rng = gsl_rng_alloc(cgsl_rng_mt19937())!
        defer { gsl_rng_free(rng) }
        gsl_rng_set(rng, 2320)
        var rows = ["id,created_at,solved_at"]
        let weekdays = (0..<days.dayCount).map { days.first.adding(days: $0) }.filter { $0.weekday != .saturday && $0.weekday != .sunday }
        var left = solved
        for (d, day) in weekdays.enumerated() {
            let today = d == weekdays.count - 1 ? left : 29
            for i in 0..<today { rows.append("old-\(d)-\(i),2026-02-23T12:00:00Z,\(day)T12:\(i < 10 ? "0" : "")\(i):00Z") }
            left -= today
        }
        for i in 0..<141 { rows.append("never-\(i),2026-02-23T12:00:00Z,") }
        for d in 0..<days.dayCount {
            let day = days.first.adding(days: d)
            for i in 0..<Int(gsl_ran_poisson(rng, 10)) { rows.append("new-\(d)-\(i),\(day)T\(6 + i % 12 < 10 ? "0" : "")\(6 + i % 12):30:00Z,") }
        }
        #expect(left == 0)
        return rows.joined(separator: "\n") + "\n"
    }

    @Test func anIntervalNeedingTwoThousandThreeHundredTwentyDegreesOfFreedomIsFinite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("garwood-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tickets = folder.appendingPathComponent("tickets.csv")
        try Self.export().write(to: tickets, atomically: true, encoding: .utf8)
        let calibration = try CalibrationFit.run(CalibrationRequest(scenario: try QueueHistory.teamScenario(), days: Self.days, ticketFiles: [tickets.path]))

        let resolution = try #require(calibration.resolution)
        let count = resolution.usable.reduce(0) { $0 + $1.solved }
        let exposure = resolution.usable.reduce(0) { $0 + $1.shifts }
        try #require(count == Self.solved, "\(count) cases solved in usable segments")
        let e = resolution.resolvePerShift
        let high = try #require(e.high), low = try #require(e.low)
        #expect(e.missing.isEmpty && high.isFinite && low < e.value && e.value < high)
        // The bounds are the χ² quantiles of Garwood's interval, to GSL's CDF within 1e-10.
        #expect(abs(gsl_cdf_chisq_P(2 * high * exposure, 2_320) - 0.975) <= 1e-10)
        #expect(abs(gsl_cdf_chisq_P(2 * low * exposure, 2_318) - 0.025) <= 1e-10)

        // Every output says so: numbers in the text, valid JSON with two numbers in the fragment.
        #expect(!calibration.text.contains("nan") && !calibration.text.contains("not computed"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(calibration.fragmentJSON.utf8)) as? [String: Any])
        let interval = try #require((json["intervals"] as? [String: Any])?["/resolve_per_shift"] as? [Double])
        #expect(interval == [CalibrationFit.rounded(low), CalibrationFit.rounded(high)])
    }
}

/// How a bound that could not be computed is shown: in words in the text and HTML, null in JSON,
/// and a warning with the reason in all three.
@Suite struct MissingBoundTests {
    static let reason = QuantileError("the 97.5% quantile of χ² with 2320 degrees of freedom could not be computed: a test")
    static let estimate = Estimate(value: 3.49612, low: .success(3.39678), high: .failure(reason), method: "Garwood")

    @Test func jsonHasNullTextHasWords() throws {
        let document = try JSONValue.object([("/resolve_per_shift", .init(CalibrationFit.interval(Self.estimate)))]).prettyPrinted
        #expect(document == "{\n  \"/resolve_per_shift\": [3.3968, null]\n}")
        #expect(try JSONSerialization.jsonObject(with: Data(document.utf8)) is [String: Any])
        #expect(CalibrationFit.bound(Self.estimate.low, 3) == "3.397" && CalibrationFit.bound(Self.estimate.high, 3) == "not computed")
    }

    @Test func theWarningSaysWhichBoundAndWhy() {
        let keys = [
            FittedKey(path: ["inflow", "base_per_day"], value: .number(10, text: "10"), estimate: Estimate(value: 10, low: 9, high: 11, method: "t")),
            FittedKey(path: ["resolve_per_shift"], value: .number(3.4961, text: "3.4961"), estimate: Self.estimate),
        ]
        #expect(CalibrationFit.missingBounds(keys) == [
            "/resolve_per_shift: no upper bound: the 97.5% quantile of χ² with 2320 degrees of freedom could not be computed: a test",
        ])
    }
}
