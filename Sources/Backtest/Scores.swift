/// Proper scores of probability forecasts of a level: lower is better, 0 is a perfect forecast.
public enum Scores {
    /// P(level ≥ k) from P(level = l), l = 1 … L, for a 1-based k.
    public static func atLeast(_ k: Int, _ levels: [Double]) -> Double { min(1, levels[(k - 1)...].reduce(0, +)) }

    /// The Brier score of P(level ≥ k) for one check: (p − o)², o = 1 if the declared level is k or more.
    public static func brier(_ k: Int, forecast levels: [Double], declared: Int) -> Double {
        let p = atLeast(k, levels), o: Double = declared >= k ? 1 : 0
        return (p - o) * (p - o)
    }

    /// The ranked probability score for one check: the Brier scores of P(level ≥ k), k = 2 … L,
    /// averaged. Unlike a Brier score per level it credits a forecast that misses by one level
    /// more than one that misses by five.
    public static func rankedProbability(forecast levels: [Double], declared: Int) -> Double {
        guard levels.count > 1 else { return 0 }
        return (2...levels.count).reduce(0) { $0 + brier($1, forecast: levels, declared: declared) } / Double(levels.count - 1)
    }

    /// 1 − score / reference; nil when the reference is perfect (no skill can be shown against it).
    public static func skill(_ score: Double, against reference: Double) -> Double? {
        reference > 0 ? 1 - score / reference : nil
    }
}
