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
        guard drawsAlike(base) else { return 0 }
        var first = dayCount
        for d in 0..<dayCount where !isDayAlike(d, base) {
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
        if scenario.asOf != base.scenario.asOf || scenario.unbookedLeave != base.scenario.unbookedLeave || engineers.map(\.leaveDaysPerYear) != base.engineers.map(\.leaveDaysPerYear) {
            first = min(first, firstUnbookedLeaveDay, base.firstUnbookedLeaveDay)
        }
        return first
    }

    /// The first simulated day from which this model does to a trial exactly what `base` does
    /// (0…`dayCount`; `dayCount` when the two may differ to the end): a trial of this model that
    /// stands where the same trial of `base` stands at the start of such a day or any later one
    /// (open cases, level, generator states: `TrialCheckpoint`) is from there on `base`'s trial,
    /// check for check (`RecordedRun`'s rejoining trials).
    ///
    /// The mirror of `firstDayDiffering`: the same draws and policy throughout, and from that day
    /// on the same arrival means and check days, the same schedules of the SEs both teams share in
    /// order (a day's schedule reaches the capacity of the two days after it), and no other SE
    /// scheduled. Every SE's absence is drawn alike whatever their schedule, so from that day on it
    /// takes the same people. Conservative: a difference is assumed to matter. O(SEs × days).
    public func rejoinDay(with base: SimulationModel) -> Int {
        guard drawsAlike(base), scenario.asOf == base.scenario.asOf, scenario.unbookedLeave == base.scenario.unbookedLeave
        else { return dayCount }
        var alike = 0
        for d in stride(from: dayCount - 1, through: 0, by: -1) where !isDayAlike(d, base) {
            alike = d + 1
            break
        }
        // Schedules run from day −1 (index 0): index i is day i − 1, whose shifts reach days i − 1 … i + 1.
        func alikeAfter(index i: Int) -> Int { i + ShiftShares.days - 1 }
        let shared = zip(engineers, base.engineers).prefix {
            $0.group == $1.group && $0.capacity == $1.capacity && $0.rampCapacity == $1.rampCapacity && $0.counted == $1.counted
                && $0.attritionClock == $1.attritionClock
        }.count
        // Unbooked leave is drawn SE after SE from its own stream: the shared SEs' spells are alike
        // only if their rates are.
        guard engineers[..<shared].map(\.leaveDaysPerYear) == base.engineers[..<shared].map(\.leaveDaysPerYear) else { return dayCount }
        for i in 0..<shared {
            let (mine, theirs) = (engineers[i].scheduled, base.engineers[i].scheduled)
            if let j = mine.indices.last(where: { mine[$0] != theirs[$0] }) { alike = max(alike, alikeAfter(index: j)) }
            if engineers[i].fallsSick != base.engineers[i].fallsSick,
               let j = mine.indices.last(where: { mine[$0] || theirs[$0] }) { alike = max(alike, alikeAfter(index: j)) }
        }
        for other in engineers[shared...] + base.engineers[shared...] {
            if let i = other.scheduled.lastIndex(of: true) { alike = max(alike, alikeAfter(index: i)) }
        }
        return min(alike, dayCount)
    }

    /// The first simulated day that a schedule change on days up to `day` (a time-off request
    /// ending there) no longer reaches: a day's shifts reach the capacity of the days after it,
    /// as in `rejoinDay`, which is no later than this for a model whose schedules differ from its
    /// base's only up to `day`. O(1).
    public static func firstDayUnreached(after day: Int) -> Int { day + ShiftShares.days }

    /// Whether a trial of this model and the same trial of `base` draw the same numbers and do the
    /// same with them wherever the two are scheduled and fed alike: the same days and segments,
    /// policy and effects, per-trial draws (sickness, demand, dispersion, spikes, starting backlog)
    /// and attrition. O(days × segments) at most.
    func drawsAlike(_ base: SimulationModel) -> Bool {
        let (a, b) = (scenario, base.scenario)
        return dayCount == base.dayCount && firstReportedDay == base.firstReportedDay && windows == base.windows
            && layout == base.layout && groups == base.groups && inputGroups == base.inputGroups
            && a.policy == b.policy && multipliers == base.multipliers && extraPerSegment == base.extraPerSegment
            && keptShares == base.keptShares && shiftShares == base.shiftShares && spikeMeans == base.spikeMeans
            && a.sickness == b.sickness && a.resolvePerShift == b.resolvePerShift && a.initialOpenCases == b.initialOpenCases
            && a.inflow.demandCV == b.inflow.demandCV && a.inflow.dispersion == b.inflow.dispersion
            && a.inflow.spikeProbability == b.inflow.spikeProbability
            && departureProbabilities == base.departureProbabilities && noticeDays == base.noticeDays
    }

    /// Whether a trial of this model draws its absence (departures, unbooked leave, sickness spells:
    /// `AbsenceLog`) exactly as the same trial of `base` does, so that it may replay the events
    /// `base` drew instead of drawing them (`TrialKernel.replayAbsence`). What the draws read: the
    /// days, the first reported day (an SE out at the start), the sickness and leave parameters
    /// and daily leave rates, attrition per group, and per SE in order their group, whether they
    /// are out at the start, their leave days a year and their attrition clock. Schedules, time
    /// off and whether an SE can fall sick change what the events take, not the events. O(SEs + days).
    func drawsAbsenceAlike(_ base: SimulationModel) -> Bool {
        dayCount == base.dayCount && firstReportedDay == base.firstReportedDay && scenario.sickness == base.scenario.sickness
            && scenario.unbookedLeave == base.scenario.unbookedLeave && unbookedLeaveRate == base.unbookedLeaveRate
            && firstUnbookedLeaveDay == base.firstUnbookedLeaveDay
            && departureProbabilities == base.departureProbabilities && noticeDays == base.noticeDays
            && engineers.count == base.engineers.count
            && zip(engineers, base.engineers).allSatisfy {
                $0.group == $1.group && $0.sickAtStart == $1.sickAtStart && $0.leaveDaysPerYear == $1.leaveDaysPerYear
                    && $0.attritionClock == $1.attritionClock
            }
    }

    /// Whether day d is a check day in both models and has the same arrival means in every segment. O(segments).
    func isDayAlike(_ d: Int, _ base: SimulationModel) -> Bool {
        let k = layout.count
        return isCheckDay[d] == base.isCheckDay[d] && arrivalMeans[(d * k)..<((d + 1) * k)] == base.arrivalMeans[(d * k)..<((d + 1) * k)]
    }

    /// The reported checks on the days before `day` (0…`dayCount`): the first check a trial
    /// resumed at `day` records. O(checks).
    func reportedChecks(before day: Int) -> Int { checks.count(where: { $0.day < day }) }
}
