import Calendars
import Foundation
import Scenarios
import Simulation
import Testing
import WhatIf

@testable import Cover

/// The December example cut to its last week (Dec 28–31, a week of warm-up): small enough to
/// enumerate every cover in a debug build.
enum LastWeek {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func december() throws -> Scenario {
        let path = repository.appendingPathComponent("scenarios/december.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try Scenario.load(text: text, path: path, readFile: { try String(contentsOfFile: $0, encoding: .utf8) }).scenario
    }

    static func scenario() throws -> Scenario {
        var scenario = try december()
        scenario.horizon = DateRange(date("2026-12-28")...date("2026-12-31"))
        scenario.warmupDays = 7
        return scenario
    }

    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func pool(_ csv: String, scenario: Scenario) throws -> CoverPool {
        try CoverPool.read(csv: csv, source: "pool.csv", scenario: scenario)
    }
}

@Suite struct CoverPoolTests {
    @Test func readsOptionsWithNamesAndDefaults() throws {
        let scenario = try LastWeek.scenario()
        let pool = try LastWeek.pool("""
            option,group,from,to,cost_per_day,max_per_day,name
            us-contractor,us,2026-12-28,2026-12-31,400,2,
            nl-on-call,emea,2026-12-29,2026-12-30,250.5,1,emea-nl
            """, scenario: scenario)
        #expect(pool.options.count == 2)
        #expect(pool.options[0] == CoverOption(
            option: "us-contractor", group: "us", dates: DateRange(LastWeek.date("2026-12-28")...LastWeek.date("2026-12-31")),
            costPerDay: 400, maxPerDay: 2, line: 2))
        #expect(pool.options[1].name == "emea-nl" && pool.options[1].costPerDay == 250.5 && pool.options[1].fallsSick)
    }

    /// `sickness=no` makes cover SEs that sickness never takes; the column's other values are named.
    @Test func sicknessNoMakesCoverThatAlwaysWorks() throws {
        let scenario = try LastWeek.scenario()
        let pool = try LastWeek.pool("""
            option,group,from,to,cost_per_day,max_per_day,sickness
            agency,us,2026-12-28,2026-12-31,400,2,no
            contractor,us,2026-12-28,2026-12-31,300,1,yes
            """, scenario: scenario)
        #expect(!pool.options[0].fallsSick && pool.options[1].fallsSick)
        #expect(throws: WhatIfError("pool.csv:2: sickness \"maybe\": expected yes or no (whether the cover can fall sick)")) {
            try LastWeek.pool("option,group,from,to,cost_per_day,max_per_day,sickness\nagency,us,2026-12-28,2026-12-31,400,2,maybe\n", scenario: scenario)
        }
    }

    @Test func everyBadRowIsNamedByLine() throws {
        let scenario = try LastWeek.scenario()
        #expect(throws: WhatIfError("pool.csv:1: the pool is empty (expected one row per option after the header: option,group,from,to,cost_per_day,max_per_day)")) {
            try LastWeek.pool("option,group,from,to,cost_per_day,max_per_day\n", scenario: scenario)
        }
        let text = """
            option,group,from,to,cost_per_day,max_per_day,name
            early,us,2026-12-01,2026-12-28,400,1,
            apac,apac,2026-12-28,2026-12-28,400,1,
            ghost,emea,2026-12-28,2026-12-28,400,1,emea-xx
            cheap,us,2026-12-28,2026-12-28,-1,1,
            none,us,2026-12-28,2026-12-28,400,0,
            twice,emea,2026-12-28,2026-12-28,400,2,emea-nl
            """
        let expected = [
            "pool.csv:2: 2026-12-01…2026-12-28 is outside the horizon 2026-12-28…2026-12-31; cover is bought for reported days only",
            "pool.csv:3: group \"apac\" is not defined; the groups are emea, us",
            "pool.csv:4: name \"emea-xx\": the team has no such SE",
            "pool.csv:5: cost_per_day \"-1\": expected a number from 0 to 1000000000",
            "pool.csv:6: max_per_day \"0\": expected a whole number from 1 to 50",
            "pool.csv:7: max_per_day 2: a named SE works at most once a day; expected 1",
        ]
        #expect(throws: WhatIfError(expected.joined(separator: "\n"))) { try LastWeek.pool(text, scenario: scenario) }
    }

    @Test func candidatesSkipClosuresAndTheNamedSEsWorkingDays() throws {
        var scenario = try LastWeek.scenario()
        scenario.horizon = DateRange(LastWeek.date("2026-12-21")...LastWeek.date("2026-12-31"))
        // emea-nl is off Dec 28–31 only; Dec 25 is a company closure.
        let pool = try LastWeek.pool("""
            option,group,from,to,cost_per_day,max_per_day,name
            nl,emea,2026-12-24,2026-12-29,100,1,emea-nl
            """, scenario: scenario)
        let problem = try CoverProblem(scenario: scenario, pool: pool)
        #expect(problem.candidates.map(\.date.description) == ["2026-12-26", "2026-12-27", "2026-12-28", "2026-12-29"])
    }
}
