import Simulation

extension RunTable {
    /// `recommendations.csv`: what leadership arranges ahead of time (docs/MODEL.md §8) — for each alert
    /// channel and window, the runs of consecutive check days on which P(the alert is needed)
    /// reaches the scenario's threshold.
    ///
    /// Columns: `channel` (as the policy names it, `#ce`), `level,level_name` (the level that raises it),
    /// `window`, `brief_by` (the date to brief the channel by, `lead_days` working days before the first
    /// date: `RunRecord.briefBy`, as the summary and the report word it), `first_date,last_date` (inclusive),
    /// `checks` (check days in the run), `max_probability,mean_probability` (4 decimals). Rows by first
    /// date, then level, then window.
    ///
    /// - Complexity: O(recommendations × lead days).
    public static func recommendations(_ estimates: Estimates, record: RunRecord) -> RunTable {
        let names = estimates.model.scenario.policy.levels.map(\.name)
        let rows = estimates.recommendations.map { r -> [Value] in
            [.text(r.channel), .integer(r.level), .text(names[r.level - 1]), .text(r.window), .text(record.briefBy(r.first).description),
             .text(r.first.description), .text(r.last.description),
             .integer(r.checks), .probability(r.maximumProbability), .probability(r.meanProbability)]
        }
        return RunTable(
            columns: ["channel", "level", "level_name", "window", "brief_by", "first_date", "last_date", "checks", "max_probability", "mean_probability"],
            rows: rows)
    }
}
