/// What the day loop does in segment s of day d, fixed by the scenario (docs/MODEL.md §5–§7):
/// whether a shift reaches it (its window takes a resolution draw), and whether a check ends it
/// that day (and with it a window). One byte per day and segment (`KernelTables.steps`), so the
/// loop reads one flag set where it read per-segment tables and the day's check flag.
struct SegmentStep: OptionSet {
    let rawValue: UInt8

    /// Some shift reaches it: it takes a resolution draw.
    static let worked = SegmentStep(rawValue: 2)
    /// A check ends it on this day (a check day, and the segment ends at a check time).
    static let check = SegmentStep(rawValue: 4)

    /// Per day and segment, `[d * segments + s]`, from the layout's per-segment facts and the check days.
    static func grid(layout: SegmentLayout, isCheckDay: [Bool]) -> [SegmentStep] {
        let k = layout.count
        return isCheckDay.flatMap { checkDay in
            (0..<k).map { s -> SegmentStep in
                var step: SegmentStep = []
                if layout.worked[s] { step.insert(.worked) }
                if layout.checkWindow[s] >= 0 && checkDay { step.insert(.check) }
                return step
            }
        }
    }
}
