import Calendars
import CalendarImport
import Foundation
import Statistics

/// `sick_days_per_year`, `mean_spell_days` and, with two years or more, `severity_cv` from an HR
/// absence export (docs/MODEL.md §3: on a day outside a spell a spell starts with probability
/// p0 = sick days a year / 365 / mean spell days; a spell lasts 1 + G days, G geometric).
///
/// Each SE's absences are merged into spells of consecutive calendar days. p0 is estimated as the
/// spells over the SE-days spent outside a spell (the maximum-likelihood estimate of a daily start
/// probability), the mean spell length as sick days over spells.
public struct SicknessFit: Sendable {
    public let sickDaysPerYear: Estimate
    public let meanSpellDays: Estimate
    /// nil when fewer than two years (seasons) are covered.
    public let severityCV: Estimate?
    public let spells: Int
    public let sickDays: Int

    static let seasonDays = 365

    /// The days each SE of `team` was away by `rows`, clipped to `days`: `[engineer][day]`. Rows
    /// naming nobody in the team are left out (the caller warns about them).
    public static func absentDays(_ rows: [TimeOffRow], team: [String], days: DateRange) -> [[Bool]] {
        let n = days.dayCount
        var absent = [[Bool]](repeating: [Bool](repeating: false, count: n), count: team.count)
        for row in rows {
            guard let i = team.firstIndex(of: row.name) else { continue }
            let first = max(0, days.first.days(to: row.dates.lowerBound)), last = min(n - 1, days.first.days(to: row.dates.upperBound))
            guard first <= last else { continue }
            for d in first...last { absent[i][d] = true }
        }
        return absent
    }

    /// `sick`: each SE's sick days over the range (`absentDays` of the sickness rows). Nil when
    /// there is no spell in it (nothing to fit).
    public init?(sick: [[Bool]]) throws {
        let n = sick.first?.count ?? 0
        let seasons = n / Self.seasonDays
        let count = SpellCount(sick, buckets: max(1, seasons)) { min($0 / Self.seasonDays, max(1, seasons) - 1) }
        let (spellsPerSeason, atRiskPerSeason) = (count.starts, count.outside)
        let words = ("sick days", "spells (runs of consecutive absent days)", "spell-start probability", "SE-days outside a spell")
        guard let rates = count.rates(atRisk: atRiskPerSeason.reduce(0, +), words: words) else { return nil }
        (spells, sickDays, meanSpellDays, sickDaysPerYear) = (count.spells, count.daysAway, rates.meanSpellDays, rates.daysPerYear)
        let p = rates.startProbability
        if seasons >= 2, let cv = try ExtraVariation.estimate(
            observed: spellsPerSeason, expected: atRiskPerSeason.map { $0 * p }, modelVariance: atRiskPerSeason.map { $0 * p }) {
            severityCV = Estimate(
                value: cv.value, low: cv.low, high: cv.high,
                method: "spread of the \(seasons) years' spell counts beyond Poisson noise (Q-profile: 0 when not detectable); interval from the χ²(\(seasons - 1)) quantiles")
        } else {
            severityCV = nil
        }
    }
}
