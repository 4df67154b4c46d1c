import CGSL
import Simulation

/// The twin against the engine, check by check: for every k ≥ 2, P(level ≥ k) by a two-proportion
/// z statistic, and the mean open cases by Welch's z statistic (samples of unequal size and
/// variance). Comparisons where both sides are exactly 0 or exactly 1 carry no information and
/// are left out.
///
/// With m comparisons, each is held to |z| ≤ z* where 2·(1 − Φ(z*))·m = 1%: by Bonferroni's
/// inequality the chance that any of the m exceeds z* when the two agree in distribution is at
/// most 1%, however the comparisons correlate (they do: the checks of one trial share its
/// backlog). For m ≈ 400 that is z* ≈ 4.3. The normal approximation is the weak spot for the
/// rarest levels, where a handful of twin trials decide the statistic.
struct TwinComparison {
    struct Statistic {
        /// `2026-12-23 EMEA P(level ≥ 4)` or `2026-12-23 EMEA mean open`.
        let label: String
        let z: Double
    }

    static let familyWiseRisk = 0.01

    let statistics: [Statistic]

    init(engine: Estimates, tally: Tally, twin: KernelTwin.Sample) {
        var statistics: [Statistic] = []
        for (c, check) in engine.checks.enumerated() {
            let name = "\(check.date) \(check.window)"
            for k in 1..<check.atLeast.count {
                let z = Self.twoProportionZ(check.atLeast[k].successes, of: tally.trials, twin.atLeast[c][k], of: twin.trials)
                if let z { statistics.append(Statistic(label: "\(name) P(level ≥ \(k + 1))", z: z)) }
            }
            let (engineMean, engineVariance) = EngineKnownAnswerTests.moments(tally, check: c)
            let (twinMean, twinVariance) = twin.openMoments(check: c)
            let z = Self.welchZ(engineMean, engineVariance, tally.trials, twinMean, twinVariance, twin.trials)
            if let z { statistics.append(Statistic(label: "\(name) mean open", z: z)) }
        }
        self.statistics = statistics
    }

    /// z* with 2·(1 − Φ(z*))·m = `familyWiseRisk`.
    var threshold: Double { gsl_cdf_ugaussian_Qinv(Self.familyWiseRisk / 2 / Double(statistics.count)) }

    var largest: Statistic { statistics.max { abs($0.z) < abs($1.z) }! }

    var beyondThreshold: [Statistic] { statistics.filter { abs($0.z) > threshold } }

    /// (p̂₁ − p̂₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)) with the pooled p̂; nil when both are 0 or both are 1.
    static func twoProportionZ(_ x1: Int, of n1: Int, _ x2: Int, of n2: Int) -> Double? {
        let pooled = Double(x1 + x2) / Double(n1 + n2)
        guard pooled > 0 && pooled < 1 else { return nil }
        let se = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        return (Double(x1) / Double(n1) - Double(x2) / Double(n2)) / se
    }

    /// (m₁ − m₂) / √(v₁/n₁ + v₂/n₂); nil when neither side varies.
    static func welchZ(_ m1: Double, _ v1: Double, _ n1: Int, _ m2: Double, _ v2: Double, _ n2: Int) -> Double? {
        let variance = v1 / Double(n1) + v2 / Double(n2)
        guard variance > 0 else { return nil }
        return (m1 - m2) / variance.squareRoot()
    }
}
