import CGSL
import Calendars
import Foundation
import OutputFormats
import Statistics

/// `base_per_day`, `weekday_factors`, `holiday_factor`, the distribution and `demand_cv` from the
/// cases created on each day (docs/MODEL.md §4: N_d ~ Poisson or negative binomial with mean
/// base × weekday factor × holiday factor × D).
///
/// The days are grouped into 4-week periods (the last takes the days left over), each with its own
/// demand level, so that the day-level fit measures day-to-day noise alone and the periods' levels
/// measure `demand_cv`. Weekday factors are normalised to average 1 over the seven days, so
/// `base_per_day` is the mean of an ordinary (non-holiday) day across the week.
public struct InflowFit: Sendable {
    public let basePerDay: Estimate
    /// Every weekday's; a weekday without a single case in the range has factor 0.
    public let weekdayFactors: [Weekday: Estimate]
    /// nil when no day of the range is a customer holiday.
    public let holidayFactor: Estimate?
    /// nil when the likelihood-ratio test keeps the Poisson distribution.
    public let dispersion: Estimate?
    /// The likelihood-ratio test's p-value for over-dispersion.
    public let dispersionPValue: Double
    /// nil with fewer than two 4-week periods.
    public let demandCV: Estimate?
    /// Observed and fitted mean cases per ordinary day of each weekday.
    public let weekdayMeans: [(weekday: Weekday, observed: Double, fitted: Double)]
    /// The fitted mean of each day (period level included), for the daily chart.
    public let fittedMeans: [Double]
    public let periods: Int
    /// Pearson χ² of the days over its degrees of freedom: about 1 when the model fits.
    public let pearsonRatio: Double

    /// The trend, fitted unless `--trend off` or too little history; nil then.
    public let trend: TrendFit?
    /// Whether the trend goes into the scenario: `--trend on`, or `auto` and significant at 5%.
    public let trendWritten: Bool
    /// Why `auto` fitted no trend on enough history (the numerics failed); nil otherwise.
    public let trendProblem: String?
    /// Month-of-year factors, with a year or more of history unless `--season off`; nil otherwise.
    public let season: SeasonFit?

    public static let periodDays = 28

    /// `--trend`: fit a trend and write it when significant (`auto`), always (`on`), or never (`off`).
    public enum TrendMode: String, Sendable, CaseIterable { case auto, on, off }

    /// - Complexity: O(iterations × days × parameters²); parameters = 7 + periods + 2.
    public init(counts: [Int], dates: [CivilDate], isHoliday: [Bool], trend mode: TrendMode = .off, season seasonMode: TrendMode = .off) throws {
        let n = counts.count
        let periods = max(1, n / Self.periodDays)
        self.periods = periods
        let period = (0..<n).map { min($0 / Self.periodDays, periods - 1) }
        let weekdays = Weekday.allCases
        var totals = [Weekday: Int]()
        for (i, date) in dates.enumerated() { totals[date.weekday, default: 0] += counts[i] }
        // A weekday without cases has factor 0 and no parameter (its log would be −∞).
        let present = weekdays.filter { (totals[$0] ?? 0) > 0 }
        let used = (0..<n).filter { (totals[dates[$0].weekday] ?? 0) > 0 }
        let hasHolidays = used.contains { isHoliday[$0] }
        // A period without a single case is a gap in the export, not a demand level of zero.
        for j in 0..<periods where !(0..<n).contains(where: { period[$0] == j && counts[$0] > 0 }) {
            let days = (0..<n).filter { period[$0] == j }
            throw CalibrationError("no case was created \(dates[days.first!])…\(dates[days.last!]); check that \(term: .from) and \(term: .to) lie within the export's dates")
        }

        // Columns: one per present weekday, one per period after the first, the holiday indicator.
        let p = present.count + (periods - 1) + (hasHolidays ? 1 : 0)
        let design = used.map { i in
            [present.firstIndex(of: dates[i].weekday)!]
                + (period[i] > 0 ? [present.count + period[i] - 1] : [])
                + (hasHolidays && isHoliday[i] ? [p - 1] : [])
        }
        let regression = CountRegression(counts: used.map { Double(counts[$0]) }, columns: design, parameterCount: p)
        var start = [Double](repeating: 0, count: p)
        for (w, day) in present.enumerated() {
            let days = used.filter { dates[$0].weekday == day }
            start[w] = log(Double(totals[day]!) / Double(days.count))
        }
        let poisson = try regression.fit(start: start, dispersion: nil)
        // Without excess variance at the Poisson fit the negative binomial's maximum is Poisson itself.
        let profile = regression.momentInverseDispersion(poisson.coefficients) > 0
            ? try DispersionProfile(regression, start: poisson.coefficients) : nil
        // Poisson is the boundary k = ∞ of the negative binomial: the statistic is a 50:50 mixture
        // of 0 and χ²(1), so the p-value is half the χ²(1) tail.
        let statistic = max(0, 2 * ((profile?.maximumLogLikelihood ?? poisson.logLikelihood) - poisson.logLikelihood))
        dispersionPValue = 0.5 * gsl_cdf_chisq_Q(statistic, 1)
        var fit = poisson
        var dispersionEstimate: Estimate?
        if let profile, dispersionPValue < 0.05 {
            let estimate = try profile.adjustedEstimate(pValue: dispersionPValue)
            dispersionEstimate = estimate
            fit = try regression.fit(start: poisson.coefficients, dispersion: estimate.value)
        }
        dispersion = dispersionEstimate
        let overDispersed = dispersionEstimate != nil
        let k = fit.dispersion
        let covariance = try regression.covariance(fit)

        // Weekday factors f_w = exp(a_w) / A, A the mean of exp(a) over the seven days.
        let a = Array(fit.coefficients[0..<present.count])
        let meanLevel = a.map { exp($0) }.reduce(0, +) / 7
        var factors = [Weekday: Estimate]()
        for (w, day) in present.enumerated() {
            // Delta method for log f_w = a_w − log A: gradient e_w − exp(a_v) / (7A).
            let gradient = (0..<present.count).map { v in (v == w ? 1 : 0) - exp(a[v]) / (7 * meanLevel) }
            var variance = 0.0
            for u in 0..<present.count { for v in 0..<present.count { variance += gradient[u] * gradient[v] * covariance[u * p + v] } }
            let f = exp(a[w]) / meanLevel
            let half = Proportion.z95 * variance.squareRoot()
            factors[day] = Estimate(
                value: f, low: f * exp(-half), high: f * exp(half),
                method: "maximum likelihood (\(overDispersed ? "negative binomial" : "Poisson") regression on the daily counts with a level per 4-week period); Wald interval on the log scale, from the Fisher information")
        }
        for day in weekdays where factors[day] == nil {
            factors[day] = Estimate(value: 0, low: 0, high: 0, method: "no case was created on a \(day.abbreviation) in the range")
        }
        weekdayFactors = factors

        var holiday: Estimate?
        if hasHolidays {
            let eta = fit.coefficients[p - 1], half = Proportion.z95 * covariance[p * p - 1].squareRoot()
            holiday = Estimate(
                value: exp(eta), low: exp(eta - half), high: exp(eta + half),
                method: "ratio of a holiday's mean to an ordinary day's of the same weekday, in the same regression; Wald interval on the log scale")
        }
        holidayFactor = holiday

        // Each period's level: its cases over what base 1 would give it; base is their mean.
        let unitMeans = (0..<n).map { i in
            (factors[dates[i].weekday]?.value ?? 0) * (isHoliday[i] ? (holiday?.value ?? 1) : 1)
        }
        var observed = [Double](repeating: 0, count: periods), unit = [Double](repeating: 0, count: periods)
        var unitSquares = [Double](repeating: 0, count: periods)
        for i in 0..<n {
            observed[period[i]] += Double(counts[i])
            unit[period[i]] += unitMeans[i]
            unitSquares[period[i]] += unitMeans[i] * unitMeans[i]
        }
        let levels = (0..<periods).map { observed[$0] / unit[$0] }
        let base = levels.reduce(0, +) / Double(periods)
        let baseEstimate: Estimate
        if periods >= 2 {
            let sd = gsl_stats_sd(levels, 1, periods)
            let half = (try Quantile.studentT(0.975, degreesOfFreedom: Double(periods - 1)).get()) * sd / Double(periods).squareRoot()
            baseEstimate = Estimate(
                value: base, low: max(0, base - half), high: base + half,
                method: "mean of the \(periods) four-week periods' levels (cases over the weekday- and holiday-adjusted days); t interval over the periods, which includes the demand shocks between them")
        } else {
            let variance = (0..<n).reduce(0.0) { s, i in
                let mu = base * unitMeans[i]
                return s + mu + (k.map { mu * mu / $0 } ?? 0)
            }
            let half = Proportion.z95 * variance.squareRoot() / unit[0]
            baseEstimate = Estimate(
                value: base, low: max(0, base - half), high: base + half,
                method: "cases over the weekday- and holiday-adjusted days; Wald interval from the day-to-day noise only (one period: demand shocks cannot be seen)")
        }

        var trendFit: TrendFit?
        var trendProblem: String?
        if mode != .off && n >= TrendFit.minimumDays && periods >= 3 {
            let years = (0..<n).map { Double($0 - (n - 1)) / 365.25 }
            let members = (0..<periods).map { j in (0..<n).filter { period[$0] == j } }
            do {
                trendFit = try TrendFit(observed: observed, unitMeans: members.map { $0.map { unitMeans[$0] } }, years: members.map { $0.map { years[$0] } })
            } catch let error as GSLError where mode == .auto {
                // Asked for nothing in particular, the rest of the fit stands without a trend.
                trendProblem = "the trend fit failed in GSL's numerics (\(error)): no trend written"
            }
        }
        trend = trendFit
        self.trendProblem = trendProblem
        let written = trendFit.map { mode == .on || $0.pValue < 0.05 } ?? false
        trendWritten = written
        // With a trend written, the base is its level on the last day, and the shocks are the
        // periods' spread around the trend, not around a constant level.
        basePerDay = written ? trendFit!.baseAtReference : baseEstimate
        let expected = written ? trendFit!.expected : unit.map { base * $0 }
        // A period's variance beyond its shock: Poisson, and the days' own dispersion when negative binomial.
        let dailyShare = (0..<periods).map { j in unitSquares[j] / (unit[j] * unit[j]) }
        func shocks(around expected: [Double], _ what: String, fitted: Double = 1) throws -> Estimate? {
            let modelVariance = (0..<periods).map { j in expected[j] + (k.map { expected[j] * expected[j] * dailyShare[j] / $0 } ?? 0) }
            return try ExtraVariation.estimate(observed: observed, expected: expected, modelVariance: modelVariance, fitted: fitted).map { cv in
                Estimate(
                    value: cv.value, low: cv.low, high: cv.high,
                    method: "spread of the \(periods) four-week periods' totals\(what) beyond the day-to-day noise (Q-profile: 0 when not detectable); interval from the χ²(\(NumberFormat.fixed(max(1, Double(periods) - fitted), fitted == 1 ? 0 : 1))) quantiles")
            }
        }
        var cv = try shocks(around: expected, written ? " around the trend" : "")

        if seasonMode != .off && n >= SeasonFit.minimumDays {
            let daily = written ? (0..<n).map { i in trendFit!.baseAtReference.value * exp(log1p(trendFit!.perYear.value) * Double(i - (n - 1)) / 365.25) * unitMeans[i] }
                : unitMeans.map { base * $0 }
            var fit = SeasonFit(counts: counts, expected: daily, months: dates.map(\.month), cv: cv?.value ?? 0, z: Proportion.z95)
            // The shocks are the periods' spread around the season, not around a flat level (where a
            // December dip and a January surge read as shocks, and the forecast's demand_cv would
            // count the season twice). The factors' shrinkage uses the shocks' CV, so the two are
            // refined together until the CV settles (a few rounds; at most 20).
            for _ in 0..<20 {
                var seasonal = [Double](repeating: 0, count: periods)
                for i in 0..<n { seasonal[period[i]] += daily[i] * (fit.factors[dates[i].month]?.value ?? 1) }
                // The month factors take their effective number of parameters from the periods' degrees of freedom.
                let next = try shocks(around: seasonal, written ? " around the trend and the month factors" : " around the month factors", fitted: 1 + fit.effectiveParameters)
                let settled = abs((next?.value ?? 0) - (cv?.value ?? 0)) < 1e-6
                cv = next
                fit = SeasonFit(counts: counts, expected: daily, months: dates.map(\.month), cv: cv?.value ?? 0, z: Proportion.z95)
                if settled { break }
            }
            season = fit
        } else {
            season = nil
        }
        demandCV = cv
        let means = (0..<n).map { levels[period[$0]] * unitMeans[$0] }
        fittedMeans = means
        var pearson = 0.0
        for i in 0..<n where means[i] > 0 {
            let variance = means[i] + (k.map { means[i] * means[i] / $0 } ?? 0)
            pearson += pow(Double(counts[i]) - means[i], 2) / variance
        }
        pearsonRatio = pearson / Double(max(1, used.count - p))
        weekdayMeans = weekdays.map { day in
            let ordinary = (0..<n).filter { dates[$0].weekday == day && !isHoliday[$0] }
            let observed = ordinary.isEmpty ? 0 : Double(ordinary.reduce(0) { $0 + counts[$1] }) / Double(ordinary.count)
            return (day, observed, base * (factors[day]?.value ?? 0))
        }
    }

    static func pValueText(_ p: Double) -> String {
        p < 0.0001 ? "< 0.0001" : NumberFormat.fixed(p, 4)
    }
}
