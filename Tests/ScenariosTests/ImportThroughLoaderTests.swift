import Calendars
import Testing
@testable import Scenarios

/// `.ics` and CSV files named by a scenario are read through the loader's `readFile`, relative to
/// the scenario's folder; their problems are reported under the JSON path that named them.
@Suite struct ImportThroughLoaderTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static let leave = """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        X-WR-CALNAME:Leave\r
        BEGIN:VEVENT\r
        UID:1\r
        SUMMARY:Leave\r
        DTSTART;VALUE=DATE:20261221\r
        DTEND;VALUE=DATE:20261224\r
        END:VEVENT\r
        END:VCALENDAR\r

        """

    static let holidays = """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        BEGIN:VEVENT\r
        SUMMARY:Founders' Day\r
        DTSTART;VALUE=DATE:20261207\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        SUMMARY:Winter Day\r
        DTSTART;VALUE=DATE:20261208\r
        END:VEVENT\r
        END:VCALENDAR\r

        """

    let team = #"[{"name": "a", "group": "emea", "country": "GB", "time_off_ics": "cal/a.ics", "holidays": {"ics": "cal/h.ics", "drop": ["Winter Day"], "add": [{"date": "2026-12-24", "name": "Eve"}]}}, {"name": "b", "group": "us", "country": "US"}]"#

    @Test func icsTimeOffAndHolidaysWithWarnings() throws {
        let loaded = try TestScenario.load(
            TestScenario.minimal(#""time_off_csv": "cal/off.csv""#, team: team), path: "sc/s.json",
            files: ["sc/cal/a.ics": Self.leave, "sc/cal/h.ics": Self.holidays, "sc/cal/off.csv": "name,start,end\nb,2026-12-01,2026-12-02\na,2026-12-30,\n"])
        let a = loaded.scenario.team[0]
        #expect(a.timeOff == [try DateRange(first: Self.date("2026-12-21"), last: Self.date("2026-12-23")), DateRange(day: Self.date("2026-12-30"))])
        #expect(a.holidays.source == "sc/cal/h.ics")
        #expect(a.holidays.holiday(on: Self.date("2026-12-07"))?.name == "Founders' Day")
        #expect(a.holidays.holiday(on: Self.date("2026-12-08")) == nil)
        #expect(a.holidays.holiday(on: Self.date("2026-12-24"))?.name == "Eve")
        #expect(a.holidays.holiday(on: Self.date("2026-12-25")) == nil)  // the file replaces GB's calendar
        #expect(loaded.scenario.team[1].timeOff == [try DateRange(first: Self.date("2026-12-01"), last: Self.date("2026-12-02"))])
        #expect(loaded.warnings.map(\.description) == [
            "sc/s.json:1: /team/0/time_off_ics: sc/cal/a.ics:3: property X-WR-CALNAME is not supported; it was skipped",
        ])
    }

    @Test func fileProblemsArePrefixedByTheReferringPath() {
        let broken = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n"
        let problems = TestScenario.problems(
            TestScenario.minimal(#""time_off_csv": "off.csv""#, team: team),
            files: ["cal/a.ics": broken, "cal/h.ics": Self.holidays, "off.csv": "name,start,end\nbob,2026-12-01,2026-12-02\n"])
        #expect(problems == [
            "s.json:1: /team/0/time_off_ics: cal/a.ics:4: expected END:VEVENT to close the BEGIN:VEVENT of line 3, found END:VCALENDAR",
        ])
        // With the team valid, the CSV's unknown name is reported with the CSV's file and line.
        let csvProblems = TestScenario.problems(
            TestScenario.minimal(#""time_off_csv": "off.csv""#),
            files: ["off.csv": "name,start,end\nb,2026-12-01,2026-12-02\nbob,2026-12-01,2026-12-02\n"])
        #expect(csvProblems == [#"s.json:3: /time_off_csv: off.csv:3: "bob" is not the name of an SE in the team; the team's SEs are "a", "b""#])
        #expect(TestScenario.problems(TestScenario.minimal(#""time_off_csv": "off.csv""#), files: ["off.csv": "name,start,end\nb,2026-12-05,2026-12-01\n"])
            == ["s.json:3: /time_off_csv: off.csv:2: end 2026-12-01 is before start 2026-12-05"])
        #expect(TestScenario.problems(TestScenario.minimal(#""time_off_csv": "nowhere.csv""#))
            == ["s.json:3: /time_off_csv: nowhere.csv: no such file"])
    }

    @Test func companyHolidayEditsApplyToEverySEOfTheCountry() throws {
        let team = #"[{"name": "a", "group": "emea", "country": "GB", "subdivision": "SCT"}, {"name": "b", "group": "us", "country": "US", "rota": ["2026-12-24"]}, {"name": "c", "group": "us", "country": "US", "holidays": {"drop": ["Christmas Day"]}}]"#
        let company = #""company": {"holidays": {"US": {"drop": ["Columbus Day", "Veterans Day"], "add": [{"date": "2026-12-24", "name": "Christmas Eve"}]}, "GB": {"drop": ["Saint Andrew's Day (observed)"]}}, "days_off": [{"dates": "2026-12-31", "name": "NYE", "groups": ["us"]}]}"#
        let s = try TestScenario.load(TestScenario.minimal(company, team: team)).scenario
        let (a, b, c) = (s.team[0], s.team[1], s.team[2])
        #expect(b.holidays.holiday(on: Self.date("2026-10-12")) == nil)
        #expect(b.holidays.holiday(on: Self.date("2026-11-11")) == nil)
        #expect(b.holidays.holiday(on: Self.date("2026-12-24"))?.name == "Christmas Eve")
        #expect(b.availability(on: Self.date("2026-12-24"), company: s.company) == .scheduled)
        #expect(c.availability(on: Self.date("2026-12-24"), company: s.company) == .notScheduled(.publicHoliday("Christmas Eve")))
        #expect(c.holidays.holiday(on: Self.date("2026-12-25")) == nil)
        #expect(c.availability(on: Self.date("2026-12-31"), company: s.company) == .notScheduled(.companyDayOff("NYE")))
        #expect(a.availability(on: Self.date("2026-12-31"), company: s.company) == .scheduled)
        #expect(a.holidays.source == "GB-SCT")
    }
}
