import Calendars
import Testing
@testable import Scenarios

/// An SE's `joins` and `leaves` dates, closures that recur every year, and the warnings the
/// schedule alone gives (issue 20).
@Suite struct TeamChangesTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static let team = #"""
        [{"name": "a", "group": "emea", "country": "GB", "joins": "2026-12-14"},
         {"name": "b", "group": "us", "country": "US", "leaves": "2026-12-18"},
         {"name": "c", "group": "us", "country": "US"}]
        """#

    @Test func joinsAndLeavesBoundTheScheduledDays() throws {
        let scenario = try TestScenario.load(TestScenario.minimal(team: Self.team)).scenario
        let a = scenario.team[0], b = scenario.team[1]
        #expect(a.availability(on: Self.date("2026-12-11"), company: scenario.company) == .notScheduled(.notOnTeam))
        #expect(a.availability(on: Self.date("2026-12-14"), company: scenario.company) == .scheduled)
        #expect(b.availability(on: Self.date("2026-12-18"), company: scenario.company) == .scheduled)
        #expect(b.availability(on: Self.date("2026-12-21"), company: scenario.company) == .notScheduled(.notOnTeam))
        // A closure still comes first: it is the more general reason.
        let closed = try TestScenario.load(TestScenario.minimal(#""company": {"closures": [{"dates": "2026-12-11"}]}"#, team: Self.team)).scenario
        #expect(closed.team[0].availability(on: Self.date("2026-12-11"), company: closed.company) == .notScheduled(.companyClosed(nil)))
    }

    @Test func joinsAfterLeavesIsALocatedError() {
        let team = #"[{"name": "a", "group": "emea", "country": "GB", "joins": "2026-12-14", "leaves": "2026-12-01"}]"#
        #expect(TestScenario.problems(TestScenario.minimal(team: team))
            == [#"s.json:1: /team/0/leaves: "a" leaves on 2026-12-01, before joining on 2026-12-14; leaves must be on or after joins"#])
    }

    @Test func recurringClosuresAreWrittenOutForTheSimulatedYears() throws {
        let text = TestScenario.minimal(#"""
            "company": {"closures": [
              {"every_year": "12-24..01-01", "name": "Year end"},
              {"rule": "4th Thu of Nov +1", "name": "Day after Thanksgiving"},
              {"every_year": "12-08"}]}
            """#).replacingOccurrences(of: #""end": "2026-12-31""#, with: #""end": "2027-01-05""#)
        let scenario = try TestScenario.load(text).scenario
        let closures = scenario.company.closures.map { "\($0.dates) \($0.name ?? "-")" }
        // Simulated from 2026-11-30 (the day before the horizon) to 2027-01-05: the year-end closure
        // of 2026 (2025's ends before), Thanksgiving 2026 was 26 November, so its Friday 27 is outside.
        #expect(closures == ["2026-12-24…2027-01-01 Year end", "2026-12-08 -"])
        #expect(scenario.company.closure(on: Self.date("2027-01-01"))?.name == "Year end")
        #expect(!scenario.isCheckDay(Self.date("2026-12-08")))

        // Over 2027–2028 the rule gives 26 Nov 2027 and 24 Nov 2028 (Thanksgiving 25 Nov 2027, 23 Nov 2028).
        let later = TestScenario.minimal(#""company": {"closures": [{"rule": "4th Thu of Nov +1"}, {"rule": "last Mon of May"}]}"#)
            .replacingOccurrences(of: #""start": "2026-12-01", "end": "2026-12-31""#, with: #""start": "2027-01-04", "end": "2028-12-29""#)
        let dates = try TestScenario.load(later).scenario.company.closures.map { "\($0.dates)" }.sorted()
        #expect(dates == ["2027-05-31", "2027-11-26", "2028-05-29", "2028-11-24"])
    }

    @Test func badClosuresAreLocatedErrors() {
        func problems(_ closure: String) -> [String] {
            TestScenario.problems(TestScenario.minimal(#""company": {"closures": [\#(closure)]}"#))
        }
        #expect(problems(#"{"every_year": "02-29"}"#)
            == [#"s.json:3: /company/closures/0/every_year: "02-29" is not a day of the year or a range of them (expected MM-DD or MM-DD..MM-DD; 02-29 is not every year)"#])
        #expect(problems(#"{"rule": "fourth Thursday of November"}"#)
            == [#"s.json:3: /company/closures/0/rule: "fourth Thursday of November" is not a weekday rule (expected "4th Thu of Nov", "last Mon of May", optionally with an offset in days: "4th Thu of Nov +1")"#])
        #expect(problems(#"{"rule": "5th Fri of Dec"}"#)
            == [#"s.json:3: /company/closures/0/rule: "5th Fri of Dec": a month has a fifth Fri in some years only; use "last""#])
        #expect(problems(#"{"dates": "2026-12-24", "every_year": "12-24"}"#)
            == [#"s.json:3: /company/closures/0: give one of "dates", "every_year" or "rule", not "dates" and "every_year""#])
        #expect(problems(#"{"name": "x"}"#)
            == [#"s.json:3: /company/closures/0: missing the closure's days: give one of "dates", "every_year" or "rule""#])
    }

    /// Nobody in emea after the only EMEA SE leaves; the handbook policy with one US SE (level 6
    /// and above at "us ≤ 2") on every check day from the schedule alone.
    @Test func scheduleWarningsNameTheDaysAndTheThresholds() throws {
        let team = #"""
            [{"name": "a", "group": "emea", "country": "GB", "leaves": "2026-12-24"},
             {"name": "b", "group": "us", "country": "US"}]
            """#
        let scenario = try TestScenario.load(TestScenario.minimal(team: team)).scenario
        let warnings = scenario.scheduleWarnings
        #expect(warnings.count == 3)
        // After the 24th the check days are Fri 25 and 28–31; Christmas Day is a US holiday too.
        #expect(warnings.first == #"nobody in group "emea" is scheduled on 5 of the 23 check days: 2026-12-25, 2026-12-28…2026-12-31; the policy counts 0 emea SEs at those checks"#)
        #expect(warnings.dropFirst().first == #"nobody in group "us" is scheduled on 1 of the 23 check days: 2026-12-25; the policy counts 0 us SEs at those checks"#)
        #expect(warnings.last?.hasPrefix("the policy does not fit this team: with everyone scheduled at work and no open cases, 23 of the 23 check days are at level 3 or above from the schedule alone; edit the thresholds that declare them (level ") == true)
        // A team the handbook fits gives no warning.
        let fitting = (0..<3).map { #"{"name": "e\#($0)", "group": "emea", "country": "GB"}"# } + (0..<12).map { #"{"name": "u\#($0)", "group": "us", "country": "US"}"# }
        let quiet = try TestScenario.load(TestScenario.minimal(#""company": {"closures": [{"dates": "2026-12-24..2026-12-31"}]}"#, team: "[" + fitting.joined(separator: ",") + "]")).scenario
        #expect(quiet.scheduleWarnings == [])
    }
}
