import Foundation

/// What a paired run counts: each model's own tally, and for every check and every level k the
/// joint outcome of the two runs of the same trial (both at ≥ k, only the base, only the variant).
///
/// The joint counts are what a paired comparison needs: the change in P(level ≥ k) is
/// (variant only − base only) / trials, and its variance comes from the discordant trials, which
/// common random numbers make few. Every field is an integer, so the merged counts are the same
/// for any thread count; memory is fixed by checks × levels, never by the trial count.
public struct PairedTally: Sendable {
    public internal(set) var base: Tally
    public internal(set) var variant: Tally
    public let checkCount: Int
    public let levelCount: Int
    /// `[check * levelCount + k]`, k 0-based: trials at level ≥ k + 1 in both runs. Index k = 0
    /// (level ≥ 1) counts every trial. Not counted trial by trial: the base's trials at ≥ k + 1
    /// less those at ≥ k + 1 in the base only (`countBoth`, once every pair is recorded).
    public private(set) var both: [Int]
    /// Trials at ≥ k + 1 in the base run only (the variant lowered them), laid out as `both`.
    public private(set) var baseOnly: [Int]
    /// Trials at ≥ k + 1 in the variant run only (the variant raised them), laid out as `both`.
    public private(set) var variantOnly: [Int]

    init(base: SimulationModel, variant: SimulationModel) {
        self.base = Tally(model: base)
        self.variant = Tally(model: variant)
        checkCount = base.checks.count
        levelCount = base.levelCount
        both = Array(repeating: 0, count: checkCount * levelCount)
        baseOnly = both
        variantOnly = both
    }

    public var trials: Int { base.trials }

    /// Records the joint outcome of one trial from the levels (0-based) each run saw at every check:
    /// the checks where they differ (a paired variant mostly leaves a trial's levels as they were,
    /// and those checks add to `both`, which `countBoth` derives).
    /// Complexity: O(checks) to compare, O(levels) for each check that differs.
    mutating func recordPair(base: UnsafeBufferPointer<UInt8>, variant: UnsafeBufferPointer<UInt8>) {
        let levelCount = self.levelCount
        guard memcmp(base.baseAddress!, variant.baseAddress!, checkCount) != 0 else { return }
        for c in 0..<checkCount {
            let b = Int(base[c]), v = Int(variant[c])
            let row = c * levelCount
            if b > v {
                for k in (v + 1)...b { baseOnly[row + k] += 1 }
            } else if v > b {
                for k in (b + 1)...v { variantOnly[row + k] += 1 }
            }
        }
    }

    /// Adds another worker's counts (before `countBoth`).
    mutating func merge(_ other: PairedTally) {
        base.merge(other.base)
        variant.merge(other.variant)
        for i in baseOnly.indices {
            baseOnly[i] += other.baseOnly[i]
            variantOnly[i] += other.variantOnly[i]
        }
    }

    /// Fills `both` once every trial's pair is recorded and `base` holds every trial: at each
    /// check, the base's trials at level ≥ k + 1 (`Tally.levels`) less those the variant lowered.
    /// O(checks × levels).
    mutating func countBoth() {
        for c in 0..<checkCount {
            var atLeast = 0
            for k in stride(from: levelCount - 1, through: 0, by: -1) {
                atLeast += base.levels[c * levelCount + k]
                both[c * levelCount + k] = atLeast - baseOnly[c * levelCount + k]
            }
        }
    }
}
