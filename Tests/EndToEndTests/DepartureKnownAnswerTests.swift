import Foundation
import Testing

/// Forecasts that hold up when the world drifts (issue 20), end to end: each world of
/// `DepartureWorld` departs from a stationary one in one way; `plan calibrate` fits the history up
/// to `to` and writes a scenario for the 13 weeks after it (`--write --horizon`), `plan simulate`
/// forecasts them untouched, and `plan backtest` judges the checks the world declared against the
/// forecast's own predictive count: the declared count at ≥ 2 must lie inside its 95% band, and
/// the forecast's P10–P90 of open cases must hold the declared count at 70–90% of the checks
/// (`expectCoverage`). Each world also has a control that misses its departure
/// (the trend or season off, the hire or the unbooked leave left out) and is found worse.
///
/// k = 2 because it is the informative count here: with nine US SEs, one of them out puts the US
/// count at the policy's 8, so 60–75% of the checks are at ≥ 2, while ≥ 3 and ≥ 4 (loads above
/// 7 and 8 cases per SE) are reached at 10–40% of them, mostly on Mondays.
@Suite struct DepartureKnownAnswerTests {
    /// What a world's forecast was judged to be.
    struct Judged {
        let folder: URL
        let calibration: String
        let scenario: [String: Any]
        let levels: [Int: [String: Any]]
        let coverage: Double
        let checks: Int

        func count(_ k: Int) -> (declared: Int, expected: Double, low: Int, high: Int) {
            let level = levels[k] ?? [:]
            return (level["declared"] as? Int ?? -1, level["expected"] as? Double ?? -1, level["band_low"] as? Int ?? -1, level["band_high"] as? Int ?? -1)
        }

        var summary: String {
            (2...4).map { k in let c = count(k); return "≥\(k): \(c.declared) declared, \(String(format: "%.1f", c.expected)) expected, band \(c.low)–\(c.high)" }
                .joined(separator: "; ") + "; coverage \(String(format: "%.3f", coverage)) of \(checks) checks"
        }
    }

    static let trials = 1000

    /// The public holidays of GB and US in the years a world spans, as `plan holidays` lists them.
    static func holidays(years: ClosedRange<Int>) throws -> [String: Set<Int>] {
        var holidays: [String: Set<Int>] = [:]
        for country in ["GB", "US"] {
            for year in years {
                let r = try PlanProcess.run(["holidays", "--country", country, "--year", "\(year)", "--format", "csv"])
                try #require(r.status == 0, "\(r.stderr)")
                for line in r.stdout.split(separator: "\n").dropFirst() {
                    holidays[country, default: []].insert(DepartureWorld.day(String(line.prefix(10))))
                }
            }
        }
        return holidays
    }

    /// Draws `world`, calibrates on its history, forecasts its horizon and backtests the forecast.
    /// `team` edits the team scenario the world wrote before it is calibrated (the team as a
    /// planner who missed the departure would describe it);
    /// `dropping` names top-level keys taken out of the written scenario before it is simulated.
    static func judge(_ world: DepartureWorld, calibrate extra: [String] = [], dropping: [String] = [], team: (String) -> String = { $0 }) throws -> Judged {
        let folder = try PlanProcess.temporaryDirectory()
        let years = DepartureWorld.civil(world.first - 28).year...DepartureWorld.civil(world.horizonEnd).year
        try world.write(to: folder, holidays: try holidays(years: years))
        let teamFile = folder.appendingPathComponent("team.json")
        try team(try String(contentsOf: teamFile, encoding: .utf8)).write(to: teamFile, atomically: true, encoding: .utf8)
        let from = DepartureWorld.text(world.first), to = DepartureWorld.text(world.to)
        let horizon = "\(DepartureWorld.text(world.to + 1))..\(DepartureWorld.text(world.horizonEnd))"
        let calibrated = try PlanProcess.run(
            ["calibrate", "team.json", "--tickets", "tickets.csv", "--absences", "absences.csv",
             "--from", from, "--to", to, "--write", "forecast.json", "--horizon", horizon] + extra, in: folder)
        try #require(calibrated.status == 0, "\(calibrated.stderr)")
        if !dropping.isEmpty {
            let file = folder.appendingPathComponent("forecast.json")
            var written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            for key in dropping { written[key] = nil }
            try JSONSerialization.data(withJSONObject: written).write(to: file)
        }
        let simulated = try PlanProcess.run(["simulate", "forecast.json", "--trials", "\(trials)", "--seed", "1", "--out", "forecast"], in: folder)
        try #require(simulated.status == 0, "\(simulated.stderr)")
        let store = folder.appendingPathComponent("history.sqlite").path
        let imported = try PlanProcess.run(["history", "import", "declared.csv", "--history", store], in: folder)
        try #require(imported.status == 0, "\(imported.stderr)")
        let added = try PlanProcess.run(["history", "add-run", "forecast", "--made-at", to + "T23:00:00Z", "--history", store], in: folder)
        try #require(added.status == 0, "\(added.stderr)")
        let backtest = try PlanProcess.run(["backtest", "--history", store, "--lead", "0..400", "--format", "json"], in: folder)
        try #require(backtest.status == 0, "\(backtest.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(backtest.stdout.utf8)) as? [String: Any])
        let scenario = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("forecast.json"))) as? [String: Any])
        let levels = Dictionary(uniqueKeysWithValues: (report["levels"] as? [[String: Any]] ?? []).map { ($0["level"] as? Int ?? 0, $0) })
        let coverage = (report["open_case_coverage"] as? [String: Any])?["share"] as? Double ?? -1
        return Judged(folder: folder, calibration: calibrated.stdout, scenario: scenario, levels: levels, coverage: coverage,
                      checks: report["scored_checks"] as? Int ?? -1)
    }

    /// A team of 4 EMEA and `us` US SEs, the last US SE joining on `joins` when given.
    static func team(us: Int = 9, joins: Int? = nil) -> [DepartureWorld.Member] {
        (1...4).map { DepartureWorld.Member(name: "gb-\($0)", group: "emea") }
            + (1...us).map { DepartureWorld.Member(name: "us-\($0)", group: "us", joins: $0 == us ? joins : nil) }
    }

    static let day = DepartureWorld.day

    static func number(_ value: Any?) -> Double { value as? Double ?? .nan }

    /// A year of history to Sunday 2026-09-27 and the 13 weeks after it, 42 cases a day on the
    /// last day, 7 cases per SE-shift: a queue about 75% busy over the week, whose weekend
    /// backlog puts Monday's load near the policy's 5 cases per SE.
    static func world(_ name: String, seed: UInt64) -> DepartureWorld {
        DepartureWorld(name: name, first: day("2025-09-29"), to: day("2026-09-27"), horizonEnd: day("2026-12-27"),
                       team: team(), basePerDay: 42, resolvePerShift: 7, seed: seed)
    }

    /// The forecast's P10–P90 of open cases holds the declared count at 70–90% of the checks. It
    /// did at 55–71% while the kernel pooled a check-to-check window's capacity over the window's
    /// arrivals (the US evening clearing the night's cases before they arrived); segments cut at
    /// the shifts' starts and ends (docs/MODEL.md §5) serve the night's cases from 09:00 on, as
    /// the world does.
    static func expectCoverage(_ judged: Judged, _ world: String) {
        #expect((0.70...0.90).contains(judged.coverage), "\(world): \(judged.summary)")
    }

    static func expectCountInBand(_ judged: Judged, level k: Int, _ world: String) {
        let c = judged.count(k)
        #expect(c.low >= 0 && (c.low...c.high).contains(c.declared), "\(world): \(judged.summary)")
    }

    /// Control: a stationary world whose SEs serve as the model does (a service may take a case
    /// arriving later in the same segment, docs/MODEL.md §5). The forecast is right: the count at
    /// ≥ 2 inside its band, the P10–P90 covering at least 80% of the checks (more than 90% is
    /// expected here: at many 17:30 checks the queue is empty, and 0 inside 0–0 counts).
    @Test func theModelsOwnQueueIsForecastRight() throws {
        var world = Self.world("pooled", seed: 8)
        world.pooledSegments = true
        let judged = try Self.judge(world)
        Self.expectCountInBand(judged, level: 2, "pooled")
        #expect(judged.coverage >= 0.8, "\(judged.summary)")
        #expect(judged.checks == 130)
    }

    /// Demand growing 30% a year: calibrate finds the trend and writes it, and the forecast's
    /// count at ≥ 2 holds the declared one. Without the trend (--trend off) the open cases are
    /// covered less often.
    @Test func aTrendIsForecast() throws {
        var world = Self.world("trend", seed: 1)
        world.trendPerYear = 0.3
        let judged = try Self.judge(world)
        let inflow = try #require(judged.scenario["inflow"] as? [String: Any])
        let trend = try #require(inflow["trend_per_year"] as? Double, "\(judged.calibration)")
        #expect(trend > 0.1 && trend < 0.6)
        #expect(inflow["trend_reference"] as? String == "2026-09-27")
        Self.expectCountInBand(judged, level: 2, "trend")
        Self.expectCoverage(judged, "trend")
        let flat = try Self.judge(world, calibrate: ["--trend", "off"])
        #expect(flat.coverage < judged.coverage - 0.1, "with the trend: \(judged.summary); without: \(flat.summary)")
    }

    /// December 30% quieter and January 30% busier, two years of history to Sunday 2026-11-01,
    /// forecast for November to January: calibrate writes both month factors, and the forecast's
    /// count at ≥ 2 holds the declared one. Without the season (--season off) the open cases are
    /// covered less often.
    @Test func aSeasonIsForecast() throws {
        var world = Self.world("season", seed: 1)
        (world.first, world.to, world.horizonEnd) = (Self.day("2024-11-04"), Self.day("2026-11-01"), Self.day("2027-01-31"))
        world.monthFactors = [12: 0.7, 1: 1.3]
        let judged = try Self.judge(world)
        let inflow = try #require(judged.scenario["inflow"] as? [String: Any])
        let months = try #require(inflow["month_factors"] as? [String: Any], "\(judged.calibration)")
        #expect(Self.number(months["Dec"]) < 0.85 && Self.number(months["Jan"]) > 1.15, "\(months)")
        Self.expectCountInBand(judged, level: 2, "season")
        Self.expectCoverage(judged, "season")
        let flat = try Self.judge(world, calibrate: ["--season", "off"])
        #expect(flat.coverage < judged.coverage - 0.1, "with the season: \(judged.summary); without: \(flat.summary)")
    }

    /// A tenth US SE joins on 2026-04-06, half a year before `to`: with eight others that one more
    /// keeps the US count above the policy's 8 at most checks. The team file says when they
    /// joined, calibration counts their shifts from then, and the forecast's count at ≥ 2 holds
    /// the declared one; a forecast of the team without the hire has it far outside its band.
    @Test func aHireIsForecast() throws {
        var world = Self.world("hire", seed: 1)
        world.team = Self.team(us: 9, joins: Self.day("2026-04-06"))
        let judged = try Self.judge(world)
        let team = try #require(judged.scenario["team"] as? [[String: Any]])
        #expect(team.first { $0["name"] as? String == "us-9" }?["joins"] as? String == "2026-04-06")
        Self.expectCountInBand(judged, level: 2, "hire")
        Self.expectCoverage(judged, "hire")
        let withoutHire = try Self.judge(world) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"us-9\"") }.joined(separator: "\n")
                .replacingOccurrences(of: "\"us-8\", \"group\": \"us\", \"country\": \"US\" },", with: "\"us-8\", \"group\": \"us\", \"country\": \"US\" }")
        }
        let c = withoutHire.count(2)
        #expect(c.declared < c.low, "without the hire: \(withoutHire.summary)")
    }

    /// Leave booked a week to a few months ahead (7 days plus a geometric number with mean 30):
    /// on `to` most of the quarter's leave is not yet booked. Calibrate fits the unbooked-leave
    /// model from the absence export's `requested` dates and writes it with `as_of`, and the
    /// forecast's count at ≥ 2 (one US SE out puts the US count at the policy's 8) holds the
    /// declared one. A forecast that knows only the leave booked by `to` (`unbooked_leave`
    /// removed) has it above its band.
    @Test func leaveNotYetBookedIsForecast() throws {
        var world = Self.world("leave", seed: 1)
        (world.leaveSpellsPerYear, world.minimumLeadDays, world.meanExtraLeadDays) = (6, 7, 30)
        let judged = try Self.judge(world)
        #expect(judged.scenario["as_of"] as? String == "2026-09-27", "\(judged.calibration)")
        let unbooked = try #require(judged.scenario["unbooked_leave"] as? [String: Any], "\(judged.calibration)")
        #expect(unbooked["days_per_year"] != nil && unbooked["booking_lead_days"] != nil, "\(unbooked)")
        Self.expectCountInBand(judged, level: 2, "leave")
        Self.expectCoverage(judged, "leave")
        let bookedOnly = try Self.judge(world, dropping: ["unbooked_leave"]).count(2)
        #expect(bookedOnly.declared > bookedOnly.high, "booked leave only: \(bookedOnly)")
    }
}
