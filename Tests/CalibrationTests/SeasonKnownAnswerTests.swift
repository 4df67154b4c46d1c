import CGSL
import Calendars
import Foundation
import Testing
@testable import Calibration

/// Month-of-year factors (issue 20) against two years of daily counts drawn here, independently
/// of the kernel: Poisson days, base 20, weekday factors, a Gamma demand shock per 4-week period
/// (CV 0.1), December × 0.7 and January × 1.3.
@Suite struct SeasonKnownAnswerTests {
    static let truth: [Int: Double] = [12: 0.7, 1: 1.3]

    static func counts(seed: Int) -> (counts: [Int], dates: [CivilDate]) {
        let rng = gsl_rng_alloc(cgsl_rng_mt19937())!
        defer { gsl_rng_free(rng) }
        gsl_rng_set(rng, UInt(seed))
        let n = 728, cv = 0.1
        let shocks = (0..<n / 28).map { _ in gsl_ran_gamma(rng, 1 / (cv * cv), cv * cv) }
        let dates = (0..<n).map { TrendKnownAnswerTests.first.adding(days: $0) }
        let counts = (0..<n).map { d in
            Int(gsl_ran_poisson(rng, 20 * TrendKnownAnswerTests.weekdays[dates[d].weekday]! * shocks[d / 28] * (truth[dates[d].month] ?? 1)))
        }
        return (counts, dates)
    }

    /// Over 40 histories: December and January are found (shrunk toward 1, not past it), the flat
    /// months stay near 1, and the intervals cover the truth for at least 80% of the month-fits.
    @Test func monthFactorsFindTheSeason() throws {
        let fits = 40
        var sums = [Int: Double](), covered = 0, total = 0
        for seed in 1...fits {
            let (counts, dates) = Self.counts(seed: seed)
            let fit = try InflowFit(counts: counts, dates: dates, isHoliday: dates.map { _ in false }, trend: .off, season: .auto)
            let season = try #require(fit.season)
            #expect(season.factors.count == 12)
            for (month, factor) in season.factors {
                sums[month, default: 0] += factor.value
                total += 1
                if factor.covers(Self.truth[month] ?? 1) { covered += 1 }
            }
        }
        let means = sums.mapValues { $0 / Double(fits) }
        #expect(means[12]! > 0.7 && means[12]! < 0.85, "December \(means[12]!)")
        #expect(means[1]! > 1.15 && means[1]! < 1.3, "January \(means[1]!)")
        for month in 2...11 { #expect(abs(means[month]! - 1) < 0.07, "month \(month): \(means[month]!)") }
        #expect(Double(covered) >= 0.8 * Double(total), "covered \(covered) of \(total)")
    }

    /// The demand shocks are measured around the season (issue 20, found by the season world of
    /// `DepartureKnownAnswerTests`, where a flat level gave demand_cv 0.128 for a truth of 0.05 and
    /// so a forecast band that counted the season twice). Over the 40 histories, with the season
    /// the demand_cv interval covers the truth 0.1 in at least 85% of fits and averages 0.08–0.12;
    /// around a flat level (--season off) the first 10 average above 0.115.
    @Test func demandShocksAreMeasuredAroundTheSeason() throws {
        let fits = 40
        var covered = 0, seasonal = 0.0, flat = 0.0
        for seed in 1...fits {
            let (counts, dates) = Self.counts(seed: seed)
            let fit = try InflowFit(counts: counts, dates: dates, isHoliday: dates.map { _ in false }, trend: .off, season: .auto)
            let cv = try #require(fit.demandCV)
            if cv.covers(0.1) { covered += 1 }
            seasonal += cv.value / Double(fits)
            if seed <= 10 {
                flat += try #require(try InflowFit(counts: counts, dates: dates, isHoliday: dates.map { _ in false }, trend: .off, season: .off).demandCV).value / 10
            }
        }
        #expect(Double(covered) >= 0.85 * Double(fits), "covered \(covered) of \(fits)")
        #expect(seasonal > 0.08 && seasonal < 0.12, "with the season \(seasonal)")
        #expect(flat > 0.115, "around a flat level \(flat)")
    }

    /// Under a year there is no season (auto), and none with --season off.
    @Test func noSeasonOnLessThanAYearOrWhenOff() throws {
        let (counts, dates) = Self.counts(seed: 3)
        let short = try InflowFit(counts: Array(counts.prefix(364)), dates: Array(dates.prefix(364)), isHoliday: Array(repeating: false, count: 364), season: .auto)
        #expect(short.season == nil)
        let off = try InflowFit(counts: counts, dates: dates, isHoliday: dates.map { _ in false }, season: .off)
        #expect(off.season == nil)
    }
}
