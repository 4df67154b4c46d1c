import OutputFormats

extension Comparison {
    public static let csvHeader = [
        "date", "window", "level", "level_name", "p_base", "p_variant", "difference", "ci_low", "ci_high", "significant",
        "base_level", "base_level_name", "variant_level", "variant_level_name",
    ]

    /// `compare.csv`: one row per check and level k ≥ 2 (`level,level_name`), in time order: P(level ≥ k) in the
    /// base and the variant and their difference. Probabilities 0–1 with 4 decimals, as in every file the tool
    /// writes (a change of less than one trial in 20,000 rounds to 0; `significant` still tells it from none);
    /// the interval is the paired 95% interval. `base_level,base_level_name` and
    /// `variant_level,variant_level_name` are the check's planning level in each run.
    ///
    /// - Complexity: O(checks × levels).
    public var csv: String {
        var text = CSVWriter.row(Self.csvHeader)
        let names = base.model.scenario.policy.levels.map(\.name)
        let variantNames = variant.model.scenario.policy.levels.map(\.name)
        for check in checks {
            for change in check.changes {
                let d = change.difference
                text += CSVWriter.row([
                    "\(check.date)", check.window, "\(change.level)", names[change.level - 1],
                    NumberFormat.fixed(change.base, 4), NumberFormat.fixed(change.variant, 4), NumberFormat.fixed(d.estimate, 4),
                    NumberFormat.fixed(d.low, 4), NumberFormat.fixed(d.high, 4), d.isSignificant ? "true" : "false",
                    "\(check.planningLevelBase)", names[check.planningLevelBase - 1],
                    "\(check.planningLevelVariant)", variantNames[check.planningLevelVariant - 1],
                ])
            }
        }
        return text
    }
}
