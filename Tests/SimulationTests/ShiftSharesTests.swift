import Testing
@testable import Simulation

@Suite struct ShiftSharesTests {
    /// `capacity` adds only the nonzero shares: for shares with many zeros and capacities that
    /// include 0 and a rounding residue below it (−2^-60, as subtracting SEs' factors can leave),
    /// every segment's sum is the same bits as the sum over all groups × 3 shares in their order.
    @Test func sparseSumIsTheFullSumBitForBit() {
        var random = SplitMix64(seed: 2026)
        let (groups, segments, days) = (3, 7, 10)
        for _ in 0..<200 {
            let shares = (0..<groups * ShiftShares.days * segments).map { _ in random.unit() < 0.6 ? 0 : random.unit() }
            let capacities = (0..<groups * (days + 1)).map { _ -> Double in
                switch random.next() % 4 {
                case 0: 0
                case 1: -0x1p-60
                default: random.unit() * 20
                }
            }
            let table = ShiftShares(shares, segments: segments)
            let capacity = DayGrid(capacities, days: days)
            for d in 0..<days {
                for s in 0..<segments {
                    var full = 0.0
                    for g in 0..<groups {
                        for offset in 0..<min(ShiftShares.days, d + 2) {
                            full += shares[(g * ShiftShares.days + offset) * segments + s] * capacity[g, day: d - offset]
                        }
                    }
                    let sparse = table.capacity(day: d, segment: s, groups: groups, from: capacity)
                    #expect(sparse.bitPattern == full.bitPattern, "day \(d), segment \(s): \(sparse) against \(full)")
                }
            }
        }
    }

    /// `capacities` over a run of days (from day 0, from day 1, inside, to the last day, one
    /// day, none) writes every segment's `capacity` for those days, the same bits, and nothing
    /// outside the run.
    @Test func capacitiesOverARunAreEachSegmentsSum() {
        var random = SplitMix64(seed: 2027)
        let (groups, segments, days) = (3, 6, 12)
        for _ in 0..<100 {
            let shares = (0..<groups * ShiftShares.days * segments).map { _ in random.unit() < 0.6 ? 0 : random.unit() }
            let capacities = (0..<groups * (days + 1)).map { _ in random.next() % 4 == 0 ? -0x1p-60 : random.unit() * 20 }
            let table = ShiftShares(shares, segments: segments)
            let capacity = DayGrid(capacities, days: days)
            for range in [0..<days, 1..<days, 0..<1, 3..<7, 11..<12, 5..<5] {
                var sums = [Double](repeating: .nan, count: segments * days)
                sums.withUnsafeMutableBufferPointer { table.capacities(days: range, groups: groups, from: capacity, into: $0.baseAddress!, days: days) }
                for s in 0..<segments {
                    for d in 0..<days {
                        let summed = sums[s * days + d]
                        if range.contains(d) {
                            let expected = table.capacity(day: d, segment: s, groups: groups, from: capacity)
                            #expect(summed.bitPattern == expected.bitPattern, "days \(range), day \(d), segment \(s)")
                        } else {
                            #expect(summed.isNaN, "days \(range), day \(d), segment \(s) written outside the run")
                        }
                    }
                }
            }
        }
    }
}
