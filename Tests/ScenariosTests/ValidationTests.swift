import CapacityPolicy
import Foundation
import Testing
@testable import Scenarios

/// Each rule of the scenario format, with its exact message and JSON path.
@Suite struct ValidationTests {
    func problems(_ extra: String, team: String? = nil, files: [String: String] = [:]) -> [String] {
        let text = team.map { TestScenario.minimal(extra, team: $0) } ?? TestScenario.minimal(extra)
        return TestScenario.problems(text, files: files)
    }

    /// A horizon with no check day would run and report nothing.
    @Test func horizonWithoutACheckDayIsAnError() {
        let text = """
        {"name": "t", "horizon": {"start": "2026-12-24", "end": "2026-12-27"}, "team": [{"name": "a", "group": "emea", "country": "GB"}, {"name": "b", "group": "us", "country": "US"}],
        "inflow": {"base_per_day": 10}, "company": {"closures": [{"dates": "2026-12-24..2026-12-25"}]}}
        """
        #expect(TestScenario.problems(text) == [
            "s.json:1: /horizon: the horizon 2026-12-24…2026-12-27 has no check day (check days are Mon, Tue, Wed, Thu, Fri, closures have none); there would be nothing to estimate",
        ])
    }

    /// The name becomes the output folder: an unusable one gets a sentence and a usable example;
    /// a team member's country written UK gets "did you mean GB".
    @Test func scenarioNameAndCountryCodeMessages() {
        let text = """
        {"name": "EMEA Team (Dec)", "horizon": {"start": "2026-12-01", "end": "2026-12-04"}, "team": [{"name": "a", "group": "emea", "country": "UK"}, {"name": "b", "group": "us", "country": "US"}],
        "inflow": {"base_per_day": 10}}
        """
        let problems = TestScenario.problems(text)
        #expect(problems.first == #"s.json:1: /name: The scenario name "EMEA Team (Dec)" cannot be used, because it names the output folder: use only letters, digits, "-", "_" and ".", and do not begin with "."; for example "EMEA-Team-Dec"."#)
        #expect(problems.dropFirst().first?.hasPrefix(#"s.json:1: /team/0/country: Unknown country "UK"; did you mean GB (United Kingdom)?"#) == true)
    }

    @Test func leadDaysAreWholeWorkingDaysUpToSixty() throws {
        #expect(try TestScenario.load(TestScenario.minimal(#""lead_days": 10"#)).scenario.leadDays == 10)
        #expect(problems(#""lead_days": 61"#) == ["s.json:3: /lead_days: expected a whole number from 0 to 60, found 61"])
        #expect(problems(#""lead_days": 2.5"#).count == 1)
    }

    @Test func minimalScenarioIsValidWithEveryDefault() throws {
        let s = try TestScenario.load(TestScenario.minimal()).scenario
        #expect(s.warmupDays == 0 && s.checkDays.count == 5 && s.windows == [.emea, .americas])
        #expect(s.groups == Scenario.Group.defaults && s.sickness == .none && s.resolvePerShift == 3)
        #expect(s.inflow == Scenario.Inflow(basePerDay: 10))
        #expect(s.initialOpenCases == .fixed(0) && s.effects.isEmpty && s.policySource == "built-in")
        #expect(s.planningRisk == 0.10 && s.recommendationThreshold == 0.25 && s.leadDays == 5 && s.description == "")
    }

    @Test func missingRequiredKeysAndUnknownKeys() {
        #expect(TestScenario.problems(#"{"nmae": "x"}"#) == [
            #"s.json:1: /nmae: unknown key "nmae"; expected one of "# + ScenarioKeys.root.joined(separator: ", "),
            #"s.json:1: /: missing required key "name""#,
            #"s.json:1: /: missing required key "horizon""#,
            #"s.json:1: /: missing required key "team""#,
            #"s.json:1: /: missing required key "inflow""#,
        ])
        #expect(TestScenario.problems(#"{"name": "t", "horizon": {"start": "2026-12-01", "end": "2026-12-31"}, "team": [{"name": "a", "group": "emea", "country": "GB"}], "inflow": {}}"#)
            == [#"s.json:1: /inflow: missing required key "base_per_day""#])
    }

    @Test func typesDatesAndRanges() {
        #expect(problems(#""warmup_days": "14""#) == [#"s.json:3: /warmup_days: expected a whole number, found a string"#])
        #expect(problems(#""company": {"closures": [{"dates": "2026-12-32"}, {"dates": "2026-12-05..2026-12-01"}]}"#) == [
            #"s.json:3: /company/closures/0/dates: "2026-12-32" is not a date (expected YYYY-MM-DD from 1970-01-01 to 2100-12-31)"#,
            "s.json:3: /company/closures/1/dates: end 2026-12-01 is before start 2026-12-05",
        ])
        let team = #"[{"name": "a", "group": "emea", "country": "GB"}, {"name": "b", "group": "us", "country": "US"}, {"name": "c", "group": "us", "country": "US"}, {"name": "d", "group": "us", "country": "US", "time_off": ["2026-12-05..2026-12-01"]}]"#
        #expect(problems("", team: team) == ["s.json:1: /team/3/time_off/0: end 2026-12-01 is before start 2026-12-05"])
        #expect(TestScenario.problems(#"{"name": "t", "horizon": {"start": "2026-12-31", "end": "2026-12-01"}, "team": [], "inflow": {"base_per_day": 1}}"#) == [
            "s.json:1: /horizon: end 2026-12-01 is before start 2026-12-31",
            "s.json:1: /team: expected at least one SE",
        ])
        // Time off long before or after the horizon is allowed.
        #expect(problems("", team: #"[{"name": "a", "group": "emea", "country": "GB", "time_off": ["2020-01-01"]}, {"name": "b", "group": "us", "country": "US"}]"#).isEmpty)
    }

    @Test func horizonAndWarmupLimits() {
        #expect(TestScenario.problems(#"{"name": "t", "horizon": {"start": "2026-01-01", "end": "2029-01-01"}, "team": [{"name": "a", "group": "emea", "country": "GB"}, {"name": "b", "group": "us", "country": "US"}], "inflow": {"base_per_day": 1}}"#)
            == ["s.json:1: /horizon: the horizon is 1097 days long; at most 1096 days (3 years) are supported"])
        #expect(problems(#""warmup_days": -1"#) == ["s.json:3: /warmup_days: expected a whole number from 0 to 366, found -1"])
        #expect(problems(#""warmup_days": 367"#) == ["s.json:3: /warmup_days: expected a whole number from 0 to 366, found 367"])
    }

    @Test func countriesSubdivisionsAndHolidayNames() {
        let team = #"[{"name": "a", "group": "emea", "country": "XX"}, {"name": "b", "group": "us", "country": "GB", "subdivision": "WAL"}, {"name": "c", "group": "us", "country": "US", "holidays": {"drop": ["Columbus Dya"]}}]"#
        let lines = problems("", team: team)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(#"s.json:1: /team/0/country: Unknown country "XX"; the built-in calendars are US (United States), "#))
        #expect(lines[1].hasPrefix(#"s.json:1: /team/1/subdivision: Unknown subdivision "WAL" of GB; its subdivisions are SCT (Scotland), NIR (Northern Ireland)"#))
        #expect(lines[2].hasPrefix(#"s.json:1: /team/2/holidays/drop/0: "Columbus Dya" is not a holiday of US; its holidays are: "#))
        #expect(problems(#""company": {"holidays": {"ZZ": {"drop": []}, "US": {"drop": ["Labour Day"]}}}"#).map { String($0.prefix(60)) } == [
            #"s.json:3: /company/holidays/ZZ: Unknown country "ZZ"; the bu"#,
            #"s.json:3: /company/holidays/US/drop/0: "Labour Day" is not a"#,
        ])
    }

    @Test func groupsAndNames() {
        let team = #"[{"name": "a", "group": "emea", "country": "GB"}, {"name": "a", "group": "apac", "country": "AU"}, {"name": "b", "group": "us", "country": "US"}]"#
        #expect(problems("", team: team) == [
            #"s.json:1: /team/1/name: the SE name "a" is used twice (also /team/0)"#,
            #"s.json:1: /team/1/group: the group "apac" is not defined; the groups are emea, us"#,
        ])
        #expect(problems(#""company": {"days_off": [{"dates": "2026-12-24", "name": "Eve", "groups": ["usa"]}]}"#)
            == [#"s.json:3: /company/days_off/0/groups/0: the group "usa" is not defined; the groups are emea, us"#])
        #expect(problems(#""groups": [{"name": "emea", "shift": "09:00-16:00"}, {"name": "emea", "shift": "14:00-01:00"}]"#)
            == [#"s.json:3: /groups/1/name: the group name "emea" is used twice"#])
    }

    @Test func policyAndGroupsMustMatch() {
        let groups = #""groups": [{"name": "emea", "shift": "09:00-16:00"}, {"name": "apac", "shift": "01:00-08:00"}]"#
        let team = #"[{"name": "a", "group": "emea", "country": "GB"}, {"name": "b", "group": "apac", "country": "AU"}]"#
        #expect(problems(groups, team: team) == [
            #"s.json:3: /groups: the policy counts the group "us", which the scenario does not define (its groups are emea, apac); the level could not be decided"#,
            #"s.json:3: /groups/1: the policy does not count the group "apac" (it counts emea, us); the level could not be decided"#,
        ])
    }

    @Test func boundsOnRatesProbabilitiesAndCapacities() {
        let team = #"[{"name": "a", "group": "emea", "country": "GB", "capacity": 0}, {"name": "b", "group": "us", "country": "US"}]"#
        #expect(problems(#""resolve_per_shift": -1, "sickness": {"daily_start_probability": 1.5}, "planning_risk": 0"#, team: team) == [
            "s.json:1: /team/0/capacity: expected a number > 0 and ≤ 10, found 0",
            "s.json:3: /sickness/daily_start_probability: expected a number from 0 to 1, found 1.5",
            "s.json:3: /resolve_per_shift: expected a number from 0 to 1000000, found -1",
            "s.json:3: /planning_risk: expected a number > 0 and ≤ 1, found 0",
        ])
        #expect(problems(#""sickness": {"sick_days_per_year": 6, "daily_start_probability": 0.01}"#)
            == ["s.json:3: /sickness: give either sick_days_per_year or daily_start_probability, not both"])
        #expect(problems(#""sickness": {"sick_days_per_year": 400}"#)
            == ["s.json:3: /sickness/sick_days_per_year: expected a number from 0 to 365, found 400"])
    }

    @Test func inflowRules() {
        func inflow(_ body: String) -> [String] {
            TestScenario.problems(#"{"name": "t", "horizon": {"start": "2026-12-01", "end": "2026-12-31"}, "team": [{"name": "a", "group": "emea", "country": "GB"}, {"name": "b", "group": "us", "country": "US"}], "inflow": {"#
                + body + "}}")
        }
        #expect(inflow(#""base_per_day": -2"#) == ["s.json:1: /inflow/base_per_day: expected a number from 0 to 1000000, found -2"])
        #expect(inflow(#""base_per_day": 1, "distribution": "negative_binomial""#)
            == [#"s.json:1: /inflow: missing required key "dispersion" for the negative binomial distribution"#])
        #expect(inflow(#""base_per_day": 1, "dispersion": 3"#)
            == ["s.json:1: /inflow/dispersion: a dispersion applies to the negative binomial distribution only; the distribution is poisson"])
        #expect(inflow(#""base_per_day": 1, "arrival_shares": {"EMEA": 0.5, "APAC": 0.5}"#)
            == [#"s.json:1: /inflow/arrival_shares/APAC: "APAC" is not a window; the windows are EMEA, Americas"#])
        #expect(inflow(#""base_per_day": 1, "arrival_shares": {"EMEA": 0.5, "Americas": 0.4}"#)
            == ["s.json:1: /inflow/arrival_shares: the shares sum to 0.9; they must sum to 1"])
        #expect(inflow(#""base_per_day": 1, "weekday_factors": {"Tues": 1}, "holiday_calendars": ["GB-XYZ"]"#).map { String($0.prefix(80)) } == [
            #"s.json:1: /inflow/weekday_factors/Tues: "Tues" is not a day of the week (expecte"#,
            #"s.json:1: /inflow/holiday_calendars/0: Unknown subdivision "XYZ" of GB; its subd"#,
        ])
        #expect(inflow(#""base_per_day": 1, "spikes": {"probability": 0.1}"#) == [#"s.json:1: /inflow/spikes: missing required key "mean""#])
    }

    @Test func windowsAndEffects() {
        #expect(problems(#""windows": [{"name": "EMEA", "check": "10:00", "coverage": "09:00-16:00"}, {"name": "EMEA", "check": "10:00", "coverage": "9-16"}]"#) == [
            #"s.json:3: /windows/1/coverage: "9" is not a time of day (expected HH:MM in UTC, 00:00 to 23:59)"#,
            #"s.json:3: /windows/1/name: the window name "EMEA" is used twice (also 10:00 UTC, coverage 09:00–16:00 UTC)"#,
            "s.json:3: /windows/1/check: 10:00 is also the check time of EMEA",
        ])
        #expect(problems(#""effects": {"9": {"capacity_multiplier": 2}, "x": {}, "3": {"diverted_share": 2, "speed": 1}}"#) == [
            "s.json:3: /effects/9: level 9 is not a level of the policy, which has levels 1–8",
            #"s.json:3: /effects/x: "x" is not a level number (1 for the baseline, 2, 3, …)"#,
            #"s.json:3: /effects/3/speed: unknown key "speed"; expected one of capacity_multiplier, extra_resolutions_per_day, diverted_share"#,
            "s.json:3: /effects/3/diverted_share: expected a number from 0 to 1, found 2",
        ])
    }

    @Test func windowsAreOrderedByCheckTimeAndSharesFollowThem() throws {
        let s = try TestScenario.load(TestScenario.minimal(#""windows": [{"name": "Late", "check": "17:30", "coverage": "14:00-01:00"}, {"name": "Early", "check": "10:00", "coverage": "09:00-16:00"}]"#)
            .replacingOccurrences(of: #""base_per_day": 10"#, with: #""base_per_day": 10, "arrival_shares": {"Late": 0.25, "Early": 0.75}"#)).scenario
        #expect(s.windows.map(\.name) == ["Early", "Late"])
        #expect(s.windows[1].coverage == 840..<1500)
        #expect(s.inflow.arrivalShares == [0.75, 0.25])
    }

    @Test func inlineAndFilePolicies() throws {
        let inline = try TestScenario.load(TestScenario.minimal(#""policy": "# + Policy.defaultJSON + #", "reading": "literal""#)).scenario
        #expect(inline.policySource == "inline" && inline.policy.reading == .literal && inline.policy.levels.count == 8)
        let file = try TestScenario.load(TestScenario.minimal(#""policy": "p/policy.json""#), path: "dir/s.json", files: ["dir/p/policy.json": Policy.defaultJSON])
        #expect(file.scenario.policySource == "dir/p/policy.json")
        #expect(problems(#""policy": {"reading": "first-level", "inputs": [], "levels": []}, "effects": {"2": {}}"#).prefix(1)
            == ["s.json:3: /policy/inputs: a policy needs at least one input"])
        #expect(problems(#""policy": "missing.json""#) == ["s.json:3: /policy: missing.json: no such file"])
    }

    /// A value of the wrong type is one line, however many keys were looked up in it.
    @Test func wrongTypeIsReportedOnce() {
        let text = TestScenario.minimal(#""sickness": [], "company": 3, "effects": {"2": 4}"#)
            .replacingOccurrences(of: #"{"base_per_day": 10}"#, with: "5")
        #expect(TestScenario.problems(text) == [
            "s.json:3: /company: expected an object, found a number",
            "s.json:3: /sickness: expected an object, found an array",
            "s.json:2: /inflow: expected an object, found a number",
            "s.json:3: /effects/2: expected an object, found a number",
        ])
    }

    /// A file with many problems gives one line for each, in file order.
    @Test func reportsEveryProblemAtOnce() throws {
        let text = try String(contentsOf: TestScenario.repository.appendingPathComponent("Tests/ScenariosTests/Fixtures/many-problems.json"), encoding: .utf8)
        #expect(TestScenario.problems(text) == [
            "s.json:14: /colour: unknown key \"colour\"; expected one of " + ScenarioKeys.root.joined(separator: ", "),
            "s.json:4: /horizon/end: \"2026-02-30\" is not a date (expected YYYY-MM-DD from 1970-01-01 to 2100-12-31)",
            "s.json:5: /warmup_days: expected a whole number from 0 to 366, found 400",
            "s.json:6: /check_days/1: \"Tues\" is not a day of the week (expected Mon, Tue, Wed, Thu, Fri, Sat or Sun, or the full name)",
            "s.json:8: /team/0/capacity: expected a number > 0 and ≤ 10, found -1",
            "s.json:9: /team/1/group: the group \"apac\" is not defined; the groups are emea, us",
            "s.json:10: /team/2/name: the SE name \"gb\" is used twice (also /team/0)",
            "s.json:12: /inflow/base_per_day: expected a number from 0 to 1000000, found -30",
            "s.json:12: /inflow/demand_cv: expected a number, found a string",
            "s.json:13: /resolve_per_shift: expected a number from 0 to 1000000, found -3",
        ])
    }
}
