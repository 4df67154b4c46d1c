import Simulation
import Statistics

extension RunTable {
    /// `levels.csv`: the level probabilities in long form, one row per check and probability, for
    /// pivot tables and plotting libraries that want one value per row.
    ///
    /// Columns: `date,window,kind,level,level_name,probability,ci_low,ci_high`. `kind` tells the two questions
    /// apart: `exactly` rows give P(level = k) for k = 1 … L, `at_least` rows give P(level ≥ k) for
    /// k = 2 … L (≥ 1 is always 1). Per check, the `exactly` rows come first. `ci_low` and `ci_high`
    /// bound the Wilson 95% interval; all three have 4 decimals.
    ///
    /// - Complexity: O(checks × levels).
    public static func levels(_ estimates: Estimates) -> RunTable {
        var rows: [[Value]] = []
        let names = estimates.model.scenario.policy.levels.map(\.name)
        for check in estimates.checks {
            func row(_ kind: String, _ level: Int, _ p: Proportion) -> [Value] {
                [.text(check.date.description), .text(check.window), .text(kind), .integer(level), .text(names[level - 1]),
                 .probability(p.estimate), .probability(p.low), .probability(p.high)]
            }
            for (l, p) in check.levels.enumerated() { rows.append(row("exactly", l + 1, p)) }
            for (l, p) in check.atLeast.enumerated().dropFirst() { rows.append(row("at_least", l + 1, p)) }
        }
        return RunTable(columns: ["date", "window", "kind", "level", "level_name", "probability", "ci_low", "ci_high"], rows: rows)
    }
}
