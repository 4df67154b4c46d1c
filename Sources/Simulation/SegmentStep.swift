/// What the day loop does in segment s of day d, fixed by the scenario (docs/MODEL.md §5–§7):
/// whether the segment's arrivals join the next segment's draw, whether a shift reaches it (a
/// resolution draw), and whether a check ends it that day. One byte per day and segment
/// (`KernelTables.steps`), so the loop reads one flag set where it read three per-segment tables
/// and the day's check flag.
struct SegmentStep: OptionSet {
    let rawValue: UInt8

    /// Nobody works it and no check ends it, and a segment follows within the day: its arrivals
    /// are carried into the next segment's draw.
    static let carriesArrivals = SegmentStep(rawValue: 1)
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
                if !layout.worked[s] && layout.checkWindow[s] < 0 && s < k - 1 { step.insert(.carriesArrivals) }
                if layout.worked[s] { step.insert(.worked) }
                if layout.checkWindow[s] >= 0 && checkDay { step.insert(.check) }
                return step
            }
        }
    }
}
