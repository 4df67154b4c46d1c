import CapacityPolicy

extension Scenario {
    /// The share of each group's shift on day d that falls in segment k of day d + offset (offset
    /// 0…2: a shift that starts late crosses midnight into the next segments), laid out
    /// `[(group * 3 + offset) * K + k]`; `windows` in order of check time. The engine's capacity per
    /// segment and calibration's working shifts both use it. An empty shift (validation refuses
    /// one) works in no segment.
    public static func shiftShares(groups: [Group], windows: [CheckWindow]) -> [Double] {
        let k = windows.count
        let bounds = windows.map(\.checkMinute)
        let starts = (0..<k).map { $0 == 0 ? bounds[k - 1] - 1440 : bounds[$0 - 1] }
        var shares = [Double](repeating: 0, count: groups.count * 3 * k)
        for (g, group) in groups.enumerated() {
            let length = Double(group.shiftEnd - group.shiftStart)
            guard length > 0 else { continue }
            for offset in 0..<3 {
                for s in 0..<k {
                    let lo = offset * 1440 + starts[s], hi = offset * 1440 + bounds[s]
                    let overlap = max(0, min(hi, group.shiftEnd) - max(lo, group.shiftStart))
                    shares[(g * 3 + offset) * k + s] = Double(overlap) / length
                }
            }
        }
        return shares
    }
}
