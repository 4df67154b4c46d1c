import Calendars
import Foundation
import Testing
@testable import Scenarios

/// `inflow.trend_per_year`, `inflow.month_factors` and `inflow.periods` (docs/MODEL.md §4): read
/// as written, and their product on a day known by hand.
@Suite struct InflowDriftTests {
    func inflow(_ members: String) throws -> Scenario.Inflow {
        try TestScenario.load(TestScenario.minimal().replacingOccurrences(of: #""inflow": {"base_per_day": 10}"#, with: #""inflow": {"base_per_day": 10, \#(members)}"#)).scenario.inflow
    }

    func problems(_ members: String) -> [String] {
        TestScenario.problems(TestScenario.minimal().replacingOccurrences(of: #""inflow": {"base_per_day": 10}"#, with: #""inflow": {"base_per_day": 10, \#(members)}"#))
    }

    @Test func factorsMultiplyOnTheDaysTheyCover() throws {
        let inflow = try inflow(#"""
            "trend_per_year": 0.21, "trend_reference": "2025-12-01", "month_factors": {"Dec": 0.7, "January": 1.3},
            "periods": [{"from": "2026-12-10", "to": "2026-12-12", "factor": 2}, {"from": "2026-12-12", "to": "2026-12-12", "factor": 0.5}]
            """#)
        #expect(inflow.trend == Scenario.Inflow.Trend(perYear: 0.21, reference: CivilDate(year: 2025, month: 12, day: 1)!))
        #expect(inflow.monthFactors == [12: 0.7, 1: 1.3])
        // 2026-12-01 is 365 days after the reference: 1.21^(365/365.25).
        let first = CivilDate(year: 2026, month: 12, day: 1)!
        #expect(abs(inflow.driftFactor(on: first) - pow(1.21, 365 / 365.25) * 0.7) < 1e-12)
        // Two years on the trend is 1.21² = 1.4641 to within the quarter day: 730.5 days is exact.
        let trend = inflow.trend!
        #expect(abs(Scenario.Inflow.Trend(perYear: 0.21, reference: trend.reference).factor(on: trend.reference.adding(days: 730)) - pow(1.21, 730 / 365.25)) < 1e-12)
        // On the 11th only the first period; on the 12th both (2 × 0.5); on the 13th neither.
        let eleventh = first.adding(days: 10), twelfth = first.adding(days: 11), thirteenth = first.adding(days: 12)
        let trendOn = { (d: CivilDate) in pow(1.21, Double(d.dayNumber - trend.reference.dayNumber) / 365.25) }
        #expect(abs(inflow.driftFactor(on: eleventh) - trendOn(eleventh) * 0.7 * 2) < 1e-12)
        #expect(abs(inflow.driftFactor(on: twelfth) - trendOn(twelfth) * 0.7) < 1e-12)
        #expect(abs(inflow.driftFactor(on: thirteenth) - trendOn(thirteenth) * 0.7) < 1e-12)
        // January of the next year takes its month factor.
        let january = CivilDate(year: 2027, month: 1, day: 4)!
        #expect(abs(inflow.driftFactor(on: january) - trendOn(january) * 1.3) < 1e-12)
    }

    @Test func noDriftIsExactlyOne() throws {
        let inflow = try inflow(#""demand_cv": 0.1"#)
        #expect(inflow.trend == nil && inflow.monthFactors.isEmpty && inflow.periods.isEmpty)
        #expect(inflow.driftFactor(on: CivilDate(year: 2026, month: 12, day: 5)!) == 1)
    }

    @Test func badDriftIsALocatedError() {
        #expect(problems(#""trend_per_year": 0.1"#)
            == [#"s.json:2: /inflow: missing required key "trend_reference" (the date on which base_per_day holds) for trend_per_year"#])
        #expect(problems(#""trend_reference": "2026-01-01""#)
            == ["s.json:2: /inflow/trend_reference: trend_reference applies to trend_per_year, which is missing"])
        #expect(problems(#""trend_per_year": 1.5, "trend_reference": "2026-01-01""#)
            == ["s.json:2: /inflow/trend_per_year: expected a number from -0.9 to 1, found 1.5"])
        #expect(problems(#""trend_per_year": 0.5, "trend_reference": "2001-01-01""#)
            == ["s.json:2: /inflow/trend_reference: 2001-01-01 is more than 10 years from the simulated dates 2026-11-30…2026-12-31; give a reference date near them"])
        #expect(problems(#""month_factors": {"Dez": 0.7}"#)
            == [#"s.json:2: /inflow/month_factors/Dez: "Dez" is not a month (expected Jan, Feb, … Dec, or the full name)"#])
        #expect(problems(#""month_factors": {"Dec": 0.7, "December": 0.8}"#)
            == ["s.json:2: /inflow/month_factors/December: Dec has a factor already"])
        #expect(problems(#""periods": [{"from": "2026-12-10", "to": "2026-12-01", "factor": 2}]"#)
            == ["s.json:2: /inflow/periods/0: end 2026-12-01 is before start 2026-12-10"])
        #expect(problems(#""periods": [{"from": "2026-12-10", "factor": 2, "until": "x"}]"#).count == 2)
        // Each factor within its range, but together beyond what the samplers take.
        let huge = TestScenario.minimal().replacingOccurrences(of: #""inflow": {"base_per_day": 10}"#, with: #"""
            "inflow": {"base_per_day": 1000000, "weekday_factors": {"Mon": 100}, "holiday_factor": 100, "month_factors": {"Dec": 2}}
            """#)
        #expect(TestScenario.problems(huge)
            == ["s.json:2: /inflow: the trend, month and period factors take the mean on 2026-12-01 beyond 10000000000 cases a day; check their values"])
    }
}
