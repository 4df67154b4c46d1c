import Calendars
import Testing
@testable import Scenarios

/// `as_of`, `unbooked_leave` and an SE's `leave_days_per_year` (docs/MODEL.md §3a): read as
/// written, with defaults, and every mistake a located one-line error.
@Suite struct UnbookedLeaveKeyTests {
    @Test func readAsWritten() throws {
        let scenario = try TestScenario.load(TestScenario.minimal(#"""
            "as_of": "2026-11-20",
            "unbooked_leave": {"days_per_year": 25, "mean_spell_days": 5, "month_factors": {"Dec": 1.5, "August": 2},
                               "booking_lead_days": [{"up_to": 6, "share": 0.25}, {"up_to": 27, "share": 0.5}, {"up_to": 90, "share": 0.25}]}
            """#, team: #"[{"name": "a", "group": "emea", "country": "GB", "leave_days_per_year": 30}, {"name": "b", "group": "us", "country": "US"}]"#)).scenario
        #expect(scenario.asOf == CivilDate(year: 2026, month: 11, day: 20))
        let leave = try #require(scenario.unbookedLeave)
        #expect(leave.daysPerYear == 25 && leave.meanSpellDays == 5 && leave.monthFactors == [12: 1.5, 8: 2])
        #expect(leave.leadTime == [.init(upTo: 6, share: 0.25), .init(upTo: 27, share: 0.5), .init(upTo: 90, share: 0.25)])
        #expect(scenario.team[0].leaveDaysPerYear == 30 && scenario.team[1].leaveDaysPerYear == nil)
        // P(lead < x): 0.25 × 3/7 at x = 3; 0.25 + 0.5 × 3/21 at x = 10; all of it from x = 91.
        #expect(abs(leave.bookedLater(daysAfterAsOf: 3) - 0.25 * 3 / 7) < 1e-15)
        #expect(abs(leave.bookedLater(daysAfterAsOf: 10) - (0.25 + 0.5 * 3 / 21)) < 1e-15)
        #expect(leave.bookedLater(daysAfterAsOf: 0) == 0 && leave.bookedLater(daysAfterAsOf: 91) == 1 && leave.bookedLater(daysAfterAsOf: 400) == 1)
    }

    @Test func defaults() throws {
        let scenario = try TestScenario.load(TestScenario.minimal(#""as_of": "2026-11-30", "unbooked_leave": {"days_per_year": 20}"#)).scenario
        let leave = try #require(scenario.unbookedLeave)
        #expect(leave.meanSpellDays == 1 && leave.monthFactors.isEmpty && leave.leadTime == [.init(upTo: 90, share: 1)])
        let none = try TestScenario.load(TestScenario.minimal()).scenario
        #expect(none.asOf == nil && none.unbookedLeave == nil)
    }

    /// An outlook given today's leave (`--time-off`) knows the bookings up to today: as_of moves to
    /// its first day; without leave given, the scenario's as_of stays.
    @Test func outlookWithTodaysLeaveIsAsOfToday() throws {
        let scenario = try TestScenario.load(TestScenario.minimal(#""as_of": "2026-11-20", "unbooked_leave": {"days_per_year": 20}"#)).scenario
        let today = CivilDate(year: 2026, month: 12, day: 7)!
        let leave = [KnownLeave(name: "a", dates: DateRange(CivilDate(year: 2026, month: 12, day: 9)!...CivilDate(year: 2026, month: 12, day: 10)!))]
        #expect(try scenario.outlook(from: today, days: 10, openCases: 5, absences: [], leave: leave).scenario.asOf == today)
        #expect(try scenario.outlook(from: today, days: 10, openCases: 5, absences: []).scenario.asOf == CivilDate(year: 2026, month: 11, day: 20))
    }

    @Test func mistakesAreLocated() {
        func problems(_ extra: String) -> [String] { TestScenario.problems(TestScenario.minimal(extra)) }
        #expect(problems(#""unbooked_leave": {"days_per_year": 20}"#)
            == [#"s.json:3: /unbooked_leave: unbooked leave needs "as_of", the last day whose bookings the scenario's time off holds: leave starting after it is drawn with the share booked later"#])
        #expect(problems(#""as_of": "2026-13-01""#).count == 1)
        #expect(problems(#""as_of": "2001-01-01""#)
            == ["s.json:3: /as_of: 2001-01-01 is more than 10 years from the simulated dates 2026-11-30…2026-12-31; as_of is the day the scenario's time off was known, near them"])
        #expect(problems(#""as_of": "2026-11-30", "unbooked_leave": {"days_per_year": 400}"#)
            == ["s.json:3: /unbooked_leave/days_per_year: expected a number from 0 to 365, found 400"])
        #expect(problems(#""as_of": "2026-11-30", "unbooked_leave": {"mean_spell_days": 3}"#)
            == [#"s.json:3: /unbooked_leave: missing required key "days_per_year""#])
        #expect(problems(#""as_of": "2026-11-30", "unbooked_leave": {"days_per_year": 20, "month_factors": {"Aug": 13}}"#)
            == ["s.json:3: /unbooked_leave/month_factors/Aug: expected a number from 0 to 12, found 13"])
        #expect(problems(#""as_of": "2026-11-30", "unbooked_leave": {"days_per_year": 20, "booking_lead_days": [{"up_to": 30, "share": 0.5}, {"up_to": 10, "share": 0.5}]}"#)
            == ["s.json:3: /unbooked_leave/booking_lead_days/1/up_to: 10 days is not after the bin before's 30; list the bins by increasing up_to"])
        #expect(problems(#""as_of": "2026-11-30", "unbooked_leave": {"days_per_year": 20, "booking_lead_days": [{"up_to": 30, "share": 0.5}]}"#)
            == ["s.json:3: /unbooked_leave/booking_lead_days: the shares sum to 0.5; they must sum to 1"])
        #expect(problems(#""as_of": "2026-11-30", "unbooked_leave": {"days_per_year": 20, "booking_lead_days": []}"#)
            == ["s.json:3: /unbooked_leave/booking_lead_days: 0 bins; give 1 to 100"])
        #expect(problems(#""as_of": "2026-11-30", "unbooked_leave": {"days_per_year": 20, "lead": 3}"#).count == 1)
        #expect(TestScenario.problems(TestScenario.minimal(team: #"[{"name": "a", "group": "emea", "country": "GB", "leave_days_per_year": -1}]"#))
            == ["s.json:1: /team/0/leave_days_per_year: expected a number from 0 to 365, found -1"])
    }
}
