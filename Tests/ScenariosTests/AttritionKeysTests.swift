import Calendars
import Foundation
import Testing
@testable import Scenarios

/// `attrition` per group and an SE's `ramp` (docs/MODEL.md §2): read as written, every mistake a
/// located one-line error.
@Suite struct AttritionKeysTests {
    static let hire = #"{"name": "h", "group": "emea", "country": "GB", "joins": "2026-12-14", "ramp": {"weeks": 2, "start_fraction": 0.25, "counts_in_headcount": false}}"#
    static func team(_ hire: String = hire) -> String {
        #"[{"name": "a", "group": "emea", "country": "GB"}, {"name": "b", "group": "us", "country": "US"}, "# + hire + "]"
    }

    @Test func attritionAndRampAreReadAsWritten() throws {
        let scenario = try TestScenario.load(TestScenario.minimal(#""attrition": {"emea": {"rate_per_year": 0.15, "notice_days": 28}, "us": {"rate_per_year": 0}}"#, team: Self.team())).scenario
        #expect(scenario.attrition == ["emea": .init(ratePerYear: 0.15, noticeDays: 28), "us": .init(ratePerYear: 0)])
        #expect(scenario.attrition(ofGroup: "us") == nil)
        #expect(scenario.team[2].ramp == Ramp(weeks: 2, startFraction: 0.25, countsInHeadcount: false))
        #expect(scenario.team[0].ramp == nil)
    }

    @Test func rampDefaultsToHalfCapacityCountedFromTheFirstDay() throws {
        let hire = #"{"name": "h", "group": "emea", "country": "GB", "joins": "2026-12-14", "ramp": {"weeks": 8}}"#
        #expect(try TestScenario.load(TestScenario.minimal(team: Self.team(hire))).scenario.team[2].ramp == Ramp(weeks: 8, startFraction: 0.5, countsInHeadcount: true))
    }

    @Test func anAttritionRateOfOneOrMoreIsALocatedError() {
        #expect(TestScenario.problems(TestScenario.minimal(#""attrition": {"emea": {"rate_per_year": 1}}"#)) == [
            "s.json:3: /attrition/emea/rate_per_year: expected a yearly attrition rate from 0 to below 1, found 1",
        ])
        #expect(TestScenario.problems(TestScenario.minimal(#""attrition": {"emea": {"rate_per_year": -0.1}}"#)) == [
            "s.json:3: /attrition/emea/rate_per_year: expected a yearly attrition rate from 0 to below 1, found -0.1",
        ])
    }

    @Test func attritionOfAnUndefinedGroupIsALocatedError() {
        #expect(TestScenario.problems(TestScenario.minimal(#""attrition": {"apac": {"rate_per_year": 0.1}}"#)) == [
            "s.json:3: /attrition/apac: the group \"apac\" is not defined; the groups are emea, us",
        ])
    }

    @Test func aRampOfZeroWeeksBelowFullCapacityIsALocatedError() {
        let hire = #"{"name": "h", "group": "emea", "country": "GB", "joins": "2026-12-14", "ramp": {"weeks": 0, "start_fraction": 0.5}}"#
        #expect(TestScenario.problems(TestScenario.minimal(team: Self.team(hire))) == [
            "s.json:1: /team/2/ramp/start_fraction: a ramp of 0 weeks starts at full capacity; start_fraction must be 1, found 0.5",
        ])
    }

    @Test func aRampWithoutAJoiningDateIsALocatedError() {
        let hire = #"{"name": "h", "group": "emea", "country": "GB", "ramp": {"weeks": 4}}"#
        #expect(TestScenario.problems(TestScenario.minimal(team: Self.team(hire))) == [
            "s.json:1: /team/2/ramp: a ramp needs the SE's \"joins\" date, the day it starts from",
        ])
    }

    /// The closed forms the kernel is tested against.
    @Test func survivalAndRampFractionsHaveTheirClosedForms() {
        let attrition = Scenario.Attrition(ratePerYear: 0.2, noticeDays: 30)
        #expect(attrition.survival(days: 30) == 1)
        #expect(abs(attrition.survival(days: 395) - 0.8) < 1e-12)
        #expect(abs(pow(1 - attrition.dailyProbability, 365) - 0.8) < 1e-12)
        let ramp = Ramp(weeks: 2, startFraction: 0.25)
        #expect(ramp.fraction(daysSinceJoining: 0) == 0.25)
        #expect(ramp.fraction(daysSinceJoining: 7) == 0.625)
        #expect(ramp.fraction(daysSinceJoining: 14) == 1)
        #expect(!Ramp(weeks: 2, startFraction: 0.25, countsInHeadcount: false).counts(daysSinceJoining: 13))
        #expect(Ramp(weeks: 2, startFraction: 0.25, countsInHeadcount: false).counts(daysSinceJoining: 14))
    }
}
