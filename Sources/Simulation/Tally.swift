/// What a worker counts over its trials. Every field is an integer, so merging the tallies of the
/// workers gives the same totals whatever thread ran which block: the basis of identical output
/// for any `--threads`.
///
/// Memory is fixed by the scenario (checks × bins), never by the trial count.
///
/// `Codable` (synthesised from the stored properties) is how a shard's counts travel to the merge
/// (`PartialResult` in Reports): a field added here is carried without further changes.
public struct Tally: Sendable, Codable {
    /// Open cases at a check are counted exactly up to this; larger backlogs fall in the last bin.
    public static let openBins = 4096
    /// The most trials one tally may count: histogram bins are 32-bit, so that a long horizon's
    /// tallies stay small (about 57 KB a check), and 4·10^9 trials take days on any machine.
    public static let maximumTrials = 4_000_000_000

    /// Throws unless a run of `trials` trials fits one tally.
    static func checkTrialCount(_ trials: Int) throws(SimulationError) {
        guard (1...maximumTrials).contains(trials) else {
            throw SimulationError("a run has 1 to \(maximumTrials) trials, not \(trials)")
        }
    }
    /// Load is counted in bins of 1/100 up to 100; the last bin holds 100 and more, and +infinity.
    public static let loadBins = 10_001
    /// Loads are summed in fixed point (units of 2^-16, rounded half up) so that the sum does not
    /// depend on the order of trials.
    static let loadScale = 65_536.0

    public let checkCount: Int
    public let levelCount: Int
    public let groupSizes: [Int]
    public private(set) var trials = 0
    /// `[check * levelCount + level]`
    public private(set) var levels: [Int]
    public private(set) var openSums: [ExactSum]
    public private(set) var openHistogram: [UInt32]
    public private(set) var loadFixedSums: [ExactSum]
    public private(set) var infiniteLoads: [Int]
    public private(set) var loadHistogram: [UInt32]
    /// `[(check * groups + g) * (size + 1) + headcount]` with the largest group size.
    public private(set) var headcountHistogram: [UInt32]
    /// Per level k (0-based): trials that reached ≥ k at least once, checks at ≥ k, and the
    /// histogram of the longest run of consecutive checks at ≥ k `[k * (checks + 1) + run]`.
    public private(set) var reached: [Int]
    public private(set) var checksAtOrAbove: [Int]
    public private(set) var longestRuns: [Int]

    let maxGroupSize: Int

    init(checkCount: Int, levelCount: Int, groupSizes: [Int]) {
        self.checkCount = checkCount
        self.levelCount = levelCount
        self.groupSizes = groupSizes
        self.maxGroupSize = groupSizes.max() ?? 0
        levels = Array(repeating: 0, count: checkCount * levelCount)
        openSums = Array(repeating: ExactSum(), count: checkCount)
        openHistogram = Array(repeating: 0, count: checkCount * Tally.openBins)
        loadFixedSums = Array(repeating: ExactSum(), count: checkCount)
        infiniteLoads = Array(repeating: 0, count: checkCount)
        loadHistogram = Array(repeating: 0, count: checkCount * Tally.loadBins)
        headcountHistogram = Array(repeating: 0, count: checkCount * groupSizes.count * (maxGroupSize + 1))
        reached = Array(repeating: 0, count: levelCount)
        checksAtOrAbove = Array(repeating: 0, count: levelCount)
        longestRuns = Array(repeating: 0, count: levelCount * (checkCount + 1))
    }

    /// Records one trial from what it saw at every reported check, in time order: its level, the
    /// open cases and the working headcount per group (`[check * groups + g]`).
    mutating func recordTrial(levels trialLevels: UnsafeBufferPointer<UInt8>, open: UnsafeBufferPointer<Int>, headcounts: UnsafeBufferPointer<Int32>) {
        trials += 1
        let groups = groupSizes.count
        let levelCount = self.levelCount
        let histogramStride = maxGroupSize + 1
        levels.withUnsafeMutableBufferPointer { levels in
            openHistogram.withUnsafeMutableBufferPointer { openHistogram in
                loadHistogram.withUnsafeMutableBufferPointer { loadHistogram in
                    headcountHistogram.withUnsafeMutableBufferPointer { headcountHistogram in
                        for c in 0..<checkCount {
                            let o = open[c]
                            levels[c * levelCount + Int(trialLevels[c])] += 1
                            openSums[c].add(o)
                            openHistogram[c * Tally.openBins + min(o, Tally.openBins - 1)] += 1
                            var working = 0
                            for g in 0..<groups {
                                let h = Int(headcounts[c * groups + g])
                                working += h
                                headcountHistogram[(c * groups + g) * histogramStride + h] += 1
                            }
                            if working == 0 && o > 0 {
                                infiniteLoads[c] += 1
                                loadHistogram[c * Tally.loadBins + Tally.loadBins - 1] += 1
                            } else {
                                let load = working == 0 ? 0 : Double(o) / Double(working)
                                // A load past 10^14 cases per SE (never reached within the validated
                                // ranges) would overflow the fixed point: it is summed at that value.
                                loadFixedSums[c].add(Int(min(load, 1e14) * Tally.loadScale + 0.5))
                                let bin = load < Double(Tally.loadBins - 1) / 100 ? Int(load * 100) : Tally.loadBins - 1
                                loadHistogram[c * Tally.loadBins + bin] += 1
                            }
                        }
                    }
                }
            }
        }
        // Horizon statistics in one pass: runs and counts for every k at once.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * levelCount) { scratch in
            scratch.initialize(repeating: 0)
            let runs = scratch.baseAddress!, longest = runs + levelCount, counts = runs + 2 * levelCount
            for level in trialLevels {
                let l = Int(level)
                for k in 0...l {
                    runs[k] += 1
                    counts[k] += 1
                    if runs[k] > longest[k] { longest[k] = runs[k] }
                }
                for k in (l + 1)..<levelCount { runs[k] = 0 }
            }
            for k in 0..<levelCount {
                if counts[k] > 0 { reached[k] += 1 }
                checksAtOrAbove[k] += counts[k]
                longestRuns[k * (checkCount + 1) + longest[k]] += 1
            }
        }
    }

    /// Adds another worker's (or shard's) counts.
    public mutating func merge(_ other: Tally) {
        trials += other.trials
        func add<T: FixedWidthInteger>(_ a: inout [T], _ b: [T]) { for i in a.indices { a[i] &+= b[i] } }
        add(&levels, other.levels)
        for c in openSums.indices { openSums[c].add(other.openSums[c]) }
        add(&openHistogram, other.openHistogram)
        for c in loadFixedSums.indices { loadFixedSums[c].add(other.loadFixedSums[c]) }
        add(&infiniteLoads, other.infiniteLoads)
        add(&loadHistogram, other.loadHistogram)
        add(&headcountHistogram, other.headcountHistogram)
        add(&reached, other.reached)
        add(&checksAtOrAbove, other.checksAtOrAbove)
        add(&longestRuns, other.longestRuns)
    }
}
