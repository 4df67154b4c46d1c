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
}
