import OutputFormats

extension Comparison {
    public static let csvHeader = [
        "date", "window", "k", "level_name", "p_base", "p_variant", "difference", "ci_low", "ci_high", "significant",
        "planning_level_base", "planning_level_variant",
    ]

    /// `compare.csv`: one row per check and k ≥ 2 (with the level's name), in time order. Probabilities 0–1 with 4
    /// decimals, as in every file the tool writes (a change of less than one trial in 20,000 rounds
    /// to 0; `significant` still tells it from none); the interval is the paired 95% interval.
    ///
    /// - Complexity: O(checks × levels).
    public var csv: String {
        var text = CSVWriter.row(Self.csvHeader)
        let names = base.model.scenario.policy.levels.map(\.name)
        for check in checks {
            for change in check.changes {
                let d = change.difference
                text += CSVWriter.row([
                    "\(check.date)", check.window, "\(change.level)", names[change.level - 1],
                    NumberFormat.fixed(change.base, 4), NumberFormat.fixed(change.variant, 4), NumberFormat.fixed(d.estimate, 4),
                    NumberFormat.fixed(d.low, 4), NumberFormat.fixed(d.high, 4), d.isSignificant ? "true" : "false",
                    "\(check.planningLevelBase)", "\(check.planningLevelVariant)",
                ])
            }
        }
        return text
    }
}
