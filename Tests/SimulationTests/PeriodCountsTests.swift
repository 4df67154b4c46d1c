import Calendars
import Testing
@testable import Simulation

/// `PeriodCounts.record` takes a week's counts at ≥ k as suffix sums of its levels' counts, and adds a
/// level's products over the busy weeks only or over whole rows (when many weeks are busy); all
/// must give the plain definition's sums.
@Suite struct PeriodCountsTests {
    /// 600 trials of a year's weekday checks (two a day, 52 weeks) with random levels. Every
    /// histogram bin and product equals a direct count over the trials.
    @Test func recordMatchesThePlainDefinition() {
        let first = CivilDate(iso: "2027-01-04")!
        let dates = (0..<364).map { first.adding(days: $0) }.filter { $0.weekday.rawValue <= 5 }.flatMap { [$0, $0] }
        let levelCount = 5
        var counts = PeriodCounts(checkDates: dates, levelCount: levelCount)
        let weeks = counts.periodStarts.count
        #expect(weeks == 52)
        var products = [Int](repeating: 0, count: (levelCount - 1) * weeks * (weeks - 1) / 2)
        var histograms = [Int](repeating: 0, count: (levelCount - 1) * counts.histogramStride)
        var state: UInt64 = 26
        for trial in 0..<600 {
            // Each trial its own chance of a check above level 1, 0 to 0.1, so that the busy weeks
            // at a level range from none through a few (the busy-weeks loop) to most (whole rows).
            let high = Double(trial % 7) / 60
            let levels: [UInt8] = dates.indices.map { _ in
                state = StreamSeed.mix(state &+ 1)
                let u = Double(state >> 11) / Double(1 << 53)
                return u < high ? UInt8(1 + Int(u * 1000) % (levelCount - 1)) : 0
            }
            counts.record(levelsOfChecks: levels)
            for k in 2...levelCount {
                var week = [Int](repeating: 0, count: weeks)
                for (c, level) in levels.enumerated() where Int(level) + 1 >= k { week[counts.checkPeriods[c]] += 1 }
                for p in 0..<weeks {
                    histograms[(k - 2) * counts.histogramStride + counts.histogramOffsets[p] + week[p]] += 1
                    for q in (p + 1)..<weeks { products[(k - 2) * counts.pairCount + counts.pairIndex(p, q)] += week[p] * week[q] }
                }
            }
        }
        #expect(counts.histograms == histograms)
        #expect(counts.products == products)
        #expect(products.contains { $0 > 0 })
    }
}

extension PeriodCounts {
    /// Records a trial from its 0-based level at every check, counting per week what
    /// `Tally.recordTrial` counts in its pass over the levels.
    mutating func record(levelsOfChecks levels: [UInt8]) {
        var weekLevels = [Int](repeating: 0, count: levelCount * periodStarts.count)
        for (c, level) in levels.enumerated() { weekLevels[Int(level) * periodStarts.count + checkPeriods[c]] += 1 }
        record(weekLevels: &weekLevels, highest: Int(levels.max() ?? 0))
    }
}
