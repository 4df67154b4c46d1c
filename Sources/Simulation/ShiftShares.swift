import Buffers

/// The share of a group's shift on day d that falls in segment s of day d + `daysLater`
/// (0, 1 or 2: a shift that starts late in the day crosses midnight into the next segments).
///
/// Stored as `SimulationModel.shiftShares` lays them out, `[(group * 3 + daysLater) * segments + s]`.
struct ShiftShares {
    /// How many days a shift's share can reach: its own day and the two after.
    static let days = 3
    let grid: SegmentGrid<Double>
    /// Per segment s, its nonzero shares in the order `capacity` sums them,
    /// `terms[termStart[s] ..< termStart[s + 1]]`: a segment lies inside or outside each shift,
    /// so most of the groups × 3 shares are 0 and a sum needs only one or two terms.
    let terms: FixedBuffer<(group: Int, daysLater: Int, share: Double)>
    let termStart: FixedBuffer<Int>

    init(_ values: [Double], segments: Int) {
        grid = SegmentGrid(values, segments: segments)
        let rows = values.count / segments
        var terms: [(group: Int, daysLater: Int, share: Double)] = [], starts = [0]
        for s in 0..<segments {
            for row in 0..<rows where values[row * segments + s] != 0 {
                terms.append((row / Self.days, row % Self.days, values[row * segments + s]))
            }
            starts.append(terms.count)
        }
        self.terms = FixedBuffer(terms)
        termStart = FixedBuffer(starts)
    }

    /// O(1).
    @inline(__always)
    subscript(group g: Int, daysLater offset: Int, segment s: Int) -> Double {
        grid[g &* Self.days &+ offset, segment: s]
    }

    /// The capacity working in segment s of day d: each group's shift shares times its working
    /// capacity on the days whose shifts reach that segment. The one place this sum is computed,
    /// so that its value is the same bits wherever it is needed. O(groups).
    ///
    /// From day 1 on (where every shift that reaches day d has a day in the grid) it adds the
    /// nonzero shares' terms only, in the same order: a term share 0 × capacity is ±0, which
    /// leaves a sum that starts at +0 unchanged, so the value is the same bits as the full sum's.
    @inline(__always)
    func capacity(day d: Int, segment s: Int, groups: Int, from capacity: DayGrid<Double>) -> Double {
        var sum = 0.0
        if d >= Self.days - 2 {
            for i in termStart[s]..<termStart[s &+ 1] {
                let term = terms[i]
                sum += term.share * capacity[term.group, day: d &- term.daysLater]
            }
            return sum
        }
        for g in 0..<groups {
            for offset in 0..<min(Self.days, d + 2) {
                sum += self[group: g, daysLater: offset, segment: s] * capacity[g, day: d - offset]
            }
        }
        return sum
    }

    /// `capacity(day:segment:groups:from:)` of every segment on the days of `range` (within the
    /// grid's `days` days), into `sums[s * days + d]`: the same sums in the same order, so the
    /// same bits, but a term at a time over a run of days (a loop the compiler vectorises) rather
    /// than a segment at a time where the day loop needs it. O(days in range × (segments + terms)).
    func capacities(days range: Range<Int>, groups: Int, from capacity: DayGrid<Double>, into sums: UnsafeMutablePointer<Double>, days: Int) {
        guard !range.isEmpty else { return }
        let values = capacity.values.elements.baseAddress!
        let sparseFrom = max(range.lowerBound, Self.days - 2), end = range.upperBound
        for s in 0..<grid.segments {
            let row = sums + s * days
            for d in range.lowerBound..<sparseFrom { row[d] = self.capacity(day: d, segment: s, groups: groups, from: capacity) }
            guard sparseFrom < end else { continue }
            let (first, last) = (termStart[s], termStart[s &+ 1])
            guard first < last else {
                (row + sparseFrom).update(repeating: 0, count: end - sparseFrom)
                continue
            }
            for i in first..<last {
                let term = terms[i]
                // capacity[term.group, day: d − term.daysLater], as `DayGrid` lays it out.
                let source = values + (term.group * capacity.stride + 1 - term.daysLater)
                let share = term.share
                // The sum starts at +0 as `capacity`'s does (0 + x is not x for x = −0).
                if i == first {
                    for d in sparseFrom..<end { row[d] = 0 + share * source[d] }
                } else {
                    for d in sparseFrom..<end { row[d] += share * source[d] }
                }
            }
        }
    }
}
