import Calendars
import CapacityPolicy
import OutputFormats
import Scenarios

/// A scenario turned into flat per-day and per-segment numbers, so a trial is arithmetic on
/// arrays: nothing in the kernel looks at dates, names or calendars.
///
/// The day runs from the last check of the day before to its own last check, and is cut into
/// windows at the check times (window k ends at the k-th check, in order of check time: with the
/// default checks, A = [17:30 the day before, 10:00) and B = [10:00, 17:30)), and into segments
/// at the check times and the shifts' starts and ends (`SegmentLayout`, docs/MODEL.md §5).
public struct SimulationModel: Sendable {
    public let scenario: Scenario
    public let policy: CompiledPolicy
    /// Windows in order of check time; window k ends at `windows[k]`'s check.
    public let windows: [CheckWindow]
    /// Hours of each window, from the check before it to its own.
    public let windowHours: [Double]
    /// The day's segments, and the hours of each.
    let layout: SegmentLayout
    public let segmentHours: [Double]
    /// Simulated days: the warm-up, then the horizon.
    public let dayCount: Int
    public let firstDate: CivilDate
    /// Index of the horizon's first day among the simulated days.
    public let firstReportedDay: Int
    public let isCheckDay: [Bool]
    /// The reported checks in time order: by day, then window.
    public let checks: [Check]

    public let groups: [String]
    /// For each policy input: the group it counts, or nil for the cases input.
    let inputGroups: [Int?]
    /// Expected arrivals per segment before the demand shock: `[day * K + k]`, K segments.
    let arrivalMeans: [Double]
    /// A spike's expected cases per segment.
    let spikeMeans: [Double]
    /// The first segments' parts before the instant the starting backlog holds at, cut off
    /// (`Scenario.openCasesAt`); `arrivalMeans` are cut already.
    let opening: OpeningCut
    /// Shift share of a group's shift on day d falling in segment k of day d + offset (K segments):
    /// `[(group * 3 + offset) * K + k]`, offset 0…2.
    let shiftShares: [Double]
    let engineers: [Engineer]
    /// Unbooked leave (docs/MODEL.md §3a): per simulated day, the daily start probability of an
    /// SE with one leave day a year (before the clamp to 1); empty without the model.
    let unbookedLeaveRate: [Double]
    /// The first simulated day an unbooked spell can start on (the day after `as_of`, at least 0);
    /// `dayCount` without the model.
    let firstUnbookedLeaveDay: Int
    /// Scheduled headcount and capacity per group and day, day -1 (the day before the first) included:
    /// `[group * (dayCount + 1) + day + 1]`.
    public let scheduledHeadcount: [Int32]
    let scheduledCapacity: [Double]
    /// Cumulative effects of levels 1…l (0-based l): capacity multiplier, extra resolutions per
    /// segment `[l * K + k]`, and the share of new cases kept (not diverted).
    let multipliers: [Double]
    let extraPerSegment: [Double]
    let keptShares: [Double]
    /// The policy level each alert channel is first raised at (0-based), in order of first appearance.
    public let alertChannels: [(channel: String, level: Int)]

    public struct Check: Sendable, Hashable {
        public let date: CivilDate
        public let window: Int
        public let day: Int
    }

    struct Engineer: Sendable {
        let group: Int
        let capacity: Double
        /// Scheduled on day d (index d + 1; day -1 first).
        let scheduled: [Bool]
        /// In a spell of unknown length on the first simulated day (`Scenario.sickAtStart`).
        let sickAtStart: Bool
        /// Whether sickness can take them (`SupportEngineer.fallsSick`).
        let fallsSick: Bool
        /// Their leave days a year for the unbooked-leave model; 0 without it.
        let leaveDaysPerYear: Double
        /// A ramping hire's capacity per day (index d + 1), `capacity` × the ramp's fraction; nil
        /// without a ramp, when it is `capacity` every day.
        let rampCapacity: [Double]?
        /// Per day (index d + 1): scheduled and counted in the headcount; nil when that is every
        /// day they are scheduled (no ramp, or one that counts from the first day).
        let counted: [Bool]?
        /// The day their attrition clock starts (docs/MODEL.md §2): the horizon's first day, or
        /// their first day when they join later.
        let attritionClock: Int
    }

    /// Per group: the daily probability of resigning (0 without attrition) and the notice days.
    let departureProbabilities: [Double]
    let noticeDays: [Int]

    /// With `sharing`, a model whose scenario has the same policy, the compiled policy is shared
    /// rather than compiled again: compiling the handbook's takes about 50 million instructions
    /// (its effective table), which a paired command making dozens of models would pay each time.
    public init(_ scenario: Scenario, sharingPolicyWith other: SimulationModel? = nil) throws(SimulationError) {
        self.scenario = scenario
        let policy = scenario.policy
        if let other, other.scenario.policy == policy {
            self.policy = other.policy
        } else {
            self.policy = CompiledPolicy(policy)
        }
        let windows = scenario.windows.sorted { $0.checkMinute < $1.checkMinute }
        self.windows = windows
        let k = windows.count
        guard k > 0 else { throw SimulationError("a scenario needs at least one check window") }
        let checkMinutes = windows.map(\.checkMinute)
        let windowStarts: [Int] = (0..<k).map { $0 == 0 ? checkMinutes[k - 1] - 1440 : checkMinutes[$0 - 1] }
        let windowHours = (0..<k).map { (w: Int) -> Double in Double(checkMinutes[w] - windowStarts[w]) / 60 }
        self.windowHours = windowHours
        let layout = SegmentLayout(checkMinutes: checkMinutes, groups: scenario.groups)
        self.layout = layout
        let segmentHours = layout.hours
        self.segmentHours = segmentHours
        let segments = layout.count

        let firstDate = scenario.simulationStart
        let dayCount = scenario.warmupDays + scenario.horizon.dayCount
        self.firstDate = firstDate
        self.firstReportedDay = scenario.warmupDays
        self.dayCount = dayCount
        let dates = (0..<dayCount).map { firstDate.adding(days: $0) }
        let scheduleDates = try SimulationError.wrap { () throws(CalendarError) in try DateRange(first: firstDate.adding(days: -1), last: dates.last!) }
        let schedule = TeamSchedule(engineers: scenario.team, company: scenario.company, dates: scheduleDates)
        let isCheckDay = dates.map { scenario.checkDays.contains($0.weekday) && !schedule.isClosed($0) }
        self.isCheckDay = isCheckDay

        var checks: [Check] = []
        for d in scenario.warmupDays..<dayCount where isCheckDay[d] {
            for w in 0..<k { checks.append(Check(date: dates[d], window: w, day: d)) }
        }
        self.checks = checks

        self.groups = scenario.groups.map(\.name)
        var inputGroups: [Int?] = []
        for input in policy.inputs {
            switch input.kind {
            case .cases: inputGroups.append(nil)
            case .headcount:
                guard let g = groups.firstIndex(of: input.name) else {
                    throw SimulationError("the policy counts \"\(input.name)\" SEs but the scenario has no such group (groups: \(groups.joined(separator: ", ")))")
                }
                inputGroups.append(g)
            }
        }
        guard policy.inputs.filter({ $0.kind == .cases }).count == 1 else {
            throw SimulationError("the policy must have exactly one input of kind \"cases\" (the open cases at a check)")
        }
        self.inputGroups = inputGroups

        // Arrivals: λ_d = base × weekday factor × holiday factor × trend, month and period factors,
        // split by the arrival shares: a window's share between its segments by their hours.
        let inflow = scenario.inflow
        let windowShares = inflow.arrivalShares ?? windowHours.map { $0 / 24 }
        let shares = (0..<segments).map { (s: Int) -> Double in
            let w = layout.window[s]
            return windowShares[w] * segmentHours[s] / windowHours[w]
        }
        var arrivalMeans = [Double](repeating: 0, count: dayCount * segments)
        for (d, date) in dates.enumerated() {
            var lambda = inflow.basePerDay * (inflow.weekdayFactors[date.weekday] ?? 1)
            if inflow.holidayCalendars.contains(where: { $0.holiday(on: date) != nil }) { lambda *= inflow.holidayFactor }
            lambda *= inflow.driftFactor(on: date)
            for s in 0..<segments { arrivalMeans[d * segments + s] = lambda * shares[s] }
        }
        self.shiftShares = try Self.shiftShares(groups: scenario.groups, layout: layout)
        let simulationStart = layout.starts[0]
        if let instant = scenario.openCasesAt {
            let firstCheck = checks.first.map { $0.day * 1440 + checkMinutes[$0.window] }
            guard instant >= simulationStart, firstCheck.map({ instant <= $0 }) ?? true else {
                throw SimulationError("the starting backlog's instant (\(instant) minutes after 00:00 UTC of \(firstDate)) must lie from the simulation's start (\(simulationStart)) to the first check (\(firstCheck ?? 0))")
            }
        }
        let opening = OpeningCut(instant: scenario.openCasesAt, starts: layout.starts, bounds: layout.ends,
                                 groups: scenario.groups.map { ($0.shiftStart, $0.shiftEnd) })
        for i in opening.kept.indices { arrivalMeans[i] *= opening.kept[i] }
        self.opening = opening
        self.arrivalMeans = arrivalMeans
        self.spikeMeans = shares.map { $0 * inflow.spikeMean }

        var engineers: [Engineer] = []
        var headcount = [Int32](repeating: 0, count: groups.count * (dayCount + 1))
        var capacity = [Double](repeating: 0, count: groups.count * (dayCount + 1))
        for (i, se) in scenario.team.enumerated() {
            guard let g = groups.firstIndex(of: se.group) else {
                throw SimulationError("SE \"\(se.name)\" is in group \"\(se.group)\", which the scenario does not define")
            }
            let scheduled = (-1..<dayCount).map { schedule.isScheduled(i, on: firstDate.adding(days: $0)) }
            let joinDay = se.joins.map { firstDate.days(to: $0) } ?? Int.min
            let rampCapacity = se.ramp.map { ramp in (-1..<dayCount).map { se.capacity * ramp.fraction(daysSinceJoining: $0 - joinDay) } }
            let counted = se.ramp.flatMap { ramp in
                ramp.countsInHeadcount ? nil : (-1..<dayCount).map { scheduled[$0 + 1] && ramp.counts(daysSinceJoining: $0 - joinDay) }
            }
            for (d1, on) in scheduled.enumerated() where on {
                if counted?[d1] ?? true { headcount[g * (dayCount + 1) + d1] += 1 }
                capacity[g * (dayCount + 1) + d1] += rampCapacity?[d1] ?? se.capacity
            }
            engineers.append(Engineer(
                group: g, capacity: se.capacity, scheduled: scheduled, sickAtStart: scenario.sickAtStart.contains(i), fallsSick: se.fallsSick,
                leaveDaysPerYear: scenario.unbookedLeave.map { se.leaveDaysPerYear ?? $0.daysPerYear } ?? 0,
                rampCapacity: rampCapacity, counted: counted, attritionClock: max(scenario.warmupDays, joinDay)))
        }
        let attrition = scenario.groups.map { scenario.attrition(ofGroup: $0.name) }
        self.departureProbabilities = attrition.map { $0?.dailyProbability ?? 0 }
        self.noticeDays = attrition.map { $0?.noticeDays ?? 0 }
        self.engineers = engineers
        (unbookedLeaveRate, firstUnbookedLeaveDay) = Self.unbookedLeave(scenario, dates: dates)
        self.scheduledHeadcount = headcount
        self.scheduledCapacity = capacity

        // Effects, cumulative with the levels. Extra resolutions are spread over the worked segments' hours.
        let levels = policy.levels.count
        var multipliers = [Double](repeating: 1, count: levels)
        var extra = [Double](repeating: 0, count: levels * segments)
        let workedHours = layout.workedHours
        var kept = [Double](repeating: 1, count: levels)
        var m = 1.0, e = 0.0, keep = 1.0
        for l in 0..<levels {
            if let effect = scenario.effects[l + 1] {
                m *= effect.capacityMultiplier
                e += effect.extraResolutionsPerDay
                keep *= 1 - effect.divertedShare
            }
            multipliers[l] = m
            kept[l] = keep
            for s in 0..<segments where layout.worked[s] { extra[l * segments + s] = e * segmentHours[s] / workedHours }
        }
        self.multipliers = multipliers
        self.extraPerSegment = extra
        self.keptShares = kept

        var channels: [(String, Int)] = []
        for (l, level) in policy.levels.enumerated() {
            for alert in level.alerts where !channels.contains(where: { $0.0 == alert }) { channels.append((alert, l)) }
        }
        self.alertChannels = channels
    }

    public var levelCount: Int { scenario.policy.levels.count }

    /// `Scenario.shiftShares` over the layout's segments, for groups whose shifts are not empty
    /// (validation refuses an empty one; a scenario built in code may still hold it).
    static func shiftShares(groups: [Scenario.Group], layout: SegmentLayout) throws(SimulationError) -> [Double] {
        if let group = groups.first(where: { $0.shiftEnd <= $0.shiftStart }) { throw SimulationError("group \"\(group.name)\" has an empty shift") }
        return Scenario.shiftShares(groups: groups, segments: (0..<layout.count).map { (layout.starts[$0], layout.ends[$0]) })
    }

    /// Scheduled headcount of group `g` on simulated day `d` (before absence).
    public func scheduled(group g: Int, day d: Int) -> Int { Int(scheduledHeadcount[g * (dayCount + 1) + d + 1]) }

    /// Largest group size, for headcount histograms.
    var groupSizes: [Int] { groups.indices.map { g in engineers.filter { $0.group == g }.count } }
}

/// A scenario the engine cannot run, or a run that cannot go on; one line for the user.
public typealias SimulationError = ErrorMessage<SimulationErrorTopic>
public enum SimulationErrorTopic: ErrorTopic {}

extension SimulationError {
    static func wrap<T>(_ body: () throws(CalendarError) -> T) throws(SimulationError) -> T {
        do { return try body() } catch { throw SimulationError(error.description) }
    }
}
