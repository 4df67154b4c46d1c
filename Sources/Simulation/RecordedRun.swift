/// A run that keeps the level every trial reached at every check, so that later runs on the same
/// random numbers can be paired with it without simulating it again.
///
/// `plan approve` compares the team with the requests approved so far against the same team plus
/// one more request, step after step: keeping each trial's levels of the current state lets every
/// step simulate only the new state (docs/ARCHITECTURE.md, "Approving time off"). Trials are seeded
/// exactly as `MonteCarloRun` and `PairedRun` seed them, so a `RecordedRun` paired with another
/// gives the very counts `PairedRun` would.
public struct RecordedRun: Sendable {
    public let model: SimulationModel
    public let tally: Tally
    public let seed: UInt64
    public let blockSize: Int
    /// `[trial * checks + c]`: the 0-based level trial `trial` reached at check `c`, trials in
    /// block order.
    let levels: [UInt8]

    /// - Complexity: O(trials × cost of a trial) time over `threads` workers; memory O(trials × checks)
    ///   bytes for the kept levels (0.9 MB for 20,000 trials of December's 44 checks).
    public init(
        model: SimulationModel, trials: Int, seed: UInt64, threads: Int,
        blockSize: Int = RunSettings.defaultBlockSize
    ) throws {
        try Tally.checkTrialCount(trials)
        let checks = model.checks.count
        let blocks = (trials + blockSize - 1) / blockSize
        let outputs = try BlockWorkers.run(
            blocks: 0..<blocks, threads: threads, isCancelled: { false },
            start: { () throws(GSLError) in
                (kernel: try TrialKernel(model: model),
                 tally: Tally(model: model),
                 blocks: [(block: Int, levels: [UInt8])]())
            },
            work: { state, block in
                let count = min(blockSize, trials - block * blockSize)
                var levels: [UInt8] = []
                levels.reserveCapacity(count * checks)
                for trial in 0..<count {
                    state.kernel.seed(master: seed, block: UInt64(block), trial: UInt64(trial))
                    state.kernel.runTrial(into: &state.tally)
                    levels.append(contentsOf: state.kernel.checkLevels.elements)
                }
                state.blocks.append((block, levels))
            },
            finish: { (tally: $0.tally, blocks: $0.blocks) })
        var merged = Tally(model: model)
        var byBlock = [[UInt8]](repeating: [], count: blocks)
        for output in outputs {
            merged.merge(output.tally)
            for (block, levels) in output.blocks { byBlock[block] = levels }
        }
        self.model = model
        self.tally = merged
        self.seed = seed
        self.blockSize = blockSize
        self.levels = byBlock.flatMap { $0 }
    }

    public var trials: Int { tally.trials }
}

extension PairedTally {
    /// The paired counts of two recorded runs: the same as a `PairedRun` of their models with the
    /// same seed and trials. Throws when the runs cannot be paired (other checks or levels, another
    /// seed, trial count or block size).
    ///
    /// - Complexity: O(trials × checks × levels).
    public init(base: RecordedRun, variant: RecordedRun) throws(SimulationError) {
        try PairedRun.checkComparable(base.model, variant.model)
        guard base.trials == variant.trials, base.seed == variant.seed, base.blockSize == variant.blockSize else {
            throw SimulationError("runs of \(base.trials) and \(variant.trials) trials (seeds \(base.seed) and \(variant.seed)) are not on the same random numbers and cannot be paired")
        }
        self.init(base: base.model, variant: variant.model)
        self.base = base.tally
        self.variant = variant.tally
        let checks = checkCount
        base.levels.withUnsafeBufferPointer { b in
            variant.levels.withUnsafeBufferPointer { v in
                for trial in 0..<base.trials {
                    let range = (trial * checks)..<((trial + 1) * checks)
                    recordPair(base: UnsafeBufferPointer(rebasing: b[range]), variant: UnsafeBufferPointer(rebasing: v[range]))
                }
            }
        }
    }
}
