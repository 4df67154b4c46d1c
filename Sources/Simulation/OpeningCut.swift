/// A simulation that starts at an instant inside its first segments rather than at the first
/// segment's start: `plan outlook --open-cases-at` knows the backlog at 07:00, not at 17:30 the
/// day before, and must not add the night's arrivals to a count that already holds them, nor
/// the night's resolutions (docs/MODEL.md §5).
///
/// Every segment (of the first days) that starts before the instant keeps only its part after
/// it: that share of its arrivals and spike cases (arrivals are taken as uniform within a
/// segment), and of each shift only the minutes worked after the instant.
struct OpeningCut: Sendable {
    /// Days with a segment that starts before the instant; 0 when the simulation starts at its start.
    let days: Int
    let segments: Int
    /// Per day d < `days` and segment s, `[d * segments + s]`: the share of the segment's time after the instant.
    let kept: [Double]
    /// Per day d < `days`, as `ShiftShares` lays a day's shares out, `[d][(group * 3 + offset) * segments + s]`:
    /// the share of a group's shift on day d − offset worked in segment s of day d after the instant.
    let shares: [[Double]]

    /// `instant` in minutes after 00:00 UTC of the first simulated day; `starts` and `bounds` the
    /// segments' start and end minutes within their day (the first start is negative).
    init(instant: Int?, starts: [Int], bounds: [Int], groups: [(shiftStart: Int, shiftEnd: Int)]) {
        let k = starts.count
        segments = k
        guard let instant, instant > starts[0] else { (days, kept, shares) = (0, [], []); return }
        let days = (instant - starts[0] + 1439) / 1440
        self.days = days
        var kept = [Double](repeating: 1, count: days * k)
        var shares: [[Double]] = []
        for d in 0..<days {
            var day = [Double](repeating: 0, count: groups.count * ShiftShares.days * k)
            for s in 0..<k {
                // The segment's part after the instant, in minutes after 00:00 of day d.
                let lo = max(starts[s], instant - d * 1440), hi = bounds[s]
                kept[d * k + s] = Double(max(0, hi - lo)) / Double(hi - starts[s])
                guard lo < hi else { continue }
                for (g, shift) in groups.enumerated() {
                    for offset in 0..<ShiftShares.days {
                        let overlap = max(0, min(offset * 1440 + hi, shift.shiftEnd) - max(offset * 1440 + lo, shift.shiftStart))
                        day[(g * ShiftShares.days + offset) * k + s] = Double(overlap) / Double(shift.shiftEnd - shift.shiftStart)
                    }
                }
            }
            shares.append(day)
        }
        self.kept = kept
        self.shares = shares
    }

    /// The capacity working in segment s of day d < `days` after the instant, summed as
    /// `ShiftShares.capacity` sums it. O(groups).
    func capacity(day d: Int, segment s: Int, groups: Int, from capacity: DayGrid<Double>) -> Double {
        var sum = 0.0
        for g in 0..<groups {
            for offset in 0..<min(ShiftShares.days, d + 2) {
                sum += shares[d][(g * ShiftShares.days + offset) * segments + s] * capacity[g, day: d - offset]
            }
        }
        return sum
    }
}
