import Buffers
import Calendars
import CapacityPolicy
import Statistics

/// Runs a base and a variant model trial by trial on the same random numbers, and counts for every
/// check how the two levels of each trial compare (`PairedTally`).
///
/// Trial t of block b is simulated for both models with generators seeded from (seed, b, stream)
/// and t, exactly as `MonteCarloRun` seeds it, so the base side equals a plain run with the same
/// seed. Each trial has its own substream per part of the model (absence, inflow, work): an edit
/// that changes one part leaves the other parts' draws, and every draw before the edit takes
/// effect, unchanged (common random numbers, docs/MODEL.md §7). The two runs of a trial then differ only
/// where the edit matters, which makes the paired difference far less noisy than the difference of
/// two independent runs. Tallies are integer counts merged per block, so the result is identical
/// for any thread count.
public struct PairedRun: Sendable {
    public let base: SimulationModel
    public let variant: SimulationModel
    public let trials: Int
    public let seed: UInt64
    public let threads: Int
    /// Trials per block, as in `RunSettings`: part of what makes a run reproducible.
    public let blockSize: Int

    /// Throws when the two models do not have the same checks (horizon, windows, check days) or the
    /// same number of levels: their trials could then not be compared check by check.
    public init(
        base: SimulationModel, variant: SimulationModel, trials: Int, seed: UInt64, threads: Int,
        blockSize: Int = RunSettings.defaultBlockSize
    ) throws(SimulationError) {
        try PairedRun.checkComparable(base, variant)
        try Tally.checkTrialCount(trials)
        self.base = base
        self.variant = variant
        self.trials = trials
        self.seed = seed
        self.threads = threads
        self.blockSize = blockSize
    }

    /// The merged counts. `isCancelled` is polled between blocks, and a cancelled run throws.
    ///
    /// The variant starts where it differs: each trial of the base stores its state at the first
    /// day the variant can change anything (`SimulationModel.firstDayDiffering`), and the
    /// variant's trial continues from there, with the base's checks before it, and replays the
    /// absence events the base's trial drew when it draws its absence alike
    /// (`SimulationModel.drawsAbsenceAlike`). The counts are the same as running the variant from
    /// day one (`CheckpointTests`).
    ///
    /// - Complexity: O(trials × (cost of a trial of the base + of the variant from its first
    ///   differing day)) time over `threads` workers; memory O(threads × checks × (levels +
    ///   histogram bins)), independent of the trial count.
    public func run(isCancelled: @escaping @Sendable () -> Bool = { false }) throws -> PairedTally {
        let blocks = (trials + blockSize - 1) / blockSize
        let (base, variant, trials, seed, blockSize) = (self.base, self.variant, self.trials, self.seed, self.blockSize)
        let resumeDay = variant.firstDayDiffering(from: base)
        let replays = resumeDay > 0 && variant.drawsAbsenceAlike(base)
        let tallies = try BlockWorkers.run(
            blocks: 0..<blocks, threads: threads, isCancelled: isCancelled,
            start: { () throws(GSLError) in
                let baseKernel = try TrialKernel(model: base)
                if replays { baseKernel.absenceLog = AbsenceLog() }
                return (base: baseKernel, variant: try TrialKernel(model: variant), tally: PairedTally(base: base, variant: variant),
                 slots: CheckpointSink.slots(days: [resumeDay], dayCount: base.dayCount), checkpoint: FixedBuffer(repeating: TrialCheckpoint.empty, count: 1))
            },
            work: { state, block in
                let sink = CheckpointSink(slots: state.slots.elements.baseAddress!, destination: UnsafeMutablePointer(mutating: state.checkpoint.elements.baseAddress!))
                for trial in 0..<min(blockSize, trials - block * blockSize) {
                    state.base.seed(master: seed, block: UInt64(block), trial: UInt64(trial))
                    // A variant that replays the base's absence draws nothing its checkpoint does not restore.
                    if !replays { state.variant.seed(master: seed, block: UInt64(block), trial: UInt64(trial)) }
                    if resumeDay > 0 {
                        state.base.runTrial(saving: sink, into: &state.tally.base)
                        (state.base.absenceLog?.events ?? []).withUnsafeBufferPointer { events in
                            _ = state.variant.resumeTrial(
                                at: resumeDay, from: state.checkpoint[0], absence: replays ? events : nil, levelsBefore: state.base.checkLevels.elements,
                                saving: nil, into: &state.tally.variant)
                        }
                    } else {
                        state.base.runTrial(into: &state.tally.base)
                        state.variant.runTrial(into: &state.tally.variant)
                    }
                    state.tally.recordPair(base: state.base.checkLevels.elements, variant: state.variant.checkLevels.elements)
                }
            },
            finish: { $0.tally })
        var merged = PairedTally(base: base, variant: variant)
        for tally in tallies { merged.merge(tally) }
        if resumeDay > 0 { merged.variant.copyChecks(before: base.reportedChecks(before: resumeDay), from: merged.base) }
        merged.countBoth()
        return merged
    }

    /// The checks must be the same dates and windows, and the levels the same in number.
    static func checkComparable(_ base: SimulationModel, _ variant: SimulationModel) throws(SimulationError) {
        let (a, b) = (base.scenario, variant.scenario)
        let needed = "a comparison needs the same checks in both"
        guard a.horizon == b.horizon else {
            throw SimulationError("the scenarios have different horizons (\(a.horizon) and \(b.horizon)); \(needed)")
        }
        func windows(_ model: SimulationModel) -> String {
            model.windows.map { "\($0.name) \(CheckWindow.clock($0.checkMinute))" }.joined(separator: ", ")
        }
        guard windows(base) == windows(variant) else {
            throw SimulationError("the scenarios have different check windows (\(windows(base)) and \(windows(variant))); \(needed)")
        }
        let baseDates = Set(base.checks.map(\.date)), variantDates = Set(variant.checks.map(\.date))
        if let date = baseDates.symmetricDifference(variantDates).min() {
            let which = baseDates.contains(date) ? "the base" : "the variant"
            throw SimulationError("the scenarios have different check days (\(date) is a check day only in \(which)); \(needed)")
        }
        guard base.levelCount == variant.levelCount else {
            throw SimulationError("the policies have different numbers of levels (\(base.levelCount) and \(variant.levelCount)); their levels cannot be compared")
        }
    }
}
