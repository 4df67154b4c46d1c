import Buffers

/// Where one trial stands at the start of a day: its backlog, its level, its demand shock, and the
/// states of the generators its later days draw from (inflow, work, spare). With the trial's
/// absence, which is drawn for the whole horizon before its first day and which the resumed trial
/// sets up again (its effect depends on the resumed model's schedules: replayed from the events
/// the partner drew, `AbsenceLog`, or drawn again), this is everything the days after depend on
/// (`TrialKernel.simulateDays`): the demand shock and the starting backlog are not drawn again.
///
/// A variant that cannot differ from its base before day D (`SimulationModel.firstDayDiffering`)
/// resumes each trial from the base's checkpoint at D, or at any earlier day, and gives the very
/// draws and counts it would from day one (`CheckpointTests`). 64 bytes.
public struct TrialCheckpoint: Sendable, Equatable {
    let open: Int
    /// The most open cases at a reported check before the day: how far the tally's histograms
    /// grow for the checks the resumed trial does not record (`Tally.recordTrial`).
    let largestReportedOpen: Int
    /// The trial's demand shock (docs/MODEL.md §4), drawn before its first day.
    let demand: Double
    let inflow: GeneratorState
    let work: GeneratorState
    let spare: GeneratorState
    /// 0-based.
    let level: UInt8

    /// A placeholder for storage not yet written.
    static let empty = TrialCheckpoint(
        open: 0, largestReportedOpen: 0, demand: 1, inflow: GeneratorState(s1: 0, s2: 0, s3: 0), work: GeneratorState(s1: 0, s2: 0, s3: 0),
        spare: GeneratorState(s1: 0, s2: 0, s3: 0), level: 0)
}

/// A taus2 generator's whole state: three components, each below 2^32.
struct GeneratorState: Sendable, Equatable {
    let s1: UInt32, s2: UInt32, s3: UInt32
}

extension Uniforms {
    /// The generator's state, to be put back with `restore`. O(1).
    @inline(__always)
    var saved: GeneratorState {
        GeneratorState(s1: UInt32(truncatingIfNeeded: state[0]), s2: UInt32(truncatingIfNeeded: state[1]), s3: UInt32(truncatingIfNeeded: state[2]))
    }

    /// Puts back a state `saved` gave: the generator continues exactly as it did from there. O(1).
    func restore(_ saved: GeneratorState) {
        state[0] = UInt(saved.s1)
        state[1] = UInt(saved.s2)
        state[2] = UInt(saved.s3)
    }
}

/// Where `TrialKernel.simulateDays` stores a trial's checkpoints: for each day 0…days the index
/// of its checkpoint in `destination`, or −1 for a day nobody resumes at. With `rejoin`, it also
/// stops a resumed trial at the first day it stands where its partner's trial stood.
struct CheckpointSink {
    let slots: UnsafePointer<Int32>
    let destination: UnsafeMutablePointer<TrialCheckpoint>
    var rejoin: Rejoin?

    init(slots: UnsafePointer<Int32>, destination: UnsafeMutablePointer<TrialCheckpoint>, rejoin: Rejoin? = nil) {
        self.slots = slots
        self.destination = destination
        self.rejoin = rejoin
    }

    /// Slots for checkpoints at `days` (each 0…`dayCount`, in any order): the i-th day's goes to index i.
    static func slots(days: [Int], dayCount: Int) -> FixedBuffer<Int32> {
        let slots = FixedBuffer<Int32>(repeating: -1, count: dayCount + 1)
        for (i, day) in days.enumerated() { slots[day] = Int32(i) }
        return slots
    }

    /// Stores the trial's state at the start of `day` if a checkpoint is kept there. Returns
    /// false, storing nothing, once the trial has rejoined its partner's (`Rejoin`): the days
    /// after are the partner's and need not be simulated.
    @inline(__always)
    func save(
        day: Int, open: Int, level: Int, largestReportedOpen: Int, demand: Double, _ inflow: Uniforms, _ work: Uniforms, _ spare: Uniforms
    ) -> Bool {
        if let rejoin, rejoin.rejoins(day: day, open: open, level: level, inflow, work, spare) { return false }
        let slot = slots[day]
        guard slot >= 0 else { return true }
        destination[Int(slot)] = TrialCheckpoint(
            open: open, largestReportedOpen: largestReportedOpen, demand: demand, inflow: inflow.saved, work: work.saved, spare: spare.saved,
            level: UInt8(level))
        return true
    }
}

/// A resumed trial's partner: the same trial of a run whose model does from some day on exactly
/// what this one does (`SimulationModel.rejoinDay`). Where the trial stands at the start of such a
/// day as the partner's stood (open cases, level, the three generators' states), every later
/// draw and check is the partner's, so the trial stops there and takes the partner's checks.
///
/// Bit-identical by construction: the state compared is everything the later days read besides
/// the absence, which is alike from that day on (`CheckpointTests`).
struct Rejoin {
    /// The first day the trial may rejoin: the models are alike from it on, and the partner holds
    /// a state for every day from it on that the run keeps one for.
    let from: Int
    /// Per day 0…days: the index of the partner's checkpoint at that day among `checkpoints`, or −1.
    let slots: UnsafePointer<Int32>
    /// The partner's checkpoints, level and open cases at every check, for this trial.
    let checkpoints: UnsafePointer<TrialCheckpoint>
    let levels: UnsafePointer<UInt8>
    let open: UnsafePointer<Int32>
    /// The first check of each day 0…days (`KernelTables.reportedChecksBefore`) and the check count.
    let checksBefore: UnsafePointer<Int>
    let checks: Int
    /// Where the day the trial rejoined is written (−1 until it does).
    let rejoined: UnsafeMutablePointer<Int>

    @inline(__always)
    func rejoins(day: Int, open: Int, level: Int, _ inflow: Uniforms, _ work: Uniforms, _ spare: Uniforms) -> Bool {
        if rejoined.pointee >= 0 { return true }
        let slot = slots[day]
        guard day >= from && slot >= 0 else { return false }
        let theirs = checkpoints[Int(slot)]
        guard theirs.open == open && Int(theirs.level) == level && theirs.inflow == inflow.saved && theirs.work == work.saved
                && theirs.spare == spare.saved else { return false }
        // The partner's open cases are kept in 32 bits: a count that did not fit cannot be taken.
        for c in checksBefore[day]..<checks where self.open[c] == Int32.max { return false }
        rejoined.pointee = day
        return true
    }
}

extension TrialKernel {
    /// Runs one trial from `checkpoint`, the state of the same trial of a base model at the start
    /// of day `day`, and records it from the first check of that day on; the checks before it are
    /// the base's (`levelsBefore`, whose counts `Tally.copyChecks` takes from the base's tally).
    /// With a `Rejoin` in `saving`, the trial stops where it stands as its partner's did, takes
    /// the partner's levels and open cases for the checks after, and its checkpoints after that
    /// day are the partner's; returns that day, or nil when the trial ran to the end.
    ///
    /// The model must not differ from the base's before `day` (`SimulationModel.firstDayDiffering`).
    /// The absence is set up anew, as from day one, because the days from `day` on need this
    /// model's: replayed from `absence`, the events the base's trial drew, when this model draws
    /// its absence as the base does (`SimulationModel.drawsAbsenceAlike`), otherwise drawn again,
    /// for which the streams must be seeded for the trial (`seed`). The demand shock is the
    /// checkpoint's, and the inflow, work and spare streams continue from its states. The result
    /// is the trial's, bit for bit, as if run from day one.
    @discardableResult
    func resumeTrial(
        at day: Int, from checkpoint: TrialCheckpoint, absence: UnsafeBufferPointer<AbsenceEvent>?, levelsBefore: UnsafeBufferPointer<UInt8>,
        saving: CheckpointSink?, into tally: inout Tally
    ) -> Int? {
        let rejoinedAt = continueTrial(at: day, from: checkpoint, absence: absence, levelsBefore: levelsBefore, saving: saving)
        tally.recordTrial(levels: checkLevels.elements, open: checkOpen.elements, headcounts: checkHeadcounts.elements,
                          fromCheck: tables.reportedChecksBefore[day], largestOpenBefore: checkpoint.largestReportedOpen)
        return rejoinedAt
    }

    /// `resumeTrial` without recording the trial into a tally: what it saw is left in
    /// `checkLevels`, `checkOpen` and `checkHeadcounts` (all checks, those before `day` the
    /// base's levels), for a run that counts only what its readers need (`RecordedRun.Counting`).
    /// Returns the day the trial rejoined its partner's, or nil.
    func continueTrial(
        at day: Int, from checkpoint: TrialCheckpoint, absence: UnsafeBufferPointer<AbsenceEvent>?, levelsBefore: UnsafeBufferPointer<UInt8>,
        saving: CheckpointSink?
    ) -> Int? {
        if let absence { replayAbsence(absence) } else { drawAbsence() }
        let first = tables.reportedChecksBefore[day]
        var progress = TrialProgress(
            open: checkpoint.open, level: Int(checkpoint.level), check: first, largestReportedOpen: checkpoint.largestReportedOpen,
            demand: checkpoint.demand)
        inflow.uniforms.restore(checkpoint.inflow)
        work.uniforms.restore(checkpoint.work)
        spare.uniforms.restore(checkpoint.spare)
        for c in 0..<first { checkLevels[c] = levelsBefore[c] }
        saving?.rejoin?.rejoined.pointee = -1
        simulateDays(from: day, &progress, saving: saving)
        var rejoinedAt: Int?
        if let saving, let rejoin = saving.rejoin, rejoin.rejoined.pointee >= 0 {
            rejoinedAt = rejoin.rejoined.pointee
            takePartnersDays(from: rejoin.rejoined.pointee, rejoin, largestReportedOpen: progress.largestReportedOpen, saving: saving)
        }
        return rejoinedAt
    }

    /// `runTrial(saving:into:)` without recording the trial into a tally: what it saw is left in
    /// `checkLevels`, `checkOpen` and `checkHeadcounts` (`RecordedRun.Counting`).
    func simulateTrial(saving: CheckpointSink?) {
        var progress = beginTrial()
        simulateDays(from: 0, &progress, saving: saving)
    }

    /// A trial that rejoined its partner's at the start of `day`: its checks from then on are the
    /// partner's levels and open cases with its own headcounts (alike from that day on), and its
    /// checkpoints from then on the partner's states, with the largest open count at a reported
    /// check its own before the day and the partner's after.
    private func takePartnersDays(from day: Int, _ rejoin: Rejoin, largestReportedOpen: Int, saving: CheckpointSink) {
        let t = tables
        let groups = t.groups
        var largest = largestReportedOpen
        for d in day...t.days {
            let slot = saving.slots[d]
            if slot >= 0 {
                let theirs = rejoin.checkpoints[Int(rejoin.slots[d])]
                saving.destination[Int(slot)] = TrialCheckpoint(
                    open: theirs.open, largestReportedOpen: largest, demand: theirs.demand, inflow: theirs.inflow, work: theirs.work, spare: theirs.spare, level: theirs.level)
            }
            guard d < t.days else { break }
            for c in t.reportedChecksBefore[d]..<t.reportedChecksBefore[d + 1] {
                let open = Int(rejoin.open[c])
                checkLevels[c] = rejoin.levels[c]
                checkOpen[c] = open
                largest = max(largest, open)
                for g in 0..<groups { checkHeadcounts[c * groups + g] = headcount[g, day: d] }
            }
        }
    }
}
