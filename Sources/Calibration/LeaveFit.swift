import Calendars
import Foundation
import Statistics

/// The unbooked-leave model of docs/MODEL.md §3a from the leave rows of an HR absence export:
/// `days_per_year`, `mean_spell_days`, `month_factors` and, when the export has booking dates,
/// `booking_lead_days`.
///
/// Each SE's leave is merged into spells of consecutive calendar days. The daily start probability
/// q is the spells over the SE-days free at the start of the day (not continuing a spell: the
/// days off leave and the spells' first days, the maximum-likelihood estimate for the model's
/// chain), the mean spell length is leave days over spells, and `days_per_year` = 365 q m, the
/// scenario's own conversion. Month factors compare each calendar month's spell starts n_m with
/// those a flat rate expects there, E_m = q × its free days, shrunk toward 1 by empirical Bayes
/// with a Gamma(α, α) prior (mean 1): 1/α = max(0, Σ((n_m − E_m)² − n_m) / Σ E_m²), the spread
/// beyond Poisson noise; each factor is its posterior mean (α + n_m)/(α + E_m) with the posterior's
/// 95% interval, then all are scaled so that they average 1 over a 365-day year. The lead time is
/// the share of the bookings (rows with a requested date, starting in the range) in each bin.
public struct LeaveFit: Sendable {
    public let daysPerYear: Estimate
    public let meanSpellDays: Estimate
    /// By month, 1 = January: every month (a month without data keeps the prior's 1).
    public let monthFactors: [Int: Estimate]
    /// Bins by increasing `upTo` with their shares; nil without booking dates.
    public let leadTime: [(upTo: Int, share: Estimate)]?
    public let spells: Int
    public let leaveDays: Int
    /// Rows with a booking date that start in the range: the lead-time sample.
    public let bookings: Int

    /// The bins' upper ends, in days: within a week, two, four and eight weeks, a quarter, half a
    /// year and a year; leads beyond a year extend the last bin to the longest.
    public static let leadTimeBounds = [6, 13, 27, 55, 90, 181, 364]

    static let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// `leave`: each SE's leave days over the range `dates` (`SicknessFit.absentDays` of the leave
    /// rows); `leadTimes`: the booking lead times in days. Nil when there is no spell.
    public init?(leave: [[Bool]], dates: [CivilDate], leadTimes: [Int]) throws(QuantileError) {
        let count = SpellCount(leave, buckets: 13) { dates[$0].month }
        // Free at the start of the day: the days off leave and the spells' first days.
        let starts = count.starts
        let free = zip(count.outside, starts).map { $0 + $1 }
        let words = ("leave days", "leave spells (runs of consecutive days on leave)", "start probability", "SE-days free of a spell")
        guard let rates = count.rates(atRisk: free.reduce(0, +), words: words) else { return nil }
        (spells, leaveDays, meanSpellDays, daysPerYear) = (count.spells, count.daysAway, rates.meanSpellDays, rates.daysPerYear)
        let q = rates.startProbability

        let expected = (1...12).map { free[$0] * q }
        let observed = (1...12).map { starts[$0] }
        let excess = zip(observed, expected).map { ($0 - $1) * ($0 - $1) - $0 }.reduce(0, +)
        let inverseAlpha = max(0, excess / expected.map { $0 * $0 }.reduce(0, +))
        var raw: [(value: Double, low: Result<Double, QuantileError>, high: Result<Double, QuantileError>)] = []
        for month in 0..<12 {
            guard inverseAlpha > 0 else { raw.append((1, .success(1), .success(1))); continue }
            // Posterior Gamma(shape α + n, rate α + E); its P quantile is χ²(2 shape; P) / (2 rate).
            let shape = 1 / inverseAlpha + observed[month], rate = 1 / inverseAlpha + expected[month]
            raw.append((shape / rate, Quantile.chiSquared(0.025, degreesOfFreedom: 2 * shape).map { $0 / (2 * rate) },
                        Quantile.chiSquared(0.975, degreesOfFreedom: 2 * shape).map { $0 / (2 * rate) }))
        }
        let scale = zip(raw, Self.daysInMonth).map { $0.value * Double($1) }.reduce(0, +) / 365
        let method = inverseAlpha > 0
            ? "the month's spell starts over those a flat rate expects, shrunk toward 1 (empirical Bayes, Gamma prior with CV \(String(format: "%.2f", inverseAlpha.squareRoot())) across the months), scaled to average 1 over the year; interval from the posterior"
            : "no month-to-month variation beyond chance in the spell starts: every month 1"
        monthFactors = Dictionary(uniqueKeysWithValues: raw.enumerated().map { i, r in
            (i + 1, Estimate(value: r.value / scale, low: r.low.map { $0 / scale }, high: r.high.map { $0 / scale }, method: method))
        })

        bookings = leadTimes.count
        if leadTimes.isEmpty {
            leadTime = nil
        } else {
            var bounds = Self.leadTimeBounds
            if let longest = leadTimes.max(), longest > bounds.last! { bounds.append(longest) }
            var counts = [Int](repeating: 0, count: bounds.count)
            for lead in leadTimes { counts[bounds.firstIndex { lead <= $0 }!] += 1 }
            let used = (counts.lastIndex { $0 > 0 } ?? 0) + 1
            leadTime = (0..<used).map { i in
                let p = Proportion(successes: counts[i], trials: leadTimes.count)
                return (bounds[i], Estimate(value: p.estimate, low: p.low, high: p.high,
                                            method: "share of the \(leadTimes.count) bookings (rows with a requested date that start in the range) whose lead time, start − requested in days, falls in the bin; Wilson interval"))
            }
        }
    }
}
