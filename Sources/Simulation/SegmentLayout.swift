import CapacityPolicy
import Scenarios

/// How a simulated day is cut into segments (docs/MODEL.md §5): at every check time and at every
/// group's shift start and end (UTC, shifts past midnight included), so that within a segment
/// the same shifts work and no check falls inside it. A day runs from the last check of the day
/// before to its own last check; with December's checks (10:00, 17:30) and shifts (EMEA
/// 09:00–16:00, US 14:00–01:00) its segments end at 01:00, 09:00, 10:00, 14:00, 16:00 and 17:30.
struct SegmentLayout: Sendable, Equatable {
    /// Segment s runs from `starts[s]` to `ends[s]`, minutes after 00:00 UTC of its day; the first
    /// starts at the day before's last check (a negative minute).
    let starts: [Int]
    let ends: [Int]
    /// Per segment: the check window (index into the windows in order of check time) whose check
    /// happens at its end, or -1.
    let checkWindow: [Int]
    /// Per segment: the check-to-check window it lies in (the one whose check ends it or comes next).
    let window: [Int]
    /// Per segment: some group's shift, on its day or one of the two before, overlaps it. A segment
    /// that none does resolves nothing and draws nothing, whoever works (docs/MODEL.md §7); when
    /// no segment is covered (a scenario without groups), every segment counts as worked.
    let worked: [Bool]

    var count: Int { ends.count }
    var hours: [Double] { (0..<count).map { Double(ends[$0] - starts[$0]) / 60 } }
    /// Hours of the worked segments, over which a level's extra resolutions a day are spread.
    var workedHours: Double { (0..<count).filter { worked[$0] }.map { Double(ends[$0] - starts[$0]) / 60 }.reduce(0, +) }

    /// `checkMinutes` in order (each 0..<1440, distinct); `groups` with their shifts.
    init(checkMinutes: [Int], groups: [Scenario.Group]) {
        let dayStart = checkMinutes.last! - 1440
        // Every cut moved into the day (dayStart, dayStart + 1440]; the day's start itself is the day before's last cut.
        let cuts = checkMinutes + groups.flatMap { [$0.shiftStart, $0.shiftEnd] }
        let ends = Set(cuts.map { ((($0 - dayStart) % 1440 + 1440) % 1440) + dayStart }.map { $0 == dayStart ? $0 + 1440 : $0 }).sorted()
        let starts = [dayStart] + ends.dropLast()
        self.starts = starts
        self.ends = ends
        checkWindow = ends.map { checkMinutes.firstIndex(of: $0) ?? -1 }
        window = ends.map { end in checkMinutes.firstIndex { $0 >= end }! }
        let shares = Scenario.shiftShares(groups: groups, segments: (0..<ends.count).map { (starts[$0], ends[$0]) })
        let k = ends.count
        let covered = (0..<k).map { s in
            groups.indices.contains { g in (0..<ShiftShares.days).contains { shares[(g * ShiftShares.days + $0) * k + s] > 0 } }
        }
        worked = covered.contains(true) ? covered : covered.map { _ in true }
    }
}
