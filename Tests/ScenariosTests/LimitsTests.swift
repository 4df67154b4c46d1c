import Foundation
import Testing
@testable import Scenarios

/// Every number and name of a scenario has a documented range (`ScenarioLimits`) that the decoder
/// enforces with the file, line and JSON path, and that the published schema states.
@Suite struct LimitsTests {
    func problems(_ extra: String, inflow: String = #""base_per_day": 10"#, team: String? = nil) -> [String] {
        let defaultTeam = #"[{"name": "a", "group": "emea", "country": "GB"}, {"name": "b", "group": "us", "country": "US"}]"#
        let text = """
        {"name": "t", "horizon": {"start": "2026-12-01", "end": "2026-12-31"}, "team": \(team ?? defaultTeam),
        "inflow": {\(inflow)}\(extra.isEmpty ? "" : ",\n" + extra)}
        """
        return TestScenario.problems(text)
    }

    /// The values the hostile-input review found crashing the engine are now located errors.
    @Test func valuesBeyondTheEnginesRangeAreLocatedErrors() {
        #expect(problems("", inflow: #""base_per_day": 1e18"#)
            == ["s.json:2: /inflow/base_per_day: expected a number from 0 to 1000000, found 1e18"])
        #expect(problems("", inflow: #""base_per_day": 10, "holiday_factor": 1e308"#)
            == ["s.json:2: /inflow/holiday_factor: expected a number from 0 to 100, found 1e308"])
        #expect(problems("", inflow: #""base_per_day": 10, "weekday_factors": {"Mon": 101}"#)
            == ["s.json:2: /inflow/weekday_factors/Mon: expected a number from 0 to 100, found 101"])
        #expect(problems("", inflow: #""base_per_day": 10, "distribution": "negative_binomial", "dispersion": 0.0001"#)
            == ["s.json:2: /inflow/dispersion: expected a number from 0.001 to 1000000, found 0.0001"])
        #expect(problems("", inflow: #""base_per_day": 10, "spikes": {"probability": 0.1, "mean": 2e6}, "demand_cv": 11"#) == [
            "s.json:2: /inflow/demand_cv: expected a number from 0 to 10, found 11",
            "s.json:2: /inflow/spikes/mean: expected a number from 0 to 1000000, found 2e6",
        ])
        #expect(problems(#""sickness": {"sick_days_per_year": 5, "mean_spell_days": 1e16}"#)
            == ["s.json:3: /sickness/mean_spell_days: expected a number from 1 to 365, found 1e16"])
        #expect(problems(#""resolve_per_shift": 1e308, "initial_open_cases": 2147483647"#) == [
            "s.json:3: /resolve_per_shift: expected a number from 0 to 1000000, found 1e308",
            "s.json:3: /initial_open_cases: expected a whole number from 0 to 10000000, found 2147483647",
        ])
        #expect(problems(#""effects": {"3": {"capacity_multiplier": 1e308, "extra_resolutions_per_day": 1e9}}"#) == [
            "s.json:3: /effects/3/capacity_multiplier: expected a number > 0 and ≤ 10, found 1e308",
            "s.json:3: /effects/3/extra_resolutions_per_day: expected a number from 0 to 1000000, found 1e9",
        ])
        #expect(problems("", team: #"[{"name": "a", "group": "emea", "country": "GB", "capacity": 1e308}]"#)
            == ["s.json:1: /team/0/capacity: expected a number > 0 and ≤ 10, found 1e308"])
    }

    /// A whole number too large for any integer type is reported against the range, not as
    /// "not a whole number".
    @Test func hugeWholeNumbersNameTheRange() {
        #expect(problems(#""initial_open_cases": 1e18, "warmup_days": 1e30"#) == [
            "s.json:3: /warmup_days: expected a whole number from 0 to 366, found 1e30",
            "s.json:3: /initial_open_cases: expected a whole number from 0 to 10000000, found 1e18",
        ])
        #expect(problems(#""warmup_days": 1.5"#) == ["s.json:3: /warmup_days: expected a whole number, found 1.5"])
    }

    @Test func namesAreShortPlainText() {
        let long = String(repeating: "x", count: 101)
        #expect(problems("", team: #"[{"name": "\#(long)", "group": "emea", "country": "GB"}]"#)
            == ["s.json:1: /team/0/name: expected at most 100 characters, found 101"])
        #expect(problems("", team: #"[{"name": "a\nb", "group": "emea", "country": "GB"}]"#)
            == ["s.json:1: /team/0/name: contains the control character U+000A; names and descriptions are plain text"])
        #expect(problems(#""windows": [{"name": "E\u001b[2J", "check": "10:00", "coverage": "09:00-16:00"}]"#)
            == ["s.json:3: /windows/0/name: contains the control character U+001B; names and descriptions are plain text"])
        #expect(problems(#""description": "line\u2028break""#)
            == ["s.json:3: /description: contains the control character U+2028; names and descriptions are plain text"])
        #expect(problems(#""company": {"closures": [{"dates": "2026-12-25", "name": "\u0000"}]}"#)
            == ["s.json:3: /company/closures/0/name: contains the control character U+0000; names and descriptions are plain text"])
        // A 100-character name and ordinary non-ASCII text are fine.
        let hundred = String(repeating: "é", count: 100)
        #expect(problems(#""description": "Équipe — décembre""#, team: #"[{"name": "\#(hundred)", "group": "emea", "country": "GB"}]"#) == [])
    }

    /// What a message quotes from the input cannot forge a line or move the cursor: control
    /// characters in keys and values are escaped in every message.
    @Test func messagesQuoteControlCharactersEscaped() {
        let lines = problems(#""x\u001b[2Jy\nfake": 1"#)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix(#"s.json:3: /x\u{1B}[2Jy\u{A}fake: unknown key "x\u{1B}[2Jy\u{A}fake"; expected one of"#) == true)
        let start = #""horizon": {"start": "2026-12-01\r", "end": "2026-12-31"}"#
        #expect(TestScenario.problems(TestScenario.minimal().replacingOccurrences(of: #""horizon": {"start": "2026-12-01", "end": "2026-12-31"}"#, with: start))
            == [#"s.json:1: /horizon/start: "2026-12-01\u{D}" is not a date (expected YYYY-MM-DD from 1970-01-01 to 2100-12-31)"#])
    }

    @Test func teamSizeIsBounded() throws {
        let member = #"{"name": "a", "group": "emea", "country": "GB"}"#
        let team = "[" + Array(repeating: member, count: ScenarioLimits.teamSize + 1).joined(separator: ", ") + "]"
        #expect(problems("", team: team) == ["s.json:1: /team: the team has 10001 SEs; at most 10000 are supported"])
        // The largest team loads; its SEs share one calendar per country and set of edits.
        let largest = "[" + (0..<ScenarioLimits.teamSize).map { i in
            #"{"name": "se-\#(i)", "group": "\#(i % 3 == 0 ? "emea" : "us")", "country": "\#(i % 3 == 0 ? "GB" : "US")"}"#
        }.joined(separator: ", ") + "]"
        let scenario = try TestScenario.load(TestScenario.minimal(team: largest)).scenario
        #expect(scenario.team.count == ScenarioLimits.teamSize)
    }

    /// The schema publishes the decoder's bounds: each numeric property's minimum and maximum.
    @Test func schemaStatesTheSameBounds() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(Scenario.jsonSchema.utf8)) as! [String: Any]
        func property(_ path: [String]) -> [String: Any] {
            path.reduce(schema) { node, key in
                if key == "*" {
                    return (node["items"] ?? node["additionalProperties"]) as! [String: Any]
                }
                return (node["properties"] as! [String: Any])[key] as! [String: Any]
            }
        }
        func bounds(_ path: String) -> ClosedRange<Double> {
            let node = property(path.split(separator: "/").map(String.init))
            let lower = (node["minimum"] ?? node["exclusiveMinimum"]) as! Double
            return lower...(node["maximum"] as! Double)
        }
        let expected: [String: ClosedRange<Double>] = [
            "inflow/base_per_day": ScenarioLimits.casesPerDay,
            "inflow/spikes/mean": ScenarioLimits.casesPerDay,
            "resolve_per_shift": ScenarioLimits.casesPerDay,
            "effects/*/extra_resolutions_per_day": ScenarioLimits.casesPerDay,
            "inflow/weekday_factors/*": ScenarioLimits.inflowFactor,
            "inflow/holiday_factor": ScenarioLimits.inflowFactor,
            "team/*/capacity": ScenarioLimits.capacityFactor,
            "effects/*/capacity_multiplier": ScenarioLimits.capacityFactor,
            "inflow/demand_cv": ScenarioLimits.coefficientOfVariation,
            "sickness/severity_cv": ScenarioLimits.coefficientOfVariation,
            "inflow/dispersion": ScenarioLimits.dispersion,
            "sickness/mean_spell_days": ScenarioLimits.meanSpellDays,
            "sickness/sick_days_per_year": ScenarioLimits.sickDaysPerYear,
        ]
        for (path, range) in expected { #expect(bounds(path) == range, "\(path)") }
        let backlog = property(["initial_open_cases"])["oneOf"] as! [[String: Any]]
        #expect(backlog[0]["maximum"] as? Int == ScenarioLimits.initialOpenCases.upperBound)
        let poissonMean = (backlog[1]["properties"] as! [String: Any])["poisson_mean"] as! [String: Any]
        #expect(poissonMean["maximum"] as? Double == ScenarioLimits.casesPerDay.upperBound)
        #expect(property(["team"])["maxItems"] as? Int == ScenarioLimits.teamSize)
        let name = (schema["$defs"] as! [String: Any])["name"] as! [String: Any]
        #expect(name["maxLength"] as? Int == ScenarioLimits.nameLength)
        #expect(property(["description"])["maxLength"] as? Int == ScenarioLimits.descriptionLength)
        let lead = property(["lead_days"])
        #expect(lead["minimum"] as? Int == ScenarioLimits.leadDays.lowerBound && lead["maximum"] as? Int == ScenarioLimits.leadDays.upperBound)
    }
}
