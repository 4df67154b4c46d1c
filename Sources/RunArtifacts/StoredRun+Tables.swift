import Simulation
import Calendars

extension StoredRun {
    /// `checks.csv` and `why.csv` of a run written before the CSV column convention call the
    /// check's planning level `planning_level`; both names read.
    static let formerLevelName = ["level": "planning_level"]

    /// `checks.csv`, checked against `run.json`: one row per check of the scenario, each within the
    /// horizon, in a window the scenario names, with a column per level and per group.
    ///
    /// - Complexity: O(checks × levels).
    static func checks(_ text: String, source: String, scenario: RunRecord.ScenarioFacts, levelCount: Int) throws(RunFileError) -> [CheckRow] {
        let levels = 1...levelCount
        let exactly = levels.map { "p_level_\($0)" }
        let atLeast = levels.dropFirst().map { "p_ge_\($0)" }
        let planned = scenario.groups.map { "\($0.name)_planned" }
        let table = try RunTableReader(
            text: text, source: source,
            required: ["date", "window"] + exactly + atLeast + ["level", "mean_open", "p50_open", "p90_open", "mean_load", "p50_load", "p90_load"] + planned,
            formerNames: StoredRun.formerLevelName)
        var seen = Set<String>()
        let checks = try table.rows.map { row throws(RunFileError) -> CheckRow in
            let date = try row.date("date")
            guard date >= scenario.horizon.start && date <= scenario.horizon.end else {
                throw row.problem("date", "\(date) is outside the horizon \(scenario.horizon.start) to \(scenario.horizon.end) of run.json")
            }
            let window = row.value("window")
            guard scenario.windows.contains(where: { $0.name == window }) else {
                throw row.problem("window", "\"\(window)\" is not a window of run.json (\(scenario.windows.map(\.name).joined(separator: ", ")))")
            }
            guard seen.insert("\(date) \(window)").inserted else { throw row.problem("window", "a second row for \(date) \(window)") }
            return CheckRow(
                date: date, window: window,
                exactly: try exactly.map { c throws(RunFileError) in try row.probability(c) },
                atLeast: [1] + (try atLeast.map { c throws(RunFileError) in try row.probability(c) }),
                planningLevel: try row.level("level", of: levelCount),
                open: Spread(mean: try row.number("mean_open"), p50: try row.number("p50_open"), p90: try row.number("p90_open")),
                load: Spread(mean: try row.load("mean_load"), p50: try row.load("p50_load"), p90: try row.load("p90_load")),
                planned: try planned.map { c throws(RunFileError) in try row.count(c) })
        }
        guard checks.count == scenario.checks else {
            throw RunFileError.malformed("\(source): \(checks.count) checks, but run.json counts \(scenario.checks); the files are not of the same run")
        }
        return checks
    }

    /// `horizon.csv`: one row per level 2 … L, in order.
    ///
    /// - Complexity: O(levels).
    static func horizon(_ text: String, source: String, levelCount: Int) throws(RunFileError) -> [HorizonRow] {
        let table = try RunTableReader(
            text: text, source: source,
            required: ["level", "p_reach", "ci_low", "ci_high", "expected_checks", "longest_run_mean", "longest_run_p50", "longest_run_p90"])
        let rows = try table.rows.enumerated().map { i, row throws(RunFileError) -> HorizonRow in
            guard try row.count("level") == i + 2 else { throw row.problem("level", "expected level \(i + 2): one row per level from 2, in order") }
            return HorizonRow(
                level: i + 2, reached: try row.probability("p_reach"), reachedLow: try row.probability("ci_low"),
                reachedHigh: try row.probability("ci_high"), expectedChecks: try row.number("expected_checks"),
                longestRunMean: try row.number("longest_run_mean"), longestRunP50: try row.count("longest_run_p50"),
                longestRunP90: try row.count("longest_run_p90"))
        }
        guard rows.count == levelCount - 1 else {
            throw RunFileError.malformed("\(source): \(rows.count) levels, but run.json's policy has levels 2 to \(levelCount)")
        }
        return rows
    }

    /// `why.csv`: one row per check of `checks`, in the same order.
    static func why(_ text: String, source: String, checks: [CheckRow], levelCount: Int) throws(RunFileError) -> [Attribution.Check] {
        let table = try RunTableReader(
            text: text, source: source, required: ["date", "window", "level", "floor_level", "p_no_sickness", "p_full"],
            formerNames: StoredRun.formerLevelName)
        guard table.rows.count == checks.count else {
            throw RunFileError.malformed("\(source): \(table.rows.count) checks, but checks.csv has \(checks.count); the files are not of the same run")
        }
        return try zip(table.rows, checks).map { row, check throws(RunFileError) -> Attribution.Check in
            let date = try row.date("date"), window = row.value("window")
            guard date == check.date, window == check.window else {
                throw row.problem("date", "\(date) \(window) where checks.csv has \(check.date) \(check.window); the files are not of the same run")
            }
            return Attribution.Check(
                date: date, window: window, level: try row.level("level", of: levelCount),
                floorLevel: try row.level("floor_level", of: levelCount),
                withoutSickness: try row.probability("p_no_sickness"), full: try row.probability("p_full"))
        }
    }

    /// `recommendations.csv`: possibly no rows at all (nothing to arrange). Its `brief_by` column is
    /// not read: the page works the date out from `run.json` (`RunRecord.briefBy`), as the file did.
    ///
    /// - Complexity: O(recommendations).
    static func recommendations(_ text: String, source: String, scenario: RunRecord.ScenarioFacts, levelCount: Int) throws(RunFileError) -> [Recommendation] {
        let table = try RunTableReader(
            text: text, source: source,
            required: ["channel", "level", "window", "first_date", "last_date", "checks", "max_probability", "mean_probability"])
        return try table.rows.map { row throws(RunFileError) -> Recommendation in
            let window = row.value("window")
            guard scenario.windows.contains(where: { $0.name == window }) else {
                throw row.problem("window", "\"\(window)\" is not a window of run.json (\(scenario.windows.map(\.name).joined(separator: ", ")))")
            }
            let first = try row.date("first_date"), last = try row.date("last_date")
            guard first <= last else { throw row.problem("last_date", "\(last) is before the first date \(first)") }
            return Recommendation(
                channel: row.value("channel"), level: try row.level("level", of: levelCount), window: window,
                first: first, last: last, checks: try row.count("checks"),
                maximumProbability: try row.probability("max_probability"), meanProbability: try row.probability("mean_probability"))
        }
    }
}
