import Simulation

extension RunTable {
    /// `checks.csv`: one row per check, in time order, for a spreadsheet that wants a day at a glance.
    ///
    /// Columns, for a policy of L levels, the scenario's groups and the policy's alert channels:
    /// `date,weekday,window`, `p_level_1 … p_level_L` (P(level = l)), `p_ge_2 … p_ge_L` (P(level ≥ k); ≥ 1 is
    /// always 1), `level,level_name` (the planning level and its name), `mean_open,p10_open,p50_open,p90_open`,
    /// `mean_load,p50_load,p90_load,nobody_working` (P(nobody works while cases are open)), then
    /// per group `<group>_planned` (scheduled by the calendar) and `mean_<group>,p50_<group>,p90_<group>`
    /// (working after absence), then `p_alert_<channel without #>` per channel.
    ///
    /// Probabilities have 4 decimals, means and loads 2; counts are whole numbers. Open cases are
    /// counted exactly up to 4095, so a percentile of 4095 means "4095 or more"; a load is empty when
    /// it is +infinity (nobody works and cases are open), which `nobody_working` measures.
    ///
    /// - Complexity: O(checks × (levels + groups + channels)).
    public static func checks(_ estimates: Estimates) -> RunTable {
        let model = estimates.model
        let levels = 1...model.levelCount
        var columns = ["date", "weekday", "window"]
        columns += levels.map { "p_level_\($0)" }
        columns += levels.dropFirst().map { "p_ge_\($0)" }
        columns += ["level", "level_name", "mean_open", "p10_open", "p50_open", "p90_open", "mean_load", "p50_load", "p90_load", "nobody_working"]
        for group in model.groups { columns += ["\(group)_planned", "mean_\(group)", "p50_\(group)", "p90_\(group)"] }
        columns += model.alertChannels.map { "p_alert_" + $0.channel.drop { $0 == "#" } }

        let rows = estimates.checks.map { check -> [Value] in
            var row: [Value] = [.text(check.date.description), .text(check.date.weekday.abbreviation), .text(check.window)]
            row += check.levels.map { .probability($0.estimate) }
            row += check.atLeast.dropFirst().map { .probability($0.estimate) }
            row += [
                .integer(check.planningLevel), .text(model.scenario.policy.levels[check.planningLevel - 1].name),
                .mean(check.open.mean), .wholeNumber(check.open.p10), .wholeNumber(check.open.p50), .wholeNumber(check.open.p90),
                .load(check.load.mean), .load(check.load.p50), .load(check.load.p90), .probability(check.nobodyWorking),
            ]
            for (planned, working) in zip(check.planned, check.headcounts) {
                row += [.integer(planned), .mean(working.mean), .wholeNumber(working.p50), .wholeNumber(working.p90)]
            }
            row += check.alerts.map { .probability($0) }
            return row
        }
        return RunTable(columns: columns, rows: rows)
    }
}
