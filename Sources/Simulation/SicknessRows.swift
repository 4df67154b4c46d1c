/// An SE's rows that sickness takes days from, addressed once for all their spells: `takeSick`
/// where nobody takes unbooked leave and every SE counts in the headcount at their own capacity
/// (`TrialKernel.sicknessRows`). In the loop over a spell's days the loads of the buffers'
/// addresses cost more than the days' own subtractions.
struct SicknessRows {
    /// The SE's scheduled days, and their group's headcount and capacity, from day 0 (`DayGrid.row`).
    let scheduled: UnsafeMutablePointer<Bool>
    let headcount: UnsafeMutablePointer<Int32>
    let capacity: UnsafeMutablePointer<Double>
    /// The SE's capacity factor.
    let lost: Double

    /// Takes the SE off the days of `range` they are scheduled, as `TrialKernel.takeOff` does,
    /// and returns the first and last day taken (−1, −1 for none). O(days in range).
    @inline(__always)
    func takeOff(_ range: Range<Int>) -> (first: Int, last: Int) {
        var (first, last) = (-1, -1)
        for d in range where scheduled[d] {
            headcount[d] -= 1
            capacity[d] -= lost
            #if PLAN_INTERNAL_CHECKS
            precondition(headcount[d] >= 0, "a group has a negative headcount on day \(d)")
            #endif
            if first < 0 { first = d }
            last = d
        }
        return (first, last)
    }
}
