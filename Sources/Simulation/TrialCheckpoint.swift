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
/// of its checkpoint in `destination`, or −1 for a day nobody resumes at, and, with `emptied`, the
/// days a trial some cases above could not follow (`emptiedDays` bits: a segment drew more
/// resolutions than it had cases, or a window was drawn segment by segment, `WindowSegments`). With `rejoin`, it also stops a
/// resumed trial at the first day it stands where its partner's trial stood, or a fixed number
/// of cases above it (`Rejoin`).
struct CheckpointSink {
    let slots: UnsafePointer<Int32>
    let destination: UnsafeMutablePointer<TrialCheckpoint>
    /// The trial's `emptiedDays` words (`RecordedRun.emptied`), or nil when not kept.
    let emptied: UnsafeMutablePointer<UInt64>?
    var rejoin: Rejoin?

    init(slots: UnsafePointer<Int32>, destination: UnsafeMutablePointer<TrialCheckpoint>, emptied: UnsafeMutablePointer<UInt64>? = nil, rejoin: Rejoin? = nil) {
        self.slots = slots
        self.destination = destination
        self.emptied = emptied
        self.rejoin = rejoin
    }

    /// Slots for checkpoints at `days` (each 0…`dayCount`, in any order): the i-th day's goes to index i.
    static func slots(days: [Int], dayCount: Int) -> FixedBuffer<Int32> {
        let slots = FixedBuffer<Int32>(repeating: -1, count: dayCount + 1)
        for (i, day) in days.enumerated() { slots[day] = Int32(i) }
        return slots
    }

    /// The 64-bit words of a trial's emptied days for a horizon of `days` days.
    static func emptiedWords(days: Int) -> Int { (days + 63) / 64 }

    /// Stores the trial's state at the start of `day` if a checkpoint is kept there, and notes
    /// that the day before cannot be followed (`emptiedBefore`, as `emptied` says). Returns
    /// false, storing nothing, once the trial has met its partner's (`Rejoin`): the trial stops
    /// there, and its resumption (`TrialKernel.continueTrial`) takes or follows the partner's days.
    @inline(__always)
    func save(
        day: Int, open: Int, level: Int, largestReportedOpen: Int, demand: Double, emptiedBefore: Bool,
        _ inflow: Uniforms, _ work: Uniforms, _ spare: Uniforms
    ) -> Bool {
        if let rejoin, rejoin.met.pointee.day >= 0 { return false }
        if emptiedBefore, let emptied { emptied[(day - 1) >> 6] |= 1 << UInt64((day - 1) & 63) }
        if let rejoin, rejoin.meets(day: day, open: open, level: level, inflow, work, spare) { return false }
        let slot = slots[day]
        guard slot >= 0 else { return true }
        destination[Int(slot)] = TrialCheckpoint(
            open: open, largestReportedOpen: largestReportedOpen, demand: demand, inflow: inflow.saved, work: work.saved, spare: spare.saved,
            level: UInt8(level))
        return true
    }
}

/// Where a resumed trial met its partner's at the start of a day: the day (−1 until it does) and
/// how many cases more it had open (0: it stands exactly where the partner's stood).
struct RejoinMeeting {
    var day: Int
    var offset: Int
}

/// A resumed trial's partner: the same trial of a run whose model does from some day on exactly
/// what this one does (`SimulationModel.rejoinDay`). Where the trial stands at the start of such a
/// day as the partner's stood (open cases, level, the three generators' states), every later
/// draw and check is the partner's, so the trial stops there and takes the partner's checks.
///
/// Where it stands the same but δ > 0 cases above the partner's, it makes the partner's draws
/// as long as its level stays the partner's, the partner's queue does not run dry (the only
/// way the difference can shrink: a segment resolves the same count in both while the partner
/// has cases left) and the partner draws no window segment by segment (this trial might draw it
/// as totals, `WindowSegments`): its checks are then the partner's with δ more open cases, and where either
/// fails it resumes from the partner's last checkpoint before with δ more (`TrialKernel.follow`).
///
/// Bit-identical by construction: the state compared is everything the later days read besides
/// the absence, which is alike from that day on (`CheckpointTests`, `RecordedRunCountingTests`).
struct Rejoin {
    /// The first day the trial may rejoin: the models are alike from it on, and the partner holds
    /// a state for every day from it on that the run keeps one for.
    let from: Int
    /// Per day 0…days: the index of the partner's checkpoint at that day among `checkpoints`, or −1.
    let slots: UnsafePointer<Int32>
    /// The partner's checkpoints, level and open cases at every check, and its emptied days, for this trial.
    let checkpoints: UnsafePointer<TrialCheckpoint>
    let levels: UnsafePointer<UInt8>
    let open: UnsafePointer<Int32>
    let emptied: UnsafePointer<UInt64>
    /// The first check of each day 0…days (`KernelTables.reportedChecksBefore`) and the check count.
    let checksBefore: UnsafePointer<Int>
    let checks: Int
    /// Where the meeting is written (day −1 until the trial meets the partner's).
    let met: UnsafeMutablePointer<RejoinMeeting>
    /// Days before this one are not looked at again (a trial resumed after following the partner's).
    var notBefore = 0

    @inline(__always)
    func meets(day: Int, open: Int, level: Int, _ inflow: Uniforms, _ work: Uniforms, _ spare: Uniforms) -> Bool {
        let slot = slots[day]
        guard day >= from && day >= notBefore && slot >= 0 else { return false }
        let theirs = checkpoints[Int(slot)]
        guard open >= theirs.open && Int(theirs.level) == level && theirs.inflow == inflow.saved && theirs.work == work.saved
                && theirs.spare == spare.saved else { return false }
        // The partner's open cases are kept in 32 bits: a count that did not fit cannot be taken.
        if open == theirs.open {
            for c in checksBefore[day]..<checks where self.open[c] == Int32.max { return false }
        }
        met.pointee = RejoinMeeting(day: day, offset: open - theirs.open)
        return true
    }

    /// Whether the partner's queue may have run dry on `day` (as `CheckpointSink.emptied` says).
    @inline(__always)
    func emptied(on day: Int) -> Bool { emptied[day >> 6] & (1 << UInt64(day & 63)) != 0 }
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
        let rejoinedAt = continueTrial(at: day, from: checkpoint, absence: absence, levelsBefore: levelsBefore, saving: saving).rejoined
        tally.recordTrial(levels: checkLevels.elements, open: checkOpen.elements, headcounts: checkHeadcounts.elements,
                          fromCheck: tables.reportedChecksBefore[day], largestOpenBefore: checkpoint.largestReportedOpen)
        return rejoinedAt
    }

    /// `resumeTrial` without recording the trial into a tally: what it saw is left in
    /// `checkLevels`, `checkOpen` and `checkHeadcounts` (all checks, those before `day` the
    /// base's levels), for a run that counts only what its readers need (`RecordedRun.Counting`).
    /// Returns the day the trial rejoined its partner's (nil when it did not), and whether it
    /// followed the partner's days some cases above them (`Rejoin`).
    func continueTrial(
        at day: Int, from checkpoint: TrialCheckpoint, absence: UnsafeBufferPointer<AbsenceEvent>?, levelsBefore: UnsafeBufferPointer<UInt8>,
        saving: CheckpointSink?
    ) -> (rejoined: Int?, followed: Bool) {
        // The days before `day` are the base's: their segments' capacities are not summed.
        if let absence { replayAbsence(absence, summingFrom: day) } else { drawAbsence(summingFrom: day) }
        let first = tables.reportedChecksBefore[day]
        var progress = TrialProgress(
            open: checkpoint.open, level: Int(checkpoint.level), check: first, largestReportedOpen: checkpoint.largestReportedOpen,
            demand: checkpoint.demand)
        inflow.uniforms.restore(checkpoint.inflow)
        work.uniforms.restore(checkpoint.work)
        spare.uniforms.restore(checkpoint.spare)
        for c in 0..<first { checkLevels[c] = levelsBefore[c] }
        var saving = saving
        var start = day
        var followed = false
        while true {
            saving?.rejoin?.met.pointee = RejoinMeeting(day: -1, offset: 0)
            simulateDays(from: start, &progress, saving: saving)
            guard let sink = saving, let rejoin = sink.rejoin, rejoin.met.pointee.day >= 0 else { return (nil, followed) }
            let met = rejoin.met.pointee
            let end = met.offset == 0 ? tables.days : follow(from: met.day, offset: met.offset, rejoin)
            var resumeDay = end
            if end < tables.days {
                // The trial goes on from the partner's latest state up to the day the following fails.
                guard let latest = stride(from: end, to: met.day, by: -1).first(where: { rejoin.slots[$0] >= 0 }) else {
                    // None after the meeting: nothing to take, so the trial is simulated from the meeting on.
                    saving!.rejoin!.notBefore = met.day + 1
                    start = met.day
                    continue
                }
                resumeDay = latest
            }
            progress.largestReportedOpen = takePartnersDays(
                from: met.day, to: resumeDay, offset: met.offset, rejoin, largestReportedOpen: progress.largestReportedOpen, saving: sink)
            if resumeDay >= tables.days { return (met.offset == 0 ? met.day : nil, followed || met.offset > 0) }
            // The partner's state at that day with δ more cases: where this trial stands, so it goes on from there.
            followed = true
            let theirs = rejoin.checkpoints[Int(rejoin.slots[resumeDay])]
            (progress.open, progress.level, progress.check) = (theirs.open + met.offset, Int(theirs.level), tables.reportedChecksBefore[resumeDay])
            inflow.uniforms.restore(theirs.inflow)
            work.uniforms.restore(theirs.work)
            spare.uniforms.restore(theirs.spare)
            saving!.rejoin!.notBefore = resumeDay + 1
            start = resumeDay
        }
    }

    /// The first day from `day` on where a trial that stands `offset` > 0 cases above its
    /// partner's at the start of `day`, at the same level and generator states, may do other than
    /// the partner's with `offset` more cases: a day the partner's queue may have run dry, a day before the
    /// first reported one (its checks are not kept), or a day with a check at which the policy
    /// gives another level than the partner's for the partner's open cases plus `offset` (or
    /// where that count does not fit the kept 32 bits); `days` when there is none.
    private func follow(from day: Int, offset: Int, _ rejoin: Rejoin) -> Int {
        let t = tables
        for d in day..<t.days {
            if d < t.firstReportedDay || rejoin.emptied(on: d) { return d }
            for i in 0..<t.headcountInputs.count {
                let (input, group) = t.headcountInputs[i]
                inputs[input] = headcount[group, day: d]
            }
            for c in t.reportedChecksBefore[d]..<t.reportedChecksBefore[d + 1] {
                let theirs = rejoin.open[c]
                guard theirs != Int32.max, Int(theirs) + offset < Int(Int32.max) else { return d }
                inputs[t.casesInput] = Int32(Int(theirs) + offset)
                if policy.level(inputs.elements.baseAddress!) != Int(rejoin.levels[c]) { return d }
            }
        }
        return t.days
    }

    /// A trial that met its partner's at the start of `day`, `offset` cases above it: its checks
    /// on days `day..<end` are the partner's levels and open cases plus `offset` with its own
    /// headcounts (alike from that day on), its checkpoints there the partner's states with
    /// `offset` more cases, with the largest open count at a reported check its own, and its
    /// emptied days the partner's (none with an offset: `follow` stops at the first). Returns
    /// the largest open count at a reported check before `end`.
    private func takePartnersDays(from day: Int, to end: Int, offset: Int, _ rejoin: Rejoin, largestReportedOpen: Int, saving: CheckpointSink) -> Int {
        let t = tables
        let groups = t.groups
        var largest = largestReportedOpen
        for d in day...min(end, t.days) {
            let slot = saving.slots[d]
            if slot >= 0 && (d < end || end == t.days) {
                let theirs = rejoin.checkpoints[Int(rejoin.slots[d])]
                saving.destination[Int(slot)] = TrialCheckpoint(
                    open: theirs.open + offset, largestReportedOpen: largest, demand: theirs.demand, inflow: theirs.inflow, work: theirs.work,
                    spare: theirs.spare, level: theirs.level)
            }
            guard d < end && d < t.days else { break }
            if let emptied = saving.emptied, rejoin.emptied(on: d) { emptied[d >> 6] |= 1 << UInt64(d & 63) }
            for c in t.reportedChecksBefore[d]..<t.reportedChecksBefore[d + 1] {
                let open = Int(rejoin.open[c]) + offset
                checkLevels[c] = rejoin.levels[c]
                checkOpen[c] = open
                largest = max(largest, open)
                for g in 0..<groups { checkHeadcounts[c * groups + g] = headcount[g, day: d] }
            }
        }
        return largest
    }

    /// `runTrial(saving:into:)` without recording the trial into a tally: what it saw is left in
    /// `checkLevels`, `checkOpen` and `checkHeadcounts` (`RecordedRun.Counting`).
    func simulateTrial(saving: CheckpointSink?) {
        var progress = beginTrial()
        simulateDays(from: 0, &progress, saving: saving)
    }
}
