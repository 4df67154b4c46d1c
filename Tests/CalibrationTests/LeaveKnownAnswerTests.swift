import Calendars
import Calibration
import Foundation
import Testing

/// `LeaveFit` recovers the unbooked-leave model from leave drawn here, with its own generator
/// (independent of the simulation's kernel): each SE, day by day, starts a spell when free with
/// probability q_d = days a year / 365 / m × the month's factor, lasting 1 + a geometric number of
/// days with mean m, and each spell is booked a lead time ahead drawn from known bins.
@Suite struct LeaveKnownAnswerTests {
    /// SplitMix64: a small generator of the test's own.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform() -> Double { Double(next() >> 11) / 9_007_199_254_740_992 }
    }

    static let daysPerYear = 25.0, meanSpell = 5.0
    /// July × 1.8, August × 2.2, December × 1.5, the other months equal: a day-weighted mean of 1.
    static let monthFactors: [Int: Double] = {
        let high: [Int: Double] = [7: 1.8, 8: 2.2, 12: 1.5]
        let other: Double = (365.0 - 31.0 * 5.5) / 272.0
        var factors: [Int: Double] = [:]
        for month in 1...12 { factors[month] = high[month] ?? other }
        return factors
    }()
    /// Booked 0–6 days ahead (15%), 7–13 (10%), 14–27 (25%), 28–55 (30%), 56–90 (20%).
    static let leadBins: [(upTo: Int, share: Double)] = [(6, 0.15), (13, 0.10), (27, 0.25), (55, 0.30), (90, 0.20)]

    /// Two years (2024-07-01 to 2026-06-30) of 30 SEs' leave, and each spell's lead time.
    static func history(seed: UInt64) -> (leave: [[Bool]], dates: [CivilDate], leads: [Int]) {
        var g = Generator(state: seed)
        let first = CivilDate(year: 2024, month: 7, day: 1)!
        let dates = (0..<730).map { first.adding(days: $0) }
        var leads: [Int] = []
        let leave = (0..<30).map { _ -> [Bool] in
            var row = [Bool](repeating: false, count: dates.count)
            var left = 0
            for (d, date) in dates.enumerated() {
                if left == 0, g.uniform() < daysPerYear / 365 / meanSpell * monthFactors[date.month]! {
                    // 1 + G, G geometric on {0, 1, …} with mean m − 1: count failures of Bernoulli(1/m).
                    left = 1
                    while g.uniform() >= 1 / meanSpell { left += 1 }
                    var u = g.uniform(), from = 0
                    for bin in leadBins {
                        if u < bin.share || bin.upTo == leadBins.last!.upTo {
                            leads.append(from + min(bin.upTo - from, Int(u / bin.share * Double(bin.upTo - from + 1))))
                            break
                        }
                        u -= bin.share
                        from = bin.upTo + 1
                    }
                }
                if left > 0 { row[d] = true; left -= 1 }
            }
            return row
        }
        return (leave, dates, leads)
    }

    /// Over 100 histories: days_per_year's, mean_spell_days's and every lead-time share's 95%
    /// intervals cover the truth in 90–99 (Binomial(100, 0.95) lies there with probability 0.98);
    /// the shrunk month factors put August above 1.6 and a flat month below 1 on average.
    /// Spells that run into each other merge in the export, so the generator's rate is met only
    /// up to that (a few percent at 25 days a year), inside the intervals.
    @Test func intervalsCoverTheGeneratingModel() throws {
        var covered = [String: Int]()
        var august = 0.0, march = 0.0
        let fits = 100
        for seed in 1...UInt64(fits) {
            let (leave, dates, leads) = Self.history(seed: seed)
            let fit = try #require(try LeaveFit(leave: leave, dates: dates, leadTimes: leads))
            func count(_ name: String, _ estimate: Estimate, _ truth: Double) { if estimate.covers(truth) { covered[name, default: 0] += 1 } }
            count("days_per_year", fit.daysPerYear, Self.daysPerYear)
            count("mean_spell_days", fit.meanSpellDays, Self.meanSpell)
            let bins = try #require(fit.leadTime)
            // The fit's bins end at 6, 13, 27, 55, 90: the generator's.
            #expect(bins.map(\.upTo) == Self.leadBins.map(\.upTo))
            for (bin, truth) in zip(bins, Self.leadBins) { count("lead ≤ \(truth.upTo)", bin.share, truth.share) }
            august += fit.monthFactors[8]!.value / Double(fits)
            march += fit.monthFactors[3]!.value / Double(fits)
        }
        for name in ["days_per_year", "mean_spell_days"] + Self.leadBins.map({ "lead ≤ \($0.upTo)" }) {
            #expect((90...99).contains(covered[name] ?? 0), "\(name): \(covered[name] ?? 0) of \(fits)")
        }
        #expect(august > 1.6 && august < 2.3, "August \(august)")
        #expect(march > 0.55 && march < 0.95, "March \(march)")
    }

    /// Without leave there is nothing to fit; without booking dates there is no lead time.
    @Test func noSpellNoFitAndNoDatesNoLeadTime() throws {
        let dates = (0..<60).map { CivilDate(year: 2026, month: 1, day: 1)!.adding(days: $0) }
        #expect(try LeaveFit(leave: [[Bool](repeating: false, count: 60)], dates: dates, leadTimes: []) == nil)
        var row = [Bool](repeating: false, count: 60)
        for d in 10..<15 { row[d] = true }
        let fit = try #require(try LeaveFit(leave: [row], dates: dates, leadTimes: []))
        #expect(fit.leadTime == nil && fit.spells == 1 && fit.leaveDays == 5 && fit.meanSpellDays.value == 5)
        // One spell in 56 free days: q = 1/56, 365 × q × 5.
        #expect(abs(fit.daysPerYear.value - 365.0 / 56 * 5) < 1e-9)
    }
}
