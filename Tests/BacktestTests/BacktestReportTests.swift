import Calendars
import OutputFormats
import Testing
@testable import Backtest

/// A whole report on four checks worked out by hand.
@Suite struct BacktestReportTests {
    static func declared(_ date: String, level: Int, open: Int) -> DeclaredLevel {
        DeclaredLevel(date: CivilDate(iso: date)!, window: "EMEA", checkMinute: 600, level: level, openCases: open)
    }

    /// Mondays and Tuesdays of two weeks; one forecast made the Sunday before, P(level 2) = 0.25,
    /// open cases P10–P90 = 30–50.
    let declared = [declared("2026-11-02", level: 1, open: 40), declared("2026-11-03", level: 2, open: 60),
                    declared("2026-11-09", level: 1, open: 30), declared("2026-11-10", level: 1, open: 45)]
    var forecasts: [LevelForecast] {
        declared.map {
            LevelForecast(runID: "run", madeAt: Moment(iso: "2026-11-01")!, date: $0.date, window: "EMEA", levels: [0.75, 0.25], p10Open: 30, p90Open: 50)
        }
    }

    @Test func scoresSkillAndCoverage() throws {
        let report = try BacktestReport(declared: declared, history: declared, forecasts: forecasts, counts: [:], from: nil, to: nil, lead: 0...30, pairing: .latest)
        #expect(report.pairs.count == 4 && report.unforecastChecks == 0 && report.forecasts == 1)
        let brier = try #require(report.levels.first).brier
        // (3 × 0.25² + 0.75²) / 4 = 0.1875.
        #expect(abs(brier.forecast - 0.1875) < 1e-12)
        // Climatology, with its pseudo-check of ½ per level: Mon 02 (½, ½); Tue 03 (½, ½); Mon 09 after
        // one Monday at 1 (¾, ¼); Tue 10 after one Tuesday at 2 (¼, ¾). Brier of P(≥2):
        // (0.25 + 0.25 + 0.0625 + 0.5625) / 4 = 0.28125.
        #expect(abs(brier.climatology - 0.28125) < 1e-12)
        #expect(abs(brier.skillVersusClimatology! - (1 - 0.1875 / 0.28125)) < 1e-12)
        // Persistence on the three checks after the first: Tue 03 from Mon 02 (level 1, missed: 1),
        // Mon 09 from Tue 03 (level 2, missed: 1), Tue 10 from Mon 09 (level 1, right: 0) → 2/3.
        #expect(brier.persistenceChecks == 3)
        #expect(abs(brier.persistence - 2.0 / 3) < 1e-12)
        #expect(abs(brier.forecastOnPersistenceChecks - (0.5625 + 0.0625 + 0.0625) / 3) < 1e-12)
        // With two levels the RPS is the Brier score of ≥2.
        #expect(report.rankedProbability == brier)
        // Open cases 40, 60, 30, 45 against 30–50: three inside (bounds included).
        #expect(report.coverage?.inside.successes == 3 && report.coverage?.inside.trials == 4)
        #expect(report.coverage?.meanWidth == 20)
    }

    @Test func perForecastScoresEveryForecastMadeBefore() throws {
        // A second run made after the first Monday: it counts for the three later checks only.
        let later = declared.dropFirst().map {
            LevelForecast(runID: "later", madeAt: Moment(iso: "2026-11-02T12:00:00Z")!, date: $0.date, window: "EMEA", levels: [0, 1], p10Open: 0, p90Open: 10)
        }
        let each = try BacktestReport(declared: declared, history: declared, forecasts: forecasts + later, counts: [:], from: nil, to: nil, lead: 0...30, pairing: .each)
        #expect(each.pairs.count == 7 && each.forecasts == 2 && each.unforecastChecks == 0)
        let latest = try BacktestReport(declared: declared, history: declared, forecasts: forecasts + later, counts: [:], from: nil, to: nil, lead: 0...30, pairing: .latest)
        #expect(latest.pairs.map(\.forecast.runID) == ["run", "later", "later", "later"])
        // The later run is certain of level 2: right on 2026-11-03 only, so its checks score (0 + 1 + 1) and the first (0.25²).
        #expect(abs(latest.levels[0].brier.forecast - (0.0625 + 2) / 4) < 1e-12)
        let window = try BacktestReport(declared: declared, history: declared, forecasts: forecasts + later, counts: [:], from: nil, to: nil, lead: 8...30, pairing: .latest)
        #expect(window.pairs.count == 2 && window.unforecastChecks == 2)
    }

    @Test func noOverlappingForecastIsAnError() {
        #expect(throws: BacktestError.self) {
            try BacktestReport(declared: declared, history: declared, forecasts: forecasts, counts: [:], from: nil, to: nil, lead: 60...90, pairing: .latest)
        }
        #expect(throws: BacktestError("no declared checks; record them \(term: .recordDeclarations)")) {
            try BacktestReport(declared: [], history: [], forecasts: forecasts, counts: [:], from: nil, to: nil, lead: 0...30, pairing: .latest)
        }
    }

    @Test func outputsAgree() throws {
        let report = try BacktestReport(declared: declared, history: declared, forecasts: forecasts, counts: [:], from: nil, to: nil, lead: 0...30, pairing: .latest)
        #expect(report.csv == """
            level,verdict,declared,expected,band_low,band_high,z,brier,brier_climatology,skill_climatology,brier_persistence,skill_persistence,brier_floor,skill_floor,uncertain_checks,brier_uncertain,skill_climatology_uncertain,skill_floor_uncertain,bin_low,bin_high,checks,mean_forecast,observed,ci_low,ci_high
            2,no verdict,,,,,,0.1875,0.2813,0.3333,0.6667,0.6563,,,4,0.1875,0.3333,,0.2,0.3,4,0.2500,0.2500,0.0456,0.6994

            """)
        #expect(report.text.contains("≥2     —            —         —         0.1875  0.2813       +33%    0.6667       +66%    —       n/a     no verdict"))
        // Forecasts recorded without counts.json are scored, but without a verdict, saying why.
        #expect(report.text.contains("≥2 no verdict: the forecasts were recorded without count distributions"))
        #expect(try report.json.contains("\"skill_climatology\" : 0.33333333333333"))
        // Every key is there for tools; what is undefined (here: an open range) is null.
        #expect(try report.json.contains("\"from\" : null,") && report.json.contains("\"to\" : null"))
        #expect(report.html.contains("<svg class=\"reliability\" data-level=\"2\""))
    }

    /// A certain forecast that missed has z = +∞ (docs/BACKTEST.md); JSON cannot hold it, so `z`
    /// is null there and the verdict says which way. Found by the departure worlds: a backtest
    /// whose --format json failed ("the number at /levels/5/z is +infinity") and printed nothing.
    @Test func anInfiniteZIsNullInJSON() throws {
        let monday = CivilDate(iso: "2026-11-02")!
        let declared = (0..<10).map { i in
            DeclaredLevel(date: monday.adding(days: i / 2), window: i % 2 == 0 ? "EMEA" : "Americas", checkMinute: i % 2 == 0 ? 600 : 1050,
                          level: i < 6 ? 2 : 1, openCases: 40)
        }
        let forecasts = declared.map {
            LevelForecast(runID: "run", madeAt: Moment(iso: "2026-11-01")!, date: $0.date, window: $0.window, levels: [1, 0], p10Open: 30, p90Open: 50)
        }
        // Every trial of the one week had no check at ≥ 2: the count is certainly 0, and 6 were declared.
        let counts = WeeklyCounts(runID: "run", trials: 4, weeks: [monday], weekChecks: [10], distributions: [[[4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]], covariances: [[[]]])
        let report = try BacktestReport(declared: declared, history: declared, forecasts: forecasts, counts: ["run": counts], from: nil, to: nil, lead: 0...30, pairing: .latest)
        let level = try #require(report.levels.first)
        #expect(level.calibration.z == .infinity)
        let json = try report.json
        #expect(json.contains("\"z\" : null"), "\(json)")
        #expect(json.contains("\"declared\" : 6") && json.contains("\"band_high\" : 0"))
    }

    /// A skill keeps its column however bad the forecast: −148,910% (the 1.4× backtest) reads "< −999%".
    @Test func skillsFitTheirColumn() {
        #expect(BacktestReport.skill(0.3333) == "+33%")
        #expect(BacktestReport.skill(-9.99) == "−999%")
        #expect(BacktestReport.skill(-1489.1) == "< −999%")
        #expect(BacktestReport.skill(nil) == "n/a")
    }
}
