import Calendars

/// What a worker counts over its trials. Every field is an integer, so merging the tallies of the
/// workers gives the same totals whatever thread ran which block: the basis of identical output
/// for any `--threads`.
///
/// Memory is fixed by the scenario (checks × bins), never by the trial count, and grows with the
/// inflow only as the logarithm of the largest backlog (`LogBuckets`).
///
/// `Codable` (synthesised from the stored properties) is how a shard's counts travel to the merge
/// (`PartialResult` in Reports): a field added here is carried without further changes.
public struct Tally: Sendable, Codable {
    /// The most trials one tally may count: histogram bins are 32-bit, so that a long horizon's
    /// tallies stay small, and 4·10^9 trials take days on any machine.
    public static let maximumTrials = 4_000_000_000

    /// Throws unless a run of `trials` trials fits one tally.
    static func checkTrialCount(_ trials: Int) throws(SimulationError) {
        guard (1...maximumTrials).contains(trials) else {
            throw SimulationError("a run has 1 to \(maximumTrials) trials, not \(trials)")
        }
    }
    /// Loads are counted in whole hundredths (rounded down), in `LogBuckets`: exact below 1.28,
    /// within 0.8% above.
    static let loadUnitsPerCase = 100.0
    /// Loads are summed in fixed point (units of 2^-16, rounded half up) so that the sum does not
    /// depend on the order of trials.
    static let loadScale = 65_536.0
    /// Loads are counted and summed at most at this: 10^14 cases per SE, never reached within the
    /// validated ranges, keeps the fixed point far from overflow.
    static let largestLoad = 1e14

    public let checkCount: Int
    public let levelCount: Int
    public let groupSizes: [Int]
    public internal(set) var trials = 0
    /// `[check * levelCount + level]`
    public internal(set) var levels: [Int]
    public private(set) var openSums: [ExactSum]
    /// Open cases per check in `LogBuckets`.
    public private(set) var openHistogram: [UInt32]
    public private(set) var loadFixedSums: [ExactSum]
    /// Per check: trials whose load was +infinity (cases open, nobody working); they are not in
    /// `loadHistogram`.
    public private(set) var infiniteLoads: [Int]
    /// Finite loads per check in hundredths, in `LogBuckets`.
    public private(set) var loadHistogram: [UInt32]
    /// `[(check * groups + g) * (size + 1) + headcount]` with the largest group size.
    public private(set) var headcountHistogram: [UInt32]
    /// Per level k (0-based): trials that reached ≥ k at least once, checks at ≥ k, and the
    /// histogram of the longest run of consecutive checks at ≥ k `[k * (checks + 1) + run]`.
    public private(set) var reached: [Int]
    public private(set) var checksAtOrAbove: [Int]
    public private(set) var longestRuns: [Int]
    /// Per trial and calendar week, the checks at ≥ k: what the backtest's verdict is judged against.
    public private(set) var periodCounts: PeriodCounts

    let maxGroupSize: Int

    init(checkDates: [CivilDate], levelCount: Int, groupSizes: [Int]) {
        self.checkCount = checkDates.count
        self.levelCount = levelCount
        self.groupSizes = groupSizes
        self.maxGroupSize = groupSizes.max() ?? 0
        levels = Array(repeating: 0, count: checkCount * levelCount)
        openSums = Array(repeating: ExactSum(), count: checkCount)
        openHistogram = []
        loadFixedSums = Array(repeating: ExactSum(), count: checkCount)
        infiniteLoads = Array(repeating: 0, count: checkCount)
        loadHistogram = []
        headcountHistogram = Array(repeating: 0, count: checkCount * groupSizes.count * (maxGroupSize + 1))
        reached = Array(repeating: 0, count: levelCount)
        checksAtOrAbove = Array(repeating: 0, count: levelCount)
        longestRuns = Array(repeating: 0, count: levelCount * (checkCount + 1))
        periodCounts = PeriodCounts(checkDates: checkDates, levelCount: levelCount)
    }

    /// A finite load in whole hundredths, as `loadHistogram` counts it. O(1). `load` ≥ 0 and not
    /// NaN (open cases over a positive headcount, or 0), so the product is in [0, 1e16], inside
    /// the unchecked conversion's range.
    @inline(__always)
    static func loadUnits(_ load: Double) -> Int { (min(load, largestLoad) * loadUnitsPerCase).truncatedInRange }

    /// Records one trial from what it saw at every reported check, in time order: its level, the
    /// open cases and the working headcount per group (`[check * groups + g]`). A trial resumed
    /// from a base's checkpoint counts the checks before `firstCheck` only in the horizon
    /// statistics (its levels there are the base's); their per-check counts are the base's,
    /// copied once the run ends (`copyChecks`), and `largestOpenBefore` is the largest open count
    /// among them, so that the histograms grow as they would from day one.
    ///
    /// Two passes over the checks: the levels' (the horizon statistics, the weekly counts' levels
    /// per week, and the largest open count, which the histograms grow to), then the per-check
    /// counts. Both write through pointers and wrap: indices are within the arrays, and no count
    /// can pass 2^32 − 1 (`maximumTrials`), so the checks for overflow would never fire.
    mutating func recordTrial(
        levels trialLevels: UnsafeBufferPointer<UInt8>, open: UnsafeBufferPointer<Int>, headcounts: UnsafeBufferPointer<Int32>,
        fromCheck firstCheck: Int = 0, largestOpenBefore: Int = 0
    ) {
        trials += 1
        let (levelCount, checkCount) = (self.levelCount, self.checkCount)
        let weeks = periodCounts.periodStarts.count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: (3 &+ weeks) &* levelCount) { scratch in
            scratch.initialize(repeating: 0)
            let runStart = scratch.baseAddress!, longest = runStart + levelCount, atLevel = runStart + 2 * levelCount
            let weekLevels = runStart + 3 * levelCount
            // A run at ≥ k starts where the level rises to k or past it and ends where it falls
            // below k, so a check costs work only for the levels between its own and the previous
            // check's; checks at ≥ k are a suffix sum of the levels' counts. A finite load is at
            // most the open cases (someone works), so the largest open count bounds both histograms.
            var largestOpen = largestOpenBefore, previous = 0
            periodCounts.checkPeriods.withUnsafeBufferPointer { checkPeriods in
                for c in 0..<checkCount {
                    let l = Int(trialLevels[c])
                    atLevel[l] &+= 1
                    weekLevels[l &* weeks &+ checkPeriods[c]] &+= 1
                    if c >= firstCheck { largestOpen = max(largestOpen, open[c]) }
                    if l > previous {
                        for k in (previous &+ 1)...l { runStart[k] = c }
                    } else if l < previous {
                        for k in (l &+ 1)...previous { longest[k] = max(longest[k], c &- runStart[k]) }
                    }
                    previous = l
                }
            }
            if previous > 0 {
                for k in 1...previous { longest[k] = max(longest[k], checkCount &- runStart[k]) }
            }
            longest[0] = checkCount
            var highest = 0
            reached.withUnsafeMutableBufferPointer { reached in
            checksAtOrAbove.withUnsafeMutableBufferPointer { checksAtOrAbove in
            longestRuns.withUnsafeMutableBufferPointer { longestRuns in
                var atOrAbove = 0
                for k in stride(from: levelCount - 1, through: 0, by: -1) {
                    atOrAbove &+= atLevel[k]
                    if atOrAbove > 0 {
                        reached[k] &+= 1
                        highest = max(highest, k)
                    }
                    checksAtOrAbove[k] &+= atOrAbove
                    longestRuns[k &* (checkCount &+ 1) &+ longest[k]] &+= 1
                }
            }
            }
            }
            periodCounts.record(weekLevels: weekLevels, highest: highest)
            // The histograms grow (rarely) before the second pass, so that it writes through pointers.
            Self.reserve(&openHistogram, for: largestOpen, checks: checkCount)
            Self.reserve(&loadHistogram, for: Self.loadUnits(Double(largestOpen)), checks: checkCount)
        }
        recordChecks(open: open, headcounts: headcounts, levels: trialLevels, from: firstCheck)
    }

    /// The per-check counts of checks `firstCheck..<checkCount`: the level, the open cases, the
    /// load and the headcounts, into histograms already grown to hold them.
    private mutating func recordChecks(
        open: UnsafeBufferPointer<Int>, headcounts: UnsafeBufferPointer<Int32>, levels trialLevels: UnsafeBufferPointer<UInt8>, from firstCheck: Int
    ) {
        let groups = groupSizes.count
        let (levelCount, checkCount) = (self.levelCount, self.checkCount)
        let histogramStride = maxGroupSize + 1
        levels.withUnsafeMutableBufferPointer { levels in
        openSums.withUnsafeMutableBufferPointer { openSums in
        openHistogram.withUnsafeMutableBufferPointer { openHistogram in
        loadFixedSums.withUnsafeMutableBufferPointer { loadFixedSums in
        infiniteLoads.withUnsafeMutableBufferPointer { infiniteLoads in
        loadHistogram.withUnsafeMutableBufferPointer { loadHistogram in
        headcountHistogram.withUnsafeMutableBufferPointer { headcountHistogram in
            for c in firstCheck..<checkCount {
                let o = open[c]
                levels[c &* levelCount &+ Int(trialLevels[c])] &+= 1
                openSums[c].add(o)
                openHistogram[LogBuckets.index(check: c, value: o, checks: checkCount)] &+= 1
                var working = 0
                for g in 0..<groups {
                    let h = Int(headcounts[c &* groups &+ g])
                    working &+= h
                    headcountHistogram[(c &* groups &+ g) &* histogramStride &+ h] &+= 1
                }
                if working == 0 && o > 0 {
                    infiniteLoads[c] &+= 1
                } else {
                    let load = min(working == 0 ? 0 : Double(o) / Double(working), Self.largestLoad)
                    // In [0, 6.6e18] (see `loadUnits`): inside the unchecked conversion's range.
                    loadFixedSums[c].add((load * Self.loadScale + 0.5).truncatedInRange)
                    loadHistogram[LogBuckets.index(check: c, value: Self.loadUnits(load), checks: checkCount)] &+= 1
                }
            }
        }
        }
        }
        }
        }
        }
        }
    }

    /// Takes the per-check counts of the checks before `end` from `other`, a tally of the same
    /// trials of a base model that cannot differ from this one before those checks: what a run
    /// resumed from the base's checkpoints did not record (`recordTrial(…fromCheck:)`). The
    /// histograms already have the size they would have from day one (`largestOpenBefore`), and
    /// hold those checks' counts, so the tally equals one recorded from day one, bit for bit.
    /// O(checks × buckets).
    mutating func copyChecks(before end: Int, from other: Tally) {
        precondition(other.checkCount == checkCount && other.levelCount == levelCount && other.trials == trials
                     && other.groupSizes.count == groupSizes.count, "copying checks from another run's tally")
        guard end > 0 else { return }
        levels[0..<(end * levelCount)] = other.levels[0..<(end * levelCount)]
        openSums[0..<end] = other.openSums[0..<end]
        loadFixedSums[0..<end] = other.loadFixedSums[0..<end]
        infiniteLoads[0..<end] = other.infiniteLoads[0..<end]
        // A group may be larger in one model (an SE added later): the rows have other lengths,
        // and those checks count no headcount beyond the smaller.
        let (mine, theirs) = (maxGroupSize + 1, other.maxGroupSize + 1)
        for row in 0..<(end * groupSizes.count) {
            for h in 0..<min(mine, theirs) { headcountHistogram[row * mine + h] = other.headcountHistogram[row * theirs + h] }
        }
        Self.copyBuckets(&openHistogram, from: other.openHistogram, before: end, checks: checkCount)
        Self.copyBuckets(&loadHistogram, from: other.loadHistogram, before: end, checks: checkCount)
    }

    /// Copies the `LogBuckets` counts of checks 0..<end as far as `counts` reaches (beyond, the
    /// other run's later checks grew it; those checks have nothing there).
    private static func copyBuckets(_ counts: inout [UInt32], from other: [UInt32], before end: Int, checks: Int) {
        let buckets = min(counts.count, other.count) / checks
        for c in 0..<end {
            for b in 0..<buckets {
                let i = LogBuckets.index(check: c, bucket: b, checks: checks)
                counts[i] = other[i]
            }
        }
    }

    /// Grows a `LogBuckets` array so that it holds `value`'s bucket.
    private static func reserve(_ counts: inout [UInt32], for value: Int, checks: Int) {
        let size = LogBuckets.size(through: LogBuckets.bucket(value), checks: checks)
        if counts.count < size { counts += repeatElement(0, count: size - counts.count) }
    }

    /// Adds another worker's (or shard's) counts.
    public mutating func merge(_ other: Tally) {
        trials += other.trials
        func add<T: FixedWidthInteger>(_ a: inout [T], _ b: [T]) { for i in a.indices { a[i] &+= b[i] } }
        add(&levels, other.levels)
        for c in openSums.indices { openSums[c].add(other.openSums[c]) }
        LogBuckets.add(other.openHistogram, into: &openHistogram)
        for c in loadFixedSums.indices { loadFixedSums[c].add(other.loadFixedSums[c]) }
        add(&infiniteLoads, other.infiniteLoads)
        LogBuckets.add(other.loadHistogram, into: &loadHistogram)
        add(&headcountHistogram, other.headcountHistogram)
        add(&reached, other.reached)
        add(&checksAtOrAbove, other.checksAtOrAbove)
        add(&longestRuns, other.longestRuns)
        periodCounts.merge(other.periodCounts)
    }
}
