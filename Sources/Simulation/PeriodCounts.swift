import Calendars

/// Per trial, how many of a calendar week's checks were at level ≥ k, tallied over the trials:
/// per level and ISO week (Monday to Sunday) the distribution of that count, and per level and
/// pair of weeks the sum over trials of the product of their counts. From these the backtest takes
/// the forecast's own predictive distribution of a declared count: a week's exactly, and the mean
/// and variance of the count over any set of weeks (docs/BACKTEST.md, "The verdict").
///
/// Every table is an integer count, so merging is addition and the merged tally is the single
/// run's whatever the blocks, threads or shards. Its size is fixed by the scenario: per level,
/// checks + weeks histogram bins and weeks·(weeks − 1)/2 products (a year: 53 weeks, 1,378 pairs).
public struct PeriodCounts: Sendable, Codable {
    public let levelCount: Int
    /// The Monday of each week that holds a reported check, in order; a week without checks has none.
    public let periodStarts: [CivilDate]
    /// Per check, the index of its week in `periodStarts`.
    public let checkPeriods: [Int]
    /// Per week, how many reported checks it holds.
    public let periodChecks: [Int]
    /// Per level k = 2 … L and week, trials with n of the week's checks at ≥ k, n = 0 … checks:
    /// `[(k − 2) * histogramStride + histogramOffsets[week] + n]`.
    public private(set) var histograms: [Int]
    /// Per level k = 2 … L and pair of weeks p < q, the sum over trials of count(p) · count(q):
    /// `[(k − 2) * pairCount + pairIndex(p, q)]`.
    public private(set) var products: [Int]

    /// The ISO week's Monday of `date`.
    public static func weekStart(_ date: CivilDate) -> CivilDate { date.adding(days: 1 - date.weekday.rawValue) }

    /// Counts for checks on `checkDates` (in time order) under a policy of `levelCount` levels.
    public init(checkDates: [CivilDate], levelCount: Int) {
        self.levelCount = levelCount
        var starts: [CivilDate] = [], periods: [Int] = [], sizes: [Int] = []
        for date in checkDates {
            let start = Self.weekStart(date)
            if starts.last != start {
                starts.append(start)
                sizes.append(0)
            }
            periods.append(starts.count - 1)
            sizes[sizes.count - 1] += 1
        }
        periodStarts = starts
        checkPeriods = periods
        periodChecks = sizes
        let stride = sizes.reduce(0) { $0 + $1 + 1 }, levels = max(0, levelCount - 1)
        histograms = Array(repeating: 0, count: levels * stride)
        products = Array(repeating: 0, count: levels * starts.count * (starts.count - 1) / 2)
    }

    /// Histogram bins per level: one per possible count of each week.
    public var histogramStride: Int { periodChecks.reduce(0) { $0 + $1 + 1 } }
    /// Where a week's bins begin within a level's.
    public var histogramOffsets: [Int] { periodChecks.indices.map { p in periodChecks[..<p].reduce(0) { $0 + $1 + 1 } } }
    public var pairCount: Int { periodStarts.count * (periodStarts.count - 1) / 2 }
    /// The index of weeks p < q among the pairs, row by row (as `record` computes it inline).
    public func pairIndex(_ p: Int, _ q: Int) -> Int { p * (2 * periodStarts.count - p - 1) / 2 + q - p - 1 }

    /// Records one trial from its checks' levels counted per week: `weekLevels[l * weeks + p]` is
    /// how many of week p's checks were at the 0-based level l, and `highest` is the highest level
    /// of any check (`Tally.recordTrial` counts both in its one pass over the trial's levels). A
    /// week's count at ≥ k is a suffix sum over its levels, one addition a level and week, made in
    /// place: the buffer is the scratch space too (row l becomes the counts at level ≥ l, row 0
    /// the busy weeks), so that recording a trial allocates nothing here.
    ///
    /// A level's products are added row by row for the weeks with a check at ≥ k: over those
    /// weeks only when they are few (at high levels), over every later week when they are many
    /// (a zero count adds nothing, and the dense row is a loop the compiler vectorises). Both
    /// add the same integers; the sums cannot overflow (a product is at most a week's checks
    /// squared, and a run has at most `Tally.maximumTrials` trials), so the additions wrap rather
    /// than check, as do the counts and the indices (all within the tables).
    ///
    /// - Complexity: O(levels × (weeks + pairs of weeks with a check at ≥ k)).
    mutating func record(weekLevels: UnsafeMutablePointer<Int>, highest: Int) {
        let weeks = periodStarts.count, tracked = levelCount - 1
        guard tracked > 0, weeks > 0 else { return }
        let binStride = histogramStride, pairs = pairCount, sizes = periodChecks
        // Row k + 1 holds the counts at ≥ k + 1, the 1-based level k's row; row 0 the busy weeks.
        let counts = weekLevels + weeks, busy = weekLevels
        histograms.withUnsafeMutableBufferPointer { histograms in
        products.withUnsafeMutableBufferPointer { products in
            var offset = 0
            for p in 0..<weeks {
                var atOrAbove = 0, l = tracked
                while l > 0 {
                    atOrAbove &+= weekLevels[l &* weeks &+ p]
                    weekLevels[l &* weeks &+ p] = atOrAbove
                    histograms[(l &- 1) &* binStride &+ offset &+ atOrAbove] &+= 1
                    l &-= 1
                }
                offset &+= sizes[p] &+ 1
            }
            // Levels above the trial's highest have no week with a check at ≥ k: no product.
            for k in 0..<highest {
                let row = counts + k &* weeks
                var n = 0
                for p in 0..<weeks where row[p] > 0 {
                    busy[n] = p
                    n &+= 1
                }
                for i in 0..<n {
                    let p = busy[i], a = row[p]
                    // The pair (p, q), q > p, is at `pairRow + q`: contiguous in q.
                    let pairRow = k &* pairs &+ p &* (2 &* weeks &- p &- 1) / 2 &- p &- 1
                    if 4 &* n > weeks {
                        // Counts are at most a week's checks: their product is one 32 × 32-bit
                        // multiply a lane, which the compiler sees only from the masks.
                        let a32 = a & 0xFFFF_FFFF
                        for q in (p &+ 1)..<weeks { products[pairRow &+ q] &+= a32 &* (row[q] & 0xFFFF_FFFF) }
                    } else {
                        for j in (i &+ 1)..<n { products[pairRow &+ busy[j]] &+= a &* row[busy[j]] }
                    }
                }
            }
        }
        }
    }

    /// Adds another worker's (or shard's) counts; wrapping, like `Tally.merge`, so that a damaged
    /// part cannot trap the merge.
    mutating func merge(_ other: PeriodCounts) {
        for i in histograms.indices { histograms[i] &+= other.histograms[i] }
        for i in products.indices { products[i] &+= other.products[i] }
    }

    /// Whether `other` (decoded from a shard's file) counts the same weeks and checks as this:
    /// the same layout values, not only tables of the same lengths, so that reading a week's
    /// distribution cannot index past a table.
    public func sameShape(as other: PeriodCounts) -> Bool {
        levelCount == other.levelCount && periodStarts == other.periodStarts && checkPeriods == other.checkPeriods
            && periodChecks == other.periodChecks && histograms.count == other.histograms.count && products.count == other.products.count
    }

    /// Trials with n checks at ≥ `level` in week `period`, n = 0 … the week's checks.
    public func distribution(level: Int, period: Int) -> ArraySlice<Int> {
        let start = (level - 2) * histogramStride + histogramOffsets[period]
        return histograms[start...(start + periodChecks[period])]
    }

    /// The sum over trials of the counts at ≥ `level` of weeks p < q multiplied.
    public func product(level: Int, _ p: Int, _ q: Int) -> Int { products[(level - 2) * pairCount + pairIndex(p, q)] }
}
