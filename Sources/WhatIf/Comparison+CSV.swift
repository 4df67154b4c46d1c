import OutputFormats

extension Comparison {
    public static let csvHeader = [
        "date", "window", "k", "p_base", "p_variant", "difference", "ci_low", "ci_high", "significant",
        "planning_level_base", "planning_level_variant",
    ]

    /// `compare.csv`: one row per check and k ≥ 2, in time order. Probabilities with six decimals,
    /// so that a change of one trial in a million still shows; the interval is the paired 95% interval.
    ///
    /// - Complexity: O(checks × levels).
    public var csv: String {
        var text = CSVWriter.row(Self.csvHeader)
        for check in checks {
            for change in check.changes {
                let d = change.difference
                text += CSVWriter.row([
                    "\(check.date)", check.window, "\(change.level)",
                    NumberFormat.fixed(change.base, 6), NumberFormat.fixed(change.variant, 6), NumberFormat.fixed(d.estimate, 6),
                    NumberFormat.fixed(d.low, 6), NumberFormat.fixed(d.high, 6), d.isSignificant ? "true" : "false",
                    "\(check.planningLevelBase)", "\(check.planningLevelVariant)",
                ])
            }
        }
        return text
    }
}
