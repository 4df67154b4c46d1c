import Buffers
import Statistics

/// A run that keeps the level every trial reached at every check, so that later runs on the same
/// random numbers can be paired with it without simulating it again, and, at chosen days, every
/// trial's state (`TrialCheckpoint`), so that a later run that differs from it only from such a
/// day on simulates only the days after.
///
/// `plan approve` compares the team with the requests approved so far against the same team plus
/// one more request, step after step: keeping each trial's levels of the current state lets every
/// step simulate only the new state (docs/ARCHITECTURE.md, "Approving time off"), and keeping its
/// states at the requests' first days lets the new state start there. Trials are seeded exactly as
/// `MonteCarloRun` and `PairedRun` seed them, so a `RecordedRun` paired with another gives the very
/// counts `PairedRun` would, and a run resumed from another's checkpoints the very counts it would
/// from day one.
public struct RecordedRun: Sendable {
    /// What a run counts in its tally besides keeping every trial's levels.
    public enum Counting: Sendable {
        /// Everything `MonteCarloRun` counts: its estimates are a plain run's.
        case everything
        /// Only the trials at each level per check, counted from the kept levels once the run
        /// ends (`Tally.init(model:trials:levelsOf:)`): no trial is recorded one by one. For a
        /// reader of the levels alone (`plan approve`'s charges and worst checks); the tally's
        /// open-case, load, headcount, horizon and weekly counts stay empty.
        case levels
    }

    public let model: SimulationModel
    /// With `Counting.levels`, only its `trials` and `levels` are counted.
    public let tally: Tally
    public let seed: UInt64
    public let blockSize: Int
    /// `[trial * checks + c]`: the 0-based level trial `trial` reached at check `c`, trials in
    /// block order.
    let levels: [UInt8]
    /// The days (0…`model.dayCount`) whose states are kept, and the states,
    /// `[trial * checkpointDays.count + i]`.
    public let checkpointDays: [Int]
    let checkpoints: [TrialCheckpoint]
    /// `[trial * checks + c]`: the open cases of trial `trial` at check `c` (`Int32.max` for a
    /// count that does not fit), kept with the checkpoints (empty without), so that a run resumed
    /// from this one can take its trials' later checks where they rejoin them.
    let open: [Int32]
    /// The day this run's trials started from: 0, or the day of the checkpoints it resumed from.
    public let startDay: Int
    /// `[trial * words + w]` (`CheckpointSink.emptiedWords`), kept with the checkpoints (empty
    /// without): bit d of a trial's words is set when its queue may have run dry on day d
    /// (`CheckpointSink.emptied`), so that a run resumed from this one knows where a trial above
    /// it may follow it (`Rejoin`).
    let emptied: [UInt64]
    /// Resumed trials that rejoined the partner's before the end, and that followed the
    /// partner's days some cases above them for a while (`Rejoin`).
    let rejoinedTrials: Int
    let followedTrials: Int
    /// Kept with the checkpoints (empty without): every trial's absence events (`AbsenceLog`),
    /// trial t's at `absence[absenceStarts[t]..<absenceStarts[t + 1]]`, so that a run resumed
    /// from this one that draws its absence alike replays them instead of drawing them. A run
    /// that replayed its partner's shares the partner's arrays.
    let absence: [AbsenceEvent]
    let absenceStarts: [Int]
    /// Whether the resumed trials replayed the partner's absence events rather than drawing them.
    let replayedAbsence: Bool

    /// Simulates `model`'s trials, keeping their states at `checkpointDays` (each 0…`dayCount`).
    /// With `partner`, a run of the same trials and seed whose model this one cannot differ from
    /// before some day (`SimulationModel.firstDayDiffering`), each trial starts from the partner's
    /// latest checkpoint up to that day that leaves none of this run's own checkpoints before it
    /// missing from the partner's; without one, from day one. A resumed trial that comes to stand
    /// where the partner's stood at one of the partner's checkpoint days from which the models
    /// are alike (`SimulationModel.rejoinDay`) stops there and takes the partner's later checks;
    /// one that stands there a few cases above the partner's follows the partner's days with
    /// those cases added for as long as that is exact (`Rejoin`).
    ///
    /// - Complexity: O(trials × cost of a trial from its start day) time over `threads` workers;
    ///   memory O(trials × (checks + 64 × checkpoint days)) bytes for the kept levels and states
    ///   (0.9 MB and 1.3 MB per checkpoint day for 20,000 trials of December's 44 checks), and
    ///   with checkpoints 4 bytes more per check for the open cases (3.5 MB) and 16 bytes per
    ///   absence event (a few per trial in December), shared with a partner whose events it replays,
    ///   and 8 bytes per 64 days for the days its queue emptied.
    ///   `counting` says what its tally counts: with `.levels` the trials are not recorded one by
    ///   one, and their levels are counted once at the end, O(trials × checks).
    public init(
        model: SimulationModel, trials: Int, seed: UInt64, threads: Int,
        blockSize: Int = RunSettings.defaultBlockSize, checkpointDays: [Int] = [], resumingFrom partner: RecordedRun? = nil,
        counting: Counting = .everything
    ) throws {
        try Tally.checkTrialCount(trials)
        precondition(checkpointDays.allSatisfy { (0...model.dayCount).contains($0) } && Set(checkpointDays).count == checkpointDays.count,
                     "checkpoint days must be distinct days 0…\(model.dayCount)")
        let checks = model.checks.count
        let blocks = (trials + blockSize - 1) / blockSize
        let kept = checkpointDays.count
        let resume = partner.flatMap { Self.resumption(of: model, trials: trials, seed: seed, blockSize: blockSize, checkpointDays: checkpointDays, from: $0) }
        let firstCheck = resume.map { model.reportedChecks(before: $0.day) } ?? 0
        let (partnerLevels, partnerCheckpoints, partnerOpen, partnerEmptied) = resume == nil ? ([], [], [], []) : (partner!.levels, partner!.checkpoints, partner!.open, partner!.emptied)
        let words = CheckpointSink.emptiedWords(days: model.dayCount)
        let theirs = partner?.checkpointDays.count ?? 0
        let theirDays = partner?.checkpointDays ?? []
        // From this day on a resumed trial may rejoin the partner's: the models are alike, and the
        // partner holds every later state this run keeps.
        let rejoinFrom = resume == nil ? model.dayCount + 1 : max(
            resume!.day, model.rejoinDay(with: partner!.model), (checkpointDays.filter { !theirDays.contains($0) }.max() ?? -1) + 1)
        let mayRejoin = rejoinFrom <= model.dayCount && !partnerOpen.isEmpty
        // A resumed trial replays the partner's absence events when it draws its absence alike;
        // a run others may resume from records its own when it does not.
        let replays = resume != nil && !partner!.absenceStarts.isEmpty && model.drawsAbsenceAlike(partner!.model)
        let (partnerAbsence, partnerAbsenceStarts) = replays ? (partner!.absence, partner!.absenceStarts) : ([], [])
        let recordsAbsence = kept > 0 && !replays
        let recordsTrials = counting == .everything
        // The levels, states and open cases are written straight into the run's arrays, each
        // block its own trials' elements: no block holds a copy to be joined once the run ends.
        var allLevels = [UInt8](repeating: 0, count: trials * checks)
        var allCheckpoints = [TrialCheckpoint](repeating: .empty, count: trials * kept)
        var allOpen = [Int32](repeating: 0, count: kept > 0 ? trials * checks : 0)
        var allEmptied = [UInt64](repeating: 0, count: kept > 0 ? trials * words : 0)
        let outputs = try allLevels.withUnsafeMutableBufferPointer { levelsOut in
        try allCheckpoints.withUnsafeMutableBufferPointer { checkpointsOut in
        try allOpen.withUnsafeMutableBufferPointer { openOut in
        try allEmptied.withUnsafeMutableBufferPointer { emptiedOut in
        let out = (levels: BlockOutput(levelsOut), checkpoints: BlockOutput(checkpointsOut), open: BlockOutput(openOut), emptied: BlockOutput(emptiedOut))
        return try BlockWorkers.run(
            blocks: 0..<blocks, threads: threads, isCancelled: { false },
            start: { () throws(GSLError) in
                let kernel = try TrialKernel(model: model)
                if recordsAbsence { kernel.absenceLog = AbsenceLog() }
                return (kernel: kernel,
                 tally: Tally(model: model),
                 slots: CheckpointSink.slots(days: checkpointDays, dayCount: model.dayCount),
                 partnerSlots: CheckpointSink.slots(days: theirDays, dayCount: model.dayCount),
                 scratch: (checkpoint: FixedBuffer(repeating: TrialCheckpoint.empty, count: 1),
                           met: FixedBuffer(repeating: RejoinMeeting(day: -1, offset: 0), count: 1)),
                 rejoined: 0, followed: 0,
                 blocks: [(block: Int, absence: [AbsenceEvent], absenceCounts: [Int])]())
            },
            work: { state, block in
                let count = min(blockSize, trials - block * blockSize)
                var (absence, absenceCounts) = ([AbsenceEvent](), [Int]())
                if recordsAbsence { absenceCounts.reserveCapacity(count) }
                let kernel = state.kernel
                let nowhere = UnsafeMutablePointer(mutating: state.scratch.checkpoint.elements.baseAddress!)
                let met = UnsafeMutablePointer(mutating: state.scratch.met.elements.baseAddress!)
                // The partner's arrays are read through pointers, taken once a block: binding the
                // partner itself per trial would retain and release each of its fields every time.
                partnerLevels.withUnsafeBufferPointer { partnerLevels in
                partnerCheckpoints.withUnsafeBufferPointer { partnerCheckpoints in
                partnerOpen.withUnsafeBufferPointer { partnerOpen in
                partnerAbsence.withUnsafeBufferPointer { partnerAbsence in
                partnerEmptied.withUnsafeBufferPointer { partnerEmptied in
                    for trial in 0..<count {
                        let t = block * blockSize + trial
                        var sink = kept == 0 ? nil : CheckpointSink(
                            slots: state.slots.elements.baseAddress!, destination: out.checkpoints.base! + t * kept, emptied: out.emptied.base! + t * words)
                        // A trial that replays its absence draws nothing its checkpoint does not restore.
                        if !replays { kernel.seed(master: seed, block: UInt64(block), trial: UInt64(trial)) }
                        if let resume {
                            if mayRejoin {
                                if sink == nil { sink = CheckpointSink(slots: state.slots.elements.baseAddress!, destination: nowhere) }
                                sink!.rejoin = Rejoin(
                                    from: rejoinFrom, slots: state.partnerSlots.elements.baseAddress!,
                                    checkpoints: partnerCheckpoints.baseAddress! + t * theirs, levels: partnerLevels.baseAddress! + t * checks,
                                    open: partnerOpen.baseAddress! + t * checks, emptied: partnerEmptied.baseAddress! + t * words,
                                    checksBefore: kernel.tables.reportedChecksBefore.elements.baseAddress!, checks: checks, met: met)
                            }
                            let checkpoint = partnerCheckpoints[t * theirs + resume.slot]
                            if kept > 0 {
                                // The days before the start are the partner's.
                                for w in 0..<words {
                                    let before = resume.day - w * 64
                                    let mask: UInt64 = before >= 64 ? ~0 : before <= 0 ? 0 : (1 << UInt64(before)) - 1
                                    out.emptied.base![t * words + w] = partnerEmptied[t * words + w] & mask
                                }
                            }
                            let (rejoinedAt, followed) = kernel.continueTrial(
                                at: resume.day, from: checkpoint,
                                absence: replays ? UnsafeBufferPointer(rebasing: partnerAbsence[partnerAbsenceStarts[t]..<partnerAbsenceStarts[t + 1]]) : nil,
                                levelsBefore: UnsafeBufferPointer(rebasing: partnerLevels[(t * checks)..<(t * checks + firstCheck)]),
                                saving: sink)
                            if recordsTrials {
                                state.tally.recordTrial(
                                    levels: kernel.checkLevels.elements, open: kernel.checkOpen.elements, headcounts: kernel.checkHeadcounts.elements,
                                    fromCheck: firstCheck, largestOpenBefore: checkpoint.largestReportedOpen)
                            }
                            if rejoinedAt != nil { state.rejoined += 1 }
                            if followed { state.followed += 1 }
                            for (i, slot) in resume.earlier { out.checkpoints.base![t * kept + i] = partnerCheckpoints[t * theirs + slot] }
                            // The checks before the start are the partner's.
                            if kept > 0 { (out.open.base! + t * checks).update(from: partnerOpen.baseAddress! + t * checks, count: firstCheck) }
                        } else if recordsTrials {
                            kernel.runTrial(saving: sink, into: &state.tally)
                        } else {
                            kernel.simulateTrial(saving: sink)
                        }
                        if let log = kernel.absenceLog {
                            absence += log.events
                            absenceCounts.append(log.events.count)
                        }
                        if checks > 0 { (out.levels.base! + t * checks).update(from: kernel.checkLevels.elements.baseAddress!, count: checks) }
                        if kept > 0 {
                            let open = out.open.base! + t * checks
                            for c in (resume == nil ? 0 : firstCheck)..<checks { open[c] = Int32(clamping: kernel.checkOpen[c]) }
                        }
                    }
                }
                }
                }
                }
                }
                state.blocks.append((block, absence, absenceCounts))
            },
            finish: { (tally: $0.tally, blocks: $0.blocks, rejoined: $0.rejoined, followed: $0.followed) })
        }
        }
        }
        }
        var merged = Tally(model: model)
        var byBlock = [(absence: [AbsenceEvent], absenceCounts: [Int])](repeating: ([], []), count: blocks)
        var (rejoinedTrials, followedTrials) = (0, 0)
        for output in outputs {
            merged.merge(output.tally)
            rejoinedTrials += output.rejoined
            followedTrials += output.followed
            for (block, absence, absenceCounts) in output.blocks { byBlock[block] = (absence, absenceCounts) }
        }
        if recordsTrials, resume != nil, let partner { merged.copyChecks(before: firstCheck, from: partner.tally) }
        self.model = model
        self.seed = seed
        self.blockSize = blockSize
        var (allAbsence, absenceStarts) = ([AbsenceEvent](), recordsAbsence ? [0] : [])
        if recordsAbsence {
            allAbsence.reserveCapacity(byBlock.reduce(0) { $0 + $1.absence.count })
            absenceStarts.reserveCapacity(trials + 1)
        }
        for b in byBlock.indices {
            allAbsence += byBlock[b].absence
            for count in byBlock[b].absenceCounts { absenceStarts.append(absenceStarts.last! + count) }
            byBlock[b] = ([], [])
        }
        // The levels of the checks before a resumed run's start are the partner's, and counted as such.
        self.tally = recordsTrials ? merged : Tally(model: model, trials: trials, levelsOf: allLevels)
        self.levels = allLevels
        self.checkpointDays = checkpointDays
        self.checkpoints = allCheckpoints
        self.open = allOpen
        self.startDay = resume?.day ?? 0
        self.emptied = allEmptied
        self.rejoinedTrials = rejoinedTrials
        self.followedTrials = followedTrials
        (self.absence, self.absenceStarts) = kept == 0 ? ([], []) : replays ? (partnerAbsence, partnerAbsenceStarts) : (allAbsence, absenceStarts)
        self.replayedAbsence = replays
    }

    public var trials: Int { tally.trials }

    /// Where a run of `model` can start from `partner`'s checkpoints: the latest day (above 0) no
    /// later than the first day the models can differ, its slot among the partner's, and for
    /// this run's own checkpoint days before it, their slots among the partner's (which must
    /// hold them all). Nil when the runs' trials are not the same or no such day exists.
    static func resumption(
        of model: SimulationModel, trials: Int, seed: UInt64, blockSize: Int, checkpointDays: [Int], from partner: RecordedRun
    ) -> (day: Int, slot: Int, earlier: [(Int, Int)])? {
        guard partner.trials == trials, partner.seed == seed, partner.blockSize == blockSize else { return nil }
        let differs = model.firstDayDiffering(from: partner.model)
        let candidates = partner.checkpointDays.enumerated().filter { $0.element >= 1 && $0.element <= differs }
        for (slot, day) in candidates.sorted(by: { $0.element > $1.element }) {
            let earlier = checkpointDays.enumerated().filter { $0.element < day }
                .map { own in (own.offset, partner.checkpointDays.firstIndex(of: own.element)) }
            if earlier.allSatisfy({ $0.1 != nil }) { return (day, slot, earlier.map { ($0.0, $0.1!) }) }
        }
        return nil
    }
}

extension PairedTally {
    /// The paired counts of two recorded runs: the same as a `PairedRun` of their models with the
    /// same seed and trials. Throws when the runs cannot be paired (other checks or levels, another
    /// seed, trial count or block size).
    ///
    /// - Complexity: O(trials × checks + checks × levels), and O(levels) for each check a trial's levels differ at.
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
        countBoth()
    }
}

/// Where the workers of a `RecordedRun` write its kept arrays: each block writes only its own
/// trials' elements, so no two workers touch the same memory. Nil for an empty array.
private struct BlockOutput<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>?

    init(_ buffer: UnsafeMutableBufferPointer<Element>) { base = buffer.baseAddress }
}
