/// One absence event of a trial as its draws made it (docs/MODEL.md §2–3): an SE's departure, a
/// spell of unbooked leave, or a sickness spell. What the event does to a schedule is not kept:
/// the same event takes other days off in a model whose schedules differ (`TrialKernel.replayAbsence`).
///
/// Days are clamped to the horizon (a departure after it, a spell running past it), which changes
/// nothing a trial does with them. 16 bytes.
struct AbsenceEvent: Sendable, Equatable {
    enum Kind: UInt8, Sendable { case departure, leave, sickness }
    let kind: Kind
    let se: Int32
    /// The departure's first day gone, or the spell's first day.
    let start: Int32
    /// The spell's days (0 for a departure).
    let length: Int32
}

/// Where `TrialKernel.drawAbsence` writes a trial's absence events, in the order drawn: the
/// departures, then each SE's unbooked leave spells, then each SE's sickness spells (including the
/// spells of SEs who cannot fall sick, which the replay ignores as the draw does). Emptied at the
/// start of each trial; one per kernel that records.
final class AbsenceLog {
    private(set) var events: [AbsenceEvent] = []

    func clear() { events.removeAll(keepingCapacity: true) }

    @inline(__always)
    func departure(_ se: Int, gone: Int, days: Int) {
        events.append(AbsenceEvent(kind: .departure, se: Int32(se), start: Int32(min(gone, days)), length: 0))
    }

    @inline(__always)
    func spell(_ kind: AbsenceEvent.Kind, _ se: Int, start: Int, length: Int, days: Int) {
        events.append(AbsenceEvent(kind: kind, se: Int32(se), start: Int32(start), length: Int32(min(length, days - start))))
    }
}
