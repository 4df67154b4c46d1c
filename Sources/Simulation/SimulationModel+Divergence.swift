extension SimulationModel {
    /// The first simulated day on which a trial of this model can differ from the same trial of
    /// `base` (seeded alike): 0 when from the start, `dayCount` when never. A run of this model
    /// may take each trial's state at the start of that day, or of any earlier one, from the base
    /// (`TrialCheckpoint`) and continue from there with the same result as from day one.
    ///
    /// Before that day the two must draw the same numbers and do the same with them: the same
    /// per-trial draws (sickness, demand, dispersion, spikes, starting backlog), the same effects
    /// and policy, the same arrival means and check days, and the same absence, which holds while
    /// the SEs both teams share in order (same group, capacity, ramp and attrition clock: each draws its spells and its departure in turn
    /// from the absence stream) are scheduled alike, can fall sick alike from the first day either
    /// is scheduled (one who cannot still draws), and every other SE is not scheduled. A day's
    /// capacity reads the shifts of the two days before it, so a schedule change on day d shows
    /// from day d on (day −1's from day 0). Unbooked leave that differs shows from the first day
    /// either model can draw a spell on. Conservative: a difference is assumed to matter.
    /// O(SEs × days).
    public func firstDayDiffering(from base: SimulationModel) -> Int {
        let (a, b) = (scenario, base.scenario)
        guard dayCount == base.dayCount, firstReportedDay == base.firstReportedDay, windows == base.windows,
              layout == base.layout, groups == base.groups, inputGroups == base.inputGroups,
              a.policy == b.policy, multipliers == base.multipliers, extraPerSegment == base.extraPerSegment,
              keptShares == base.keptShares, shiftShares == base.shiftShares, spikeMeans == base.spikeMeans,
              a.sickness == b.sickness, a.resolvePerShift == b.resolvePerShift, a.initialOpenCases == b.initialOpenCases,
              a.inflow.demandCV == b.inflow.demandCV, a.inflow.dispersion == b.inflow.dispersion,
              a.inflow.spikeProbability == b.inflow.spikeProbability,
              departureProbabilities == base.departureProbabilities, noticeDays == base.noticeDays
        else { return 0 }
        let k = layout.count
        var first = dayCount
        for d in 0..<dayCount where isCheckDay[d] != base.isCheckDay[d]
            || arrivalMeans[(d * k)..<((d + 1) * k)] != base.arrivalMeans[(d * k)..<((d + 1) * k)] {
            first = d
            break
        }
        // Engineer schedules run from day −1 (index 0): index i is day i − 1, which shows from day max(0, i − 1).
        func shows(fromIndex i: Int) -> Int { max(0, i - 1) }
        let shared = zip(engineers, base.engineers).prefix {
            $0.group == $1.group && $0.capacity == $1.capacity && $0.rampCapacity == $1.rampCapacity && $0.counted == $1.counted
                && $0.attritionClock == $1.attritionClock
        }.count
        for i in 0..<shared {
            let (mine, theirs) = (engineers[i].scheduled, base.engineers[i].scheduled)
            if let j = mine.indices.first(where: { mine[$0] != theirs[$0] }) { first = min(first, shows(fromIndex: j)) }
            // Whether sickness takes them changes nothing they draw, only what their spells do.
            if engineers[i].fallsSick != base.engineers[i].fallsSick,
               let j = mine.indices.first(where: { mine[$0] || theirs[$0] }) { first = min(first, shows(fromIndex: j)) }
        }
        for other in engineers[shared...] + base.engineers[shared...] {
            if let i = other.scheduled.firstIndex(of: true) { first = min(first, shows(fromIndex: i)) }
        }
        // Unbooked leave is drawn SE after SE from its own stream, and no spell starts before its first day.
        if a.asOf != b.asOf || a.unbookedLeave != b.unbookedLeave || engineers.map(\.leaveDaysPerYear) != base.engineers.map(\.leaveDaysPerYear) {
            first = min(first, firstUnbookedLeaveDay, base.firstUnbookedLeaveDay)
        }
        return first
    }

    /// The reported checks on the days before `day` (0…`dayCount`): the first check a trial
    /// resumed at `day` records. O(checks).
    func reportedChecks(before day: Int) -> Int { checks.count(where: { $0.day < day }) }
}
