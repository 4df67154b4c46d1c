import Statistics
/// The planning level of a check (docs/MODEL.md §8) and the levels the Monte Carlo noise leaves it
/// between.
///
/// The planning level is the lowest k with P(level > k) ≤ the planning risk. When the 95% interval
/// of a deciding probability contains the risk, the run cannot tell which side of the line the
/// check is on: another run of the same size could put the planning level one higher or lower.
/// Such a check is *at the line*; reports show the levels it lies between, and `plan diff` does not
/// count a move between them as a change of level ("the planning level flickers around its 10%
/// line", issue 23).
public enum PlanningLevel {
    /// The lowest k (1-based) with P(level > k) = `atLeast[k]` ≤ `risk`; the top level when none is.
    public static func level(atLeast: [Double], risk: Double) -> Int {
        (1...atLeast.count).first { k in k == atLeast.count || atLeast[k] <= risk } ?? atLeast.count
    }

    /// From the planning level the intervals' low ends would give to the one their high ends would
    /// give: one level when no deciding interval contains `risk`, else the levels a check at the
    /// line lies between. Always contains `level(atLeast:risk:)` of the estimates.
    public static func range(atLeast: [Proportion], risk: Double) -> ClosedRange<Int> {
        level(atLeast: atLeast.map(\.low), risk: risk)...level(atLeast: atLeast.map(\.high), risk: risk)
    }

    /// The same from probabilities read back from a run's files: each taken as the share of
    /// `trials` it is rounded from.
    public static func range(atLeast: [Double], trials: Int, risk: Double) -> ClosedRange<Int> {
        range(atLeast: atLeast.map { Proportion(successes: Int(($0 * Double(trials)).rounded()), trials: trials) }, risk: risk)
    }
}
