import Simulation

extension RunTable {
    /// `why.csv`: one row per check, in time order, saying where its risk comes from (`Attribution`):
    /// `date,window,planning_level,floor_level,p_no_sickness,p_full`, the two probabilities being
    /// P(level ≥ planning level) with the planned headcount (no sickness) and in full, 4 decimals.
    ///
    /// - Complexity: O(checks).
    public static func why(_ attribution: Attribution) -> RunTable {
        RunTable(
            columns: ["date", "window", "planning_level", "floor_level", "p_no_sickness", "p_full"],
            rows: attribution.checks.map { check in
                [.text(check.date.description), .text(check.window), .integer(check.level), .integer(check.floorLevel),
                 .probability(check.withoutSickness), .probability(check.full)]
            })
    }
}
