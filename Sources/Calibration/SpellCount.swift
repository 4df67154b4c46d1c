import Foundation
import Statistics

/// Each SE's days away merged into spells of consecutive days, counted by bucket of days (a
/// season for sickness, a month for leave): the one walk `SicknessFit` and `LeaveFit` both make.
struct SpellCount {
    /// Spells begun in each bucket.
    var starts: [Double]
    /// SE-days in each bucket that are not away.
    var outside: [Double]
    /// Every spell's length in days; a spell still running at the end of the range ends there.
    var lengths: [Int]

    var spells: Int { lengths.count }
    var daysAway: Int { lengths.reduce(0, +) }

    /// `away[engineer][day]`; `bucket(day)` is one of `0..<buckets`.
    ///
    /// - Complexity: O(engineers × days).
    init(_ away: [[Bool]], buckets: Int, bucket: (Int) -> Int) {
        starts = [Double](repeating: 0, count: buckets)
        outside = [Double](repeating: 0, count: buckets)
        lengths = []
        for row in away {
            var run = 0
            for (d, isAway) in row.enumerated() {
                let b = bucket(d)
                if isAway {
                    if run == 0 { starts[b] += 1 }
                    run += 1
                } else {
                    outside[b] += 1
                    if run > 0 { lengths.append(run); run = 0 }
                }
            }
            if run > 0 { lengths.append(run) }
        }
    }

    /// The fitted rates of a spell model (docs/MODEL.md §3: a spell starts with daily probability q
    /// on a day at risk, and lasts 1 + G days, G geometric): q = spells / `atRisk` SE-days, the mean
    /// length m = days away / spells, and the days a year 365 q m, the scenario's own conversion.
    /// Wald intervals on the log scale: Var(log q̂) = 1/spells (a Poisson count of starts); a
    /// spell's length has variance m(m − 1), so Var(log m̂) = (m − 1)/(m × spells). Nil without a
    /// spell (nothing to fit). The estimates' methods name the days away as `days`, the spells as
    /// `spells`, q as `start` and the days at risk as `atRiskDays`.
    func rates(atRisk: Double, words: (days: String, spells: String, start: String, atRiskDays: String))
        -> (startProbability: Double, meanSpellDays: Estimate, daysPerYear: Estimate)? {
        guard !lengths.isEmpty else { return nil }
        let n = Double(lengths.count)
        let q = n / atRisk
        let m = Double(daysAway) / n
        let z = Proportion.z95
        let logMVariance = (m - 1) / (m * n)
        let mHalf = z * logMVariance.squareRoot()
        let meanSpellDays = Estimate(
            value: m, low: max(1, m * exp(-mHalf)), high: m * exp(mHalf),
            method: "\(words.days) over the \(spells) \(words.spells); Wald interval on the log scale with a geometric spell length's variance")
        let perYear = 365 * q * m
        let half = z * (1 / n + logMVariance).squareRoot()
        let method = "365 × the daily \(words.start) (spells over \(words.atRiskDays)) × the mean spell length, as the scenario converts them; Wald interval on the log scale"
        return (q, meanSpellDays, Estimate(value: perYear, low: perYear * exp(-half), high: perYear * exp(half), method: method))
    }
}
