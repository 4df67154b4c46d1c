import Calendars
import Testing
@testable import Backtest

@Suite struct CountCalibrationTests {
    /// `n` checks forecast `p`, of which the first `hits` reached k.
    static func outcomes(_ n: Int, forecast p: Double, hits: Int) -> [Outcome] {
        (0..<n).map { Outcome(forecast: p, reached: $0 < hits) }
    }

    @Test func binsHoldTheWilsonIntervalOfTheObservedFrequency() {
        let outcomes = Self.outcomes(100, forecast: 0.25, hits: 20) + Self.outcomes(4, forecast: 0.95, hits: 4)
        let bins = ReliabilityBin.bins(outcomes)
        #expect(bins.map(\.low) == [0.2, 0.9])
        #expect(bins[0].checks == 100 && bins[0].observed.successes == 20)
        // Wilson 95% for 20 of 100: 0.1334–0.2888 (closed form), which holds 0.25.
        #expect(abs(bins[0].observed.low - 0.1334) < 1e-4 && abs(bins[0].observed.high - 0.2888) < 1e-4)
        #expect(bins[0].consistent)
        #expect(bins[1].checks == 4 && bins[1].meanForecast == 0.95)
        // P = 1 belongs in the top bin.
        #expect(ReliabilityBin.bins([Outcome(forecast: 1, reached: true)]).map(\.low) == [0.9])
    }

    /// Two weeks of ten checks from one forecast of 4 trials, worked out by hand: week 1's count at
    /// ≥ 2 is 0, 2, 2, 4 (mean 2, variance 2), week 2's 1, 1, 3, 3 (mean 2, variance 1), and
    /// the product of the two 0 + 2 + 6 + 12 = 20 over 4 trials less 2 · 2 gives covariance 1.
    static let counts = WeeklyCounts(
        runID: "run", trials: 4, weeks: [CivilDate(iso: "2026-11-02")!, CivilDate(iso: "2026-11-09")!], weekChecks: [10, 10],
        distributions: [[[1, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0], [0, 2, 0, 2, 0, 0, 0, 0, 0, 0, 0]]], covariances: [[[1], []]])

    static func week(_ index: Int, declaredAtLeast2 hits: Int) -> JudgedWeek {
        let monday = counts.weeks[index]
        let declared = (0..<10).map { i in
            DeclaredLevel(date: monday.adding(days: i / 2), window: i % 2 == 0 ? "EMEA" : "Americas", checkMinute: i % 2 == 0 ? 600 : 1050,
                          level: i < hits ? 2 : 1, openCases: nil)
        }
        return JudgedWeek(counts: counts, week: index, madeAt: Moment(iso: "2026-11-01")!, declared: declared)
    }

    @Test func thePredictiveCountAddsTheWeeksWithTheirCovariance() throws {
        let both = PredictiveCount(level: 2, weeks: [Self.week(0, declaredAtLeast2: 0), Self.week(1, declaredAtLeast2: 0)])
        // Mean 2 + 2; variance 2 + 1 + 2 · 1 = 5.
        #expect(both.mean == 4 && both.variance == 5)
        // Normal band 4 ± 1.96 · √5 = 4 ± 4.38, rounded outwards: 0–9.
        #expect(both.low == 0 && both.high == 9)
        // One week: the exact band from the trials, 2.5% and 97.5% quantiles of 0, 2, 2, 4.
        let one = PredictiveCount(level: 2, weeks: [Self.week(0, declaredAtLeast2: 0)])
        #expect(one.low == 0 && one.high == 4)
        // z with the continuity correction: 12 declared, (12 − 4 − 0.5) / √5 = 3.354.
        #expect(abs(both.z(declared: 12) - 7.5 / 5.0.squareRoot()) < 1e-12)
        #expect(both.z(declared: 4) == 0 && abs(both.z(declared: 3) + 0.5 / 5.0.squareRoot()) < 1e-12)
        #expect(abs(both.z(declared: 0) + 3.5 / 5.0.squareRoot()) < 1e-12)
    }

    @Test func verdicts() {
        let weeks = [Self.week(0, declaredAtLeast2: 6), Self.week(1, declaredAtLeast2: 6)]
        let under = CountCalibration(level: 2, weeks: weeks, bins: [], reason: "")
        #expect(under.observed == 12 && under.checks == 20 && under.weeks == 2)
        #expect(under.verdict == .underForecasts && abs(under.z - 7.5 / 5.0.squareRoot()) < 1e-12)
        #expect(under.evidence.hasPrefix("level ≥ 2 declared at 12 of 20 checks in 2 weeks; the forecasts expected 4.0, 95% band 0–9 (z = +3.4)"))
        #expect(CountCalibration(level: 2, weeks: [Self.week(0, declaredAtLeast2: 3), Self.week(1, declaredAtLeast2: 2)], bins: [], reason: "").verdict == .wellCalibrated)
        // Fewer than 20 checks.
        #expect(CountCalibration(level: 2, weeks: [Self.week(0, declaredAtLeast2: 10)], bins: [], reason: "").verdict == .tooLittleData)
        // Nothing to judge: no verdict, and the reason given.
        let none = CountCalibration(level: 2, weeks: [], bins: [], reason: "the forecasts were recorded without count distributions")
        #expect(none.verdict == .noVerdict && none.predicted == nil)
        #expect(none.evidence.hasPrefix("the forecasts were recorded without count distributions; "))
    }

    /// A week is judged against a forecast only whole: every check of it the forecast made,
    /// declared, after the forecast was made; of two such forecasts, the later.
    @Test func weeksAreJudgedWholeAgainstTheLatestForecast() {
        let declared = Self.week(0, declaredAtLeast2: 0).declared + Self.week(1, declaredAtLeast2: 0).declared.dropLast()
        func forecasts(_ run: String, madeAt: String) -> [LevelForecast] {
            (Self.week(0, declaredAtLeast2: 0).declared + Self.week(1, declaredAtLeast2: 0).declared).map {
                LevelForecast(runID: run, madeAt: Moment(iso: madeAt)!, date: $0.date, window: $0.window, levels: [0.8, 0.2], p10Open: 0, p90Open: 0)
            }
        }
        let late = WeeklyCounts(runID: "late", trials: 4, weeks: Self.counts.weeks, weekChecks: [10, 10],
                                distributions: Self.counts.distributions, covariances: Self.counts.covariances)
        let all = forecasts("run", madeAt: "2026-11-01") + forecasts("late", madeAt: "2026-11-02T09:00:00Z") + forecasts("none", madeAt: "2026-11-01T12:00:00Z")
        let judged = JudgedWeek.select(declared: declared, forecasts: all, counts: ["run": Self.counts, "late": late], lead: 0...30)
        // Week 2 lacks a declared check; week 1 goes to "late" (made before its first check, later than "run"); "none" has no counts.
        #expect(judged.map(\.counts.runID) == ["late"] && judged.map(\.week) == [0])
        // Made after the week's first check (10:00 on Monday): not in hand for the whole week.
        let tooLate = forecasts("late", madeAt: "2026-11-02T10:00:00Z")
        #expect(JudgedWeek.select(declared: declared, forecasts: tooLate, counts: ["late": late], lead: 0...30).isEmpty)
        // Outside the lead range.
        #expect(JudgedWeek.select(declared: declared, forecasts: forecasts("run", madeAt: "2026-11-01"), counts: ["run": Self.counts], lead: 2...30).isEmpty)
    }
}
