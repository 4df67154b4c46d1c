import Calendars
import Scenarios
import Simulation
import Testing
@testable import WhatIf

@Suite struct SensitivityTests {
    static let settings = ComparisonSettings(trials: 2_000, seed: 3, threads: 2)

    /// Two weeks of February 2027 for the handbook's team (3 EMEA, 10 US), with customers' holiday
    /// calendars but no holiday from the warm-up's first day (Jan 25) to the last (Feb 12), and
    /// `sickness` and `inflow` as given.
    static func scenario(sickness: String, inflow: String) throws -> Scenario {
        let team = (["gb", "nl", "de"].map { "{ \"name\": \"emea-\($0)\", \"group\": \"emea\", \"country\": \"\($0.uppercased())\" }" }
            + (1...10).map { "{ \"name\": \"us-\($0)\", \"group\": \"us\", \"country\": \"US\" }" }).joined(separator: ",\n")
        let text = """
            {
              "name": "february",
              "horizon": { "start": "2027-02-01", "end": "2027-02-12" },
              "warmup_days": 7,
              "team": [\(team)],
              "sickness": \(sickness),
              "inflow": \(inflow),
              "resolve_per_shift": 3,
              "initial_open_cases": 30
            }
            """
        return try Scenario.load(text: text, path: "february.json", readFile: { _ in "" }).scenario
    }

    static func run(_ scenario: Scenario, intervals: String? = nil, level: Int = 2) throws -> Sensitivity {
        let model = try SimulationModel(scenario)
        let ranges = try intervals.map { try SensitivityIntervals.parse($0, source: "fit.json", inputs: SensitivityInput.all(for: model)) }
        return try Sensitivity.run(model: model, intervals: ranges ?? SensitivityIntervals(), level: level, settings: settings)
    }

    /// The done-when of issue 23: with sickness off, the sickness inputs, and with no holiday in the
    /// simulated days, the holiday factor, change no trial at all: exactly zero, not "about zero".
    /// Spikes that never happen make their size unused too. Inputs the model does use do move.
    @Test func anInputTheScenarioDoesNotUseHasExactlyZeroEffect() throws {
        let scenario = try Self.scenario(
            sickness: #"{ "sick_days_per_year": 0, "mean_spell_days": 2.5, "severity_cv": 0.5 }"#,
            inflow: #"{ "base_per_day": 36, "holiday_factor": 0.4, "holiday_calendars": ["US", "GB"], "demand_cv": 0.2, "spikes": { "probability": 0, "mean": 20 } }"#)
        let result = try Self.run(scenario, intervals: #"{ "intervals": { "/sickness/mean_spell_days": [1.5, 4], "/inflow/holiday_factor": [0.2, 0.9] } }"#)
        let byPath = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.input.path, $0) })
        for path in ["/sickness/sick_days_per_year", "/sickness/mean_spell_days", "/sickness/severity_cv", "/inflow/holiday_factor", "/inflow/spikes/mean"] {
            let row = try #require(byPath[path])
            #expect(row.isUnused, "\(path)")
            for end in [row.low, row.high] {
                #expect(end.change == 0 && end.expectedChecks == result.baseExpectedChecks, "\(path)")
                let worst = try #require(end.worst)
                #expect(worst.difference.baseOnly == 0 && worst.difference.variantOnly == 0 && worst.difference.estimate == 0)
            }
        }
        // The ranges given were used, and they were really run (the ends differ from the value).
        #expect(byPath["/sickness/mean_spell_days"]!.fromFit && byPath["/sickness/mean_spell_days"]!.range == 1.5...4)
        #expect(byPath["/inflow/holiday_factor"]!.fromFit)
        #expect(!byPath["/inflow/base_per_day"]!.isUnused && !byPath["/resolve_per_shift"]!.isUnused)
        #expect(result.notApplicable.map(\.input.path) == ["/inflow/dispersion", "/inflow/trend_per_year", "/unbooked_leave/days_per_year", "/unbooked_leave/mean_spell_days"])
        // Unused inputs sort after every input that moved something.
        let firstUnused = try #require(result.rows.firstIndex { $0.isUnused })
        #expect(result.rows[firstUnused...].allSatisfy { $0.isUnused })
        #expect(result.text.contains("No effect in any trial (the scenario does not use them over this range): "))
    }

    /// A scenario built to be inflow-driven (a near-full queue, base inflow known only to ±33%,
    /// sickness small and well known): the base inflow heads the tornado, the high end raises the
    /// expected checks at ≥ 2 and the low end lowers them, and the stress run is worse than either end.
    @Test func theInflowDominatesAnInflowDrivenScenario() throws {
        let scenario = try Self.scenario(
            sickness: #"{ "sick_days_per_year": 2, "mean_spell_days": 2, "severity_cv": 0.1 }"#,
            inflow: #"{ "base_per_day": 36, "demand_cv": 0.05 }"#)
        let result = try Self.run(scenario, intervals: #"{ "intervals": { "/inflow/base_per_day": [24, 48], "/sickness/sick_days_per_year": [1.5, 2.5] } }"#)
        let top = try #require(result.rows.first)
        #expect(top.input.path == "/inflow/base_per_day")
        #expect(top.high.change > 0 && top.low.change < 0)
        #expect(top.swing > 2 * result.rows[1].swing)
        let stress = try #require(result.stress)
        #expect(stress.outcome.change >= top.high.change)
        #expect(stress.settings.contains { $0.input.path == "/inflow/base_per_day" && $0.value == 48 })
        // Arrival shares only move cases between windows: never part of the stress.
        #expect(!stress.settings.contains { $0.input.path.hasPrefix("/inflow/arrival_shares") })
    }

    /// The drift of demand is one more row each: a stated trend and the month factor of the
    /// simulated month move the expected checks the way they push demand, while a month factor for a
    /// month outside the simulated days changes no trial at all.
    @Test func trendAndMonthFactorsAreInputsToo() throws {
        let scenario = try Self.scenario(
            sickness: #"{ "sick_days_per_year": 2, "mean_spell_days": 2, "severity_cv": 0.1 }"#,
            inflow: #"{ "base_per_day": 36, "demand_cv": 0.05, "trend_per_year": 0.15, "trend_reference": "2026-02-01", "month_factors": { "Feb": 1.1, "Jul": 0.8 } }"#)
        let result = try Self.run(scenario, intervals: #"{ "intervals": { "/inflow/trend_per_year": [-0.3, 0.6] } }"#)
        let byPath = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.input.path, $0) })
        let trend = try #require(byPath["/inflow/trend_per_year"])
        #expect(trend.fromFit && trend.range == -0.3...0.6)
        #expect(trend.high.change > 0 && trend.low.change < 0)
        let february = try #require(byPath["/inflow/month_factors/Feb"])
        #expect(!february.fromFit && february.high.change > 0 && february.low.change < 0)
        let july = try #require(byPath["/inflow/month_factors/Jul"])
        #expect(july.isUnused)
        for end in [july.low, july.high] { #expect(end.change == 0 && end.expectedChecks == result.baseExpectedChecks) }
    }

    /// Unbooked leave's inputs are rows too: more leave days a year take more SEs out, a month
    /// factor outside the simulated days changes no trial, and the lead-time shares are never
    /// stressed (they move leave nearer or further).
    @Test func unbookedLeaveInputsAreRows() throws {
        var scenario = try Self.scenario(sickness: #"{ "sick_days_per_year": 2, "mean_spell_days": 2 }"#, inflow: #"{ "base_per_day": 36 }"#)
        scenario.asOf = CivilDate(year: 2027, month: 1, day: 20)!
        scenario.unbookedLeave = Scenario.UnbookedLeave(
            daysPerYear: 40, meanSpellDays: 4, monthFactors: [2: 1.5, 8: 2], leadTime: [.init(upTo: 6, share: 0.5), .init(upTo: 60, share: 0.5)])
        let result = try Self.run(scenario, intervals: #"{ "intervals": { "/unbooked_leave/days_per_year": [10, 80] } }"#)
        let byPath = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.input.path, $0) })
        let days = try #require(byPath["/unbooked_leave/days_per_year"])
        #expect(days.fromFit && days.high.change > 0 && days.low.change < 0)
        let august = try #require(byPath["/unbooked_leave/month_factors/Aug"])
        for end in [august.low, august.high] { #expect(end.change == 0) }
        #expect(byPath["/unbooked_leave/booking_lead_days/0/share"] != nil && byPath["/unbooked_leave/mean_spell_days"] != nil)
        #expect(!(result.stress?.settings.contains { $0.input.path.hasPrefix("/unbooked_leave/booking_lead_days") } ?? true))
    }

    /// Bad intervals files: every problem named with its line, none skipped.
    @Test func badIntervalsAreReportedOneLineEach() throws {
        let scenario = try Self.scenario(sickness: #"{ "sick_days_per_year": 4 }"#, inflow: #"{ "base_per_day": 30 }"#)
        let inputs = SensitivityInput.all(for: try SimulationModel(scenario))
        let text = """
            { "intervals": {
              "/inflow/weekly_growth": [0, 1],
              "/inflow/base_per_day": [40, 30],
              "/resolve_per_shift": [-1, 4],
              "/inflow/arrival_shares/APAC": [0.1, 0.2],
              "/sickness/mean_spell_days": [2]
            } }
            """
        let error = try #require(throws: (any Error).self) { try SensitivityIntervals.parse(text, source: "fit.json", inputs: inputs) }
        let lines = "\(error)".split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("fit.json:2: ") && lines[0].contains("\"/inflow/weekly_growth\" is not an input of this scenario"))
        #expect(lines[1].hasPrefix("fit.json:3: ") && lines[1].contains("the low end 40 is above the high end 30"))
        #expect(lines[2].hasPrefix("fit.json:4: ") && lines[2].contains("the low end -1 is not a valid value of /resolve_per_shift (0 to 1000000)"))
        #expect(lines[3].contains("\"/inflow/arrival_shares/APAC\" is not an input"))
        #expect(lines[4].hasPrefix("fit.json:6: ") && lines[4].contains("expected [low, high], two numbers, found 1 element"))
        #expect(throws: (any Error).self) { try SensitivityIntervals.parse("{}", source: "fit.json", inputs: inputs) }
    }

    /// Arrival shares stay a distribution when one is moved.
    @Test func movingOneArrivalShareRescalesTheOthers() {
        #expect(SensitivityInput.shares([0.45, 0.55], setting: 0, to: 0.5) == [0.5, 0.5])
        let three = SensitivityInput.shares([0.2, 0.3, 0.5], setting: 2, to: 0.6)
        #expect(abs(three[0] - 0.16) < 1e-12 && abs(three[1] - 0.24) < 1e-12 && three[2] == 0.6)
    }
}
