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
    /// (level ≥ 1) counts every trial.
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

    /// Records the joint outcome of one trial from the levels (0-based) each run saw at every check.
    /// Complexity: O(checks × levels).
    mutating func recordPair(base: UnsafeBufferPointer<UInt8>, variant: UnsafeBufferPointer<UInt8>) {
        let levelCount = self.levelCount
        for c in 0..<checkCount {
            let b = Int(base[c]), v = Int(variant[c])
            let row = c * levelCount
            for k in 0...min(b, v) { both[row + k] += 1 }
            if b > v {
                for k in (v + 1)...b { baseOnly[row + k] += 1 }
            } else if v > b {
                for k in (b + 1)...v { variantOnly[row + k] += 1 }
            }
        }
    }

    /// Adds another worker's counts.
    mutating func merge(_ other: PairedTally) {
        base.merge(other.base)
        variant.merge(other.variant)
        for i in both.indices {
            both[i] += other.both[i]
            baseOnly[i] += other.baseOnly[i]
            variantOnly[i] += other.variantOnly[i]
        }
    }
}
