import Buffers

/// Where one trial stands at the start of a day: its backlog, its level, and the states of the
/// generators its later days draw from (inflow, work, spare). With the trial's absence, which is
/// drawn for the whole horizon before its first day and which the resumed trial draws again, this
/// is everything the days after depend on (`TrialKernel.simulateDays`).
///
/// A variant that cannot differ from its base before day D (`SimulationModel.firstDayDiffering`)
/// resumes each trial from the base's checkpoint at D, or at any earlier day, and gives the very
/// draws and counts it would from day one (`CheckpointTests`). 56 bytes.
public struct TrialCheckpoint: Sendable, Equatable {
    let open: Int
    /// The most open cases at a reported check before the day: how far the tally's histograms
    /// grow for the checks the resumed trial does not record (`Tally.recordTrial`).
    let largestReportedOpen: Int
    let inflow: GeneratorState
    let work: GeneratorState
    let spare: GeneratorState
    /// 0-based.
    let level: UInt8

    /// A placeholder for storage not yet written.
    static let empty = TrialCheckpoint(
        open: 0, largestReportedOpen: 0, inflow: GeneratorState(s1: 0, s2: 0, s3: 0), work: GeneratorState(s1: 0, s2: 0, s3: 0),
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
/// of its checkpoint in `destination`, or −1 for a day nobody resumes at.
struct CheckpointSink {
    let slots: UnsafePointer<Int32>
    let destination: UnsafeMutablePointer<TrialCheckpoint>

    /// Slots for checkpoints at `days` (each 0…`dayCount`, in any order): the i-th day's goes to index i.
    static func slots(days: [Int], dayCount: Int) -> FixedBuffer<Int32> {
        let slots = FixedBuffer<Int32>(repeating: -1, count: dayCount + 1)
        for (i, day) in days.enumerated() { slots[day] = Int32(i) }
        return slots
    }

    @inline(__always)
    func save(day: Int, open: Int, level: Int, largestReportedOpen: Int, _ inflow: Uniforms, _ work: Uniforms, _ spare: Uniforms) {
        let slot = slots[day]
        guard slot >= 0 else { return }
        destination[Int(slot)] = TrialCheckpoint(
            open: open, largestReportedOpen: largestReportedOpen, inflow: inflow.saved, work: work.saved, spare: spare.saved, level: UInt8(level))
    }
}

extension TrialKernel {
    /// Runs one trial from `checkpoint`, the state of the same trial of a base model at the start
    /// of day `day`, and records it from the first check of that day on; the checks before it are
    /// the base's (`levelsBefore`, whose counts `Tally.copyChecks` takes from the base's tally).
    ///
    /// The streams must be seeded for the trial (`seed`), and the model must not differ from the
    /// base's before `day` (`SimulationModel.firstDayDiffering`). The absence, the demand shock
    /// and the starting backlog are drawn again, as from day one: the absence because the days
    /// from `day` on need this model's, the others to keep the absence and inflow streams where
    /// day one left them. The result is the trial's, bit for bit, as if run from day one.
    func resumeTrial(at day: Int, from checkpoint: TrialCheckpoint, levelsBefore: UnsafeBufferPointer<UInt8>, saving: CheckpointSink?, into tally: inout Tally) {
        var progress = beginTrial()
        let first = tables.reportedChecksBefore[day]
        progress.open = checkpoint.open
        progress.level = Int(checkpoint.level)
        progress.check = first
        progress.largestReportedOpen = checkpoint.largestReportedOpen
        inflow.uniforms.restore(checkpoint.inflow)
        work.uniforms.restore(checkpoint.work)
        spare.uniforms.restore(checkpoint.spare)
        for c in 0..<first { checkLevels[c] = levelsBefore[c] }
        simulateDays(from: day, &progress, saving: saving)
        tally.recordTrial(levels: checkLevels.elements, open: checkOpen.elements, headcounts: checkHeadcounts.elements,
                          fromCheck: first, largestOpenBefore: checkpoint.largestReportedOpen)
    }
}
