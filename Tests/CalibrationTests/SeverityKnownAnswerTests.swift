import CGSL
import Foundation
import Testing
@testable import Calibration

/// `severity_cv` (how much the sickness rate moves from one year to the next) from absence grids
/// drawn by the model of docs/MODEL.md §3 with a known Gamma year factor: each year draws
/// G ~ Gamma(mean 1, CV c), and on a day outside a spell an SE starts one with probability p0 × G;
/// a spell lasts 1 + Geometric days.
@Suite struct SeverityKnownAnswerTests {
    static let engineers = 40
    static let sickDaysPerYear = 12.0
    static let meanSpellDays = 2.5

    /// `years` years of absences for the team, from `seed`: `[engineer][day]`.
    static func sickGrid(years: Int, severityCV: Double, seed: UInt) -> [[Bool]] {
        let rng = gsl_rng_alloc(cgsl_rng_mt19937())!
        defer { gsl_rng_free(rng) }
        gsl_rng_set(rng, seed)
        let days = years * SicknessFit.seasonDays
        let p0 = sickDaysPerYear / 365 / meanSpellDays
        let shape = 1 / (severityCV * severityCV)
        let factors = (0..<years).map { _ in gsl_ran_gamma(rng, shape, 1 / shape) }
        var sick = [[Bool]](repeating: [Bool](repeating: false, count: days), count: engineers)
        for i in 0..<engineers {
            var d = 0
            while d < days {
                if gsl_rng_uniform(rng) < p0 * factors[d / SicknessFit.seasonDays] {
                    let length = Int(gsl_ran_geometric(rng, 1 / meanSpellDays))
                    for day in d..<min(days, d + length) { sick[i][day] = true }
                    d += length
                } else {
                    d += 1
                }
            }
        }
        return sick
    }

    /// 200 fits of 8 years each at a true CV of 0.3. With a true coverage of 95%, the number of 200
    /// intervals that cover is Binomial(200, 0.95): it falls in 180…198 (90–99%) with probability
    /// 0.999, so a count outside the band points at the interval.
    @Test func severityIntervalsCoverTheTruth() throws {
        var fitted = 0, covered = 0
        for seed in UInt(1)...200 {
            let fit = try #require(try SicknessFit(sick: Self.sickGrid(years: 8, severityCV: 0.3, seed: seed)))
            guard let severity = fit.severityCV else { continue }
            fitted += 1
            covered += severity.covers(0.3) ? 1 : 0
        }
        #expect(fitted == 200)
        #expect((180...198).contains(covered), "\(covered) of 200 intervals cover 0.3")
    }

    /// One year is one season: the spread between years cannot be seen, so it is not fitted.
    @Test func oneYearLeavesSeverityOut() throws {
        let fit = try #require(try SicknessFit(sick: Self.sickGrid(years: 1, severityCV: 0.3, seed: 1)))
        #expect(fit.severityCV == nil)
        #expect(fit.sickDaysPerYear.value > 0)
    }
}
