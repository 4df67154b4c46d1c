import Calendars
import CapacityPolicy

/// Who is scheduled on each day of a scenario and why the others are not, with the level that
/// headcount alone implies: the floor before any sickness or backlog (`plan calendar`, issue 3).
/// The floor is the policy's level for the scheduled headcount of each group and no open cases;
/// every check window of a day gets the same observation, so a day has one floor.
public struct CalendarView: Sendable {
    /// One day of the view.
    public struct Day: Sendable, Equatable {
        public let date: CivilDate
        /// Levels are declared that day (a check day on which the company is open).
        public let isCheckDay: Bool
        /// The closure covering the day, if the company is closed.
        public let closure: CompanyClosure?
        /// Names of the scheduled SEs, per group in `CalendarView.groups` order, in team order.
        public let scheduled: [[String]]
        /// The SEs who are not scheduled, in team order.
        public let notScheduled: [Absence]
        /// The 1-based level implied by headcount alone; nil when there is no check that day.
        public let floorLevel: Int?
    }

    /// An SE who is not scheduled, and the one reason a planner would give.
    public struct Absence: Sendable, Equatable {
        public let name: String
        public let reason: Availability.Reason
    }

    /// The scenario's groups, in its order.
    public let groups: [String]
    /// How many SEs each group has.
    public let groupSizes: [Int]
    /// The policy's level names, for level `k` at index `k - 1`.
    public let levelNames: [String]
    public let days: [Day]

    /// The view of `dates` (any dates: the horizon or a part of it).
    /// Complexity: O(days × team × (closures + days off + time-off ranges)).
    public init(scenario: Scenario, dates: DateRange) {
        groups = scenario.groups.map(\.name)
        groupSizes = groups.map { group in scenario.team.filter { $0.group == group }.count }
        levelNames = scenario.policy.levels.map(\.name)
        let schedule = TeamSchedule(engineers: scenario.team, company: scenario.company, dates: dates)
        let policy = CompiledPolicy(scenario.policy)
        days = dates.days.map { date in
            var scheduled = Array(repeating: [String](), count: scenario.groups.count)
            var absences: [Absence] = []
            for (index, engineer) in scenario.team.enumerated() {
                switch schedule.availability(of: index, on: date) {
                case .scheduled:
                    scheduled[scenario.groups.firstIndex { $0.name == engineer.group }!].append(engineer.name)
                case .notScheduled(let reason):
                    absences.append(Absence(name: engineer.name, reason: reason))
                }
            }
            var floor: Int?
            if scenario.isCheckDay(date) {
                let values = scenario.policy.inputs.map { input in
                    input.kind == .headcount ? schedule.scheduledCount(group: input.name, on: date) : 0
                }
                floor = policy.level(Observation(values)) + 1
            }
            return Day(
                date: date, isCheckDay: scenario.isCheckDay(date), closure: scenario.company.closure(on: date),
                scheduled: scheduled, notScheduled: absences, floorLevel: floor)
        }
    }

    /// The dates `plan calendar` shows: the horizon, or the part of it from `first` to `last`.
    public static func dates(from first: CivilDate?, to last: CivilDate?, horizon: DateRange) throws(CalendarRangeError) -> DateRange {
        let from = first ?? horizon.first
        let to = last ?? horizon.last
        if let first, !horizon.contains(first) { throw .outsideHorizon(.first, first, horizon: horizon) }
        if let last, !horizon.contains(last) { throw .outsideHorizon(.last, last, horizon: horizon) }
        guard let range = try? DateRange(first: from, last: to) else { throw .lastBeforeFirst(first: from, last: to) }
        return range
    }
}

/// Dates asked of `plan calendar` that the scenario cannot show: which end is wrong, so that the
/// tool can name the option that gave it.
public enum CalendarRangeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum End: String, Sendable { case first, last }
    /// The first or last day asked for lies outside the scenario's horizon.
    case outsideHorizon(End, CivilDate, horizon: DateRange)
    /// The last day asked for is before the first.
    case lastBeforeFirst(first: CivilDate, last: CivilDate)

    public var description: String { description { "the \($0.rawValue) day" } }

    /// The sentence with each end named by `name` (the tool passes its options' names).
    public func description(naming name: (End) -> String) -> String {
        switch self {
        case .outsideHorizon(let end, let date, let horizon): "\(name(end)) \(date) is outside the scenario's horizon \(horizon)"
        case .lastBeforeFirst(let first, let last): "\(name(.last)) \(last) is before \(name(.first)) \(first)"
        }
    }
}
