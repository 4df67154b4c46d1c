import Simulation

extension RunTable {
    /// `why.csv`: one row per check, in time order, saying where its risk comes from (`Attribution`):
    /// `date,window,level,level_name,floor_level,floor_level_name,p_no_sickness,p_full`: the check's planning level,
    /// the level headcount alone implies, and P(level ≥ planning level) with the planned headcount (no sickness) and
    /// in full, 4 decimals.
    ///
    /// - Complexity: O(checks).
    public static func why(_ attribution: Attribution, levelNames names: [String]) -> RunTable {
        RunTable(
            columns: ["date", "window", "level", "level_name", "floor_level", "floor_level_name", "p_no_sickness", "p_full"],
            rows: attribution.checks.map { check in
                [.text(check.date.description), .text(check.window), .integer(check.level), .text(names[check.level - 1]),
                 .integer(check.floorLevel), .text(names[check.floorLevel - 1]),
                 .probability(check.withoutSickness), .probability(check.full)]
            })
    }
}
