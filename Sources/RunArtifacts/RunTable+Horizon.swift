import Simulation

extension RunTable {
    /// `horizon.csv`: over the whole horizon, per level k = 2 … L (level ≥ 1 is every check).
    ///
    /// Columns: `level,level_name,p_reach,ci_low,ci_high` (P(level ≥ k at least once) and its Wilson 95%
    /// interval, 4 decimals), `expected_checks` (the expected number of checks at ≥ k, 2 decimals),
    /// `longest_run_mean,longest_run_p50,longest_run_p90` (the longest run of consecutive checks at
    /// ≥ k: mean with 2 decimals, percentiles in checks).
    ///
    /// - Complexity: O(levels).
    public static func horizon(_ estimates: Estimates) -> RunTable {
        let names = estimates.model.scenario.policy.levels.map(\.name)
        let rows = estimates.horizon.dropFirst().map { h -> [Value] in
            [.integer(h.level), .text(names[h.level - 1]), .probability(h.reached.estimate), .probability(h.reached.low), .probability(h.reached.high),
             .mean(h.expectedChecks), .mean(h.longestRun.mean), .wholeNumber(h.longestRun.p50), .wholeNumber(h.longestRun.p90)]
        }
        return RunTable(
            columns: ["level", "level_name", "p_reach", "ci_low", "ci_high", "expected_checks", "longest_run_mean", "longest_run_p50", "longest_run_p90"],
            rows: rows)
    }

    /// `longest_runs.csv`: the distribution of the longest run of consecutive checks at ≥ k, which
    /// `horizon.csv` summarises (docs/MODEL.md §8), in long form.
    ///
    /// Columns: `level,level_name,run_length,probability` (4 decimals), for k = 2 … L and the run lengths with a
    /// non-zero probability, shortest first.
    ///
    /// - Complexity: O(levels × checks).
    public static func longestRuns(_ estimates: Estimates) -> RunTable {
        var rows: [[Value]] = []
        let names = estimates.model.scenario.policy.levels.map(\.name)
        for h in estimates.horizon.dropFirst() {
            for (length, p) in h.longestRunDistribution.enumerated() where p > 0 {
                rows.append([.integer(h.level), .text(names[h.level - 1]), .integer(length), .probability(p)])
            }
        }
        return RunTable(columns: ["level", "level_name", "run_length", "probability"], rows: rows)
    }
}
