/// The share of a group's shift on day d that falls in segment s of day d + `daysLater`
/// (0, 1 or 2: a shift that starts late in the day crosses midnight into the next segments).
///
/// Stored as `SimulationModel.shiftShares` lays them out, `[(group * 3 + daysLater) * segments + s]`.
struct ShiftShares {
    /// How many days a shift's share can reach: its own day and the two after.
    static let days = 3
    let grid: SegmentGrid<Double>

    init(_ values: [Double], segments: Int) { grid = SegmentGrid(values, segments: segments) }

    /// O(1).
    @inline(__always)
    subscript(group g: Int, daysLater offset: Int, segment s: Int) -> Double {
        grid[g &* Self.days &+ offset, segment: s]
    }

    /// The capacity working in segment s of day d: each group's shift shares times its working
    /// capacity on the days whose shifts reach that segment. The one place this sum is computed,
    /// so that its value is the same bits wherever it is needed. O(groups).
    @inline(__always)
    func capacity(day d: Int, segment s: Int, groups: Int, from capacity: DayGrid<Double>) -> Double {
        var sum = 0.0
        for g in 0..<groups {
            for offset in 0..<min(Self.days, d + 2) {
                sum += self[group: g, daysLater: offset, segment: s] * capacity[g, day: d - offset]
            }
        }
        return sum
    }
}
