import Statistics
import Synchronization

/// How a run is sized and seeded.
public struct RunSettings: Sendable {
    public enum Size: Sendable, Equatable {
        /// Exactly this many trials.
        case trials(Int)
        /// Add rounds of blocks until the widest 95% interval of the reported P(level ≥ k) has at
        /// most this half-width (or `maximumTrials` is reached).
        case precision(Double, maximumTrials: Int)
    }

    public var size: Size
    public var seed: UInt64
    public var threads: Int
    /// Trials per block: the unit of seeding and of work handed to a thread. Part of what makes a
    /// run reproducible, so fixed rather than derived from the thread count.
    public var blockSize: Int
    /// Only this shard's blocks, or all of them; a run sized by precision cannot be split, as its
    /// stopping rule looks at every block's counts.
    public var shard: Shard?

    /// The blocks of a run of `trials` trials: all of them, or its shard's.
    public func blocks(trials: Int) throws(SimulationError) -> Range<Int> {
        let all = (trials + blockSize - 1) / blockSize
        return try shard?.blocks(of: all) ?? 0..<all
    }

    public static let defaultBlockSize = 1000
    /// Blocks per round in precision mode; the stopping rule is checked between rounds only, so
    /// the number of trials does not depend on the thread count.
    public static let blocksPerRound = 16

    public init(size: Size, seed: UInt64, threads: Int, blockSize: Int = RunSettings.defaultBlockSize, shard: Shard? = nil) {
        self.size = size
        self.seed = seed
        self.threads = threads
        self.blockSize = blockSize
        self.shard = shard
    }
}

/// Runs a model's trials in blocks on `threads` workers and merges their tallies.
///
/// Block b's trials are simulated with generators seeded from (seed, b, stream) and the trial's
/// index in the block, whatever worker takes it; tallies are integer counts, so the merged result
/// is identical for any thread count.
public struct MonteCarloRun: Sendable {
    public let model: SimulationModel
    public let settings: RunSettings

    public init(model: SimulationModel, settings: RunSettings) {
        self.model = model
        self.settings = settings
    }

    /// The merged tally of the run's blocks (its shard's, with `settings.shard`). `progress` is
    /// called with (trials done, trials planned or nil) from worker threads; `isCancelled` is
    /// polled between blocks, and a cancelled run throws.
    public func run(
        progress: @escaping @Sendable (Int, Int?) -> Void = { _, _ in },
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) throws -> Tally {
        let requested: Int
        switch settings.size {
        case .trials(let trials): requested = trials
        case .precision(_, let maximumTrials): requested = maximumTrials
        }
        try Tally.checkTrialCount(requested)
        var total = Tally(model: model)
        let blockSize = settings.blockSize
        switch settings.size {
        case .trials(let trials):
            let range = try settings.blocks(trials: trials)
            let shardTrials = min(trials, range.upperBound * blockSize) - range.lowerBound * blockSize
            total.merge(try runBlocks(range, trials: shardTrials, done: 0, planned: shardTrials, progress: progress, isCancelled: isCancelled))
        case .precision(let halfWidth, let maximumTrials):
            if settings.shard != nil { throw SimulationError("a run sized by precision cannot be split into shards; give a number of trials") }
            var nextBlock = 0
            while total.trials < maximumTrials {
                let remaining = maximumTrials - total.trials
                let blocks = min(RunSettings.blocksPerRound, (remaining + blockSize - 1) / blockSize)
                let range = nextBlock..<(nextBlock + blocks)
                let trials = min(remaining, blocks * blockSize)
                total.merge(try runBlocks(range, trials: trials, done: total.trials, planned: nil, progress: progress, isCancelled: isCancelled))
                nextBlock += blocks
                if Estimates.widestAtLeastHalfWidth(total) <= halfWidth { break }
            }
        }
        return total
    }

    /// Runs `blocks`, whose trials number `trials` in all (the last block may be partial).
    private func runBlocks(
        _ blocks: Range<Int>, trials: Int, done: Int, planned: Int?,
        progress: @escaping @Sendable (Int, Int?) -> Void, isCancelled: @escaping @Sendable () -> Bool
    ) throws -> Tally {
        let (model, settings) = (self.model, self.settings)
        let finished = Mutex(done)
        let lastTrial = blocks.lowerBound * settings.blockSize + trials
        let tallies = try BlockWorkers.run(
            blocks: blocks, threads: settings.threads, isCancelled: isCancelled,
            start: { () throws(GSLError) in
                (kernel: try TrialKernel(model: model), tally: Tally(model: model))
            },
            work: { state, block in
                let count = min(settings.blockSize, lastTrial - block * settings.blockSize)
                for trial in 0..<count {
                    state.kernel.seed(master: settings.seed, block: UInt64(block), trial: UInt64(trial))
                    state.kernel.runTrial(into: &state.tally)
                }
                progress(finished.withLock { value -> Int in
                    value += count
                    return value
                }, planned)
            },
            finish: { $0.tally })
        var merged = Tally(model: model)
        for tally in tallies { merged.merge(tally) }
        return merged
    }
}
