import CapacityPolicy

extension Scenario {
    /// The share of each group's shift on day d that falls in segment k of day d + offset (offset
    /// 0…2: a shift that starts late crosses midnight into the next segments), laid out
    /// `[(group * 3 + offset) * K + k]`, for the check-to-check segments of `windows` (in order of
    /// check time): calibration's working shifts use it. An empty shift (validation refuses one)
    /// works in no segment.
    public static func shiftShares(groups: [Group], windows: [CheckWindow]) -> [Double] {
        let k = windows.count
        let bounds = windows.map(\.checkMinute)
        let starts = (0..<k).map { $0 == 0 ? bounds[k - 1] - 1440 : bounds[$0 - 1] }
        return shiftShares(groups: groups, segments: (0..<k).map { (starts[$0], bounds[$0]) })
    }

    /// The same shares for any cut of the day: `segments` in minutes after 00:00 UTC of their
    /// day, in order, the first starting at or before 00:00. The engine cuts the day at the
    /// checks and at the shifts' starts and ends too (docs/MODEL.md §5).
    public static func shiftShares(groups: [Group], segments: [(start: Int, end: Int)]) -> [Double] {
        let k = segments.count
        var shares = [Double](repeating: 0, count: groups.count * 3 * k)
        for (g, group) in groups.enumerated() {
            let length = Double(group.shiftEnd - group.shiftStart)
            guard length > 0 else { continue }
            for offset in 0..<3 {
                for (s, segment) in segments.enumerated() {
                    let lo = offset * 1440 + segment.start, hi = offset * 1440 + segment.end
                    let overlap = max(0, min(hi, group.shiftEnd) - max(lo, group.shiftStart))
                    shares[(g * 3 + offset) * k + s] = Double(overlap) / length
                }
            }
        }
        return shares
    }
}
