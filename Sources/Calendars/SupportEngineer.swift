/// One member of the support team, as the schedule sees them (docs/MODEL.md §2).
public struct SupportEngineer: Sendable {
    public var name: String
    /// "emea", "us", or a group the scenario defines; checks count working SEs per group.
    public var group: String
    /// The public holidays they take: their country's calendar, edited, or a listed one.
    public var holidays: HolidayCalendar
    public var workingWeekdays: Set<Weekday>
    /// Share of a full-time SE's resolution rate: 0.5 for half-time or a new hire.
    public var capacity: Double
    /// Planned time off.
    public var timeOff: [DateRange]
    /// Dates on which they work although it is a public holiday or a company day off for them.
    public var rota: Set<CivilDate>
    /// Their first day on the team (a hire); nil when they were on it before any date that matters.
    public var joins: CivilDate?
    /// Their last day on the team (inclusive); nil when they stay.
    public var leaves: CivilDate?
    /// Whether sickness can take them (docs/MODEL.md §3); false for cover bought on the
    /// understanding that someone else stands in if they fall ill.
    public var fallsSick: Bool
    /// Their own leave days a year for the unbooked-leave model (docs/MODEL.md §3a), instead of
    /// the team's `unbooked_leave.days_per_year`; nil for the team's.
    public var leaveDaysPerYear: Double?
    /// How a hire comes up to speed from `joins`; nil for full capacity from the first day.
    public var ramp: Ramp?

    public static let mondayToFriday: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]

    public init(
        name: String, group: String, holidays: HolidayCalendar,
        workingWeekdays: Set<Weekday> = SupportEngineer.mondayToFriday, capacity: Double = 1.0,
        timeOff: [DateRange] = [], rota: Set<CivilDate> = [], joins: CivilDate? = nil, leaves: CivilDate? = nil,
        fallsSick: Bool = true, ramp: Ramp? = nil
    ) {
        self.name = name
        self.group = group
        self.holidays = holidays
        self.workingWeekdays = workingWeekdays
        self.capacity = capacity
        self.timeOff = timeOff
        self.rota = rota
        self.joins = joins
        self.leaves = leaves
        self.fallsSick = fallsSick
        self.ramp = ramp
    }

    /// Whether `date` lies between their `joins` and `leaves` dates (inclusive).
    public func isOnTeam(_ date: CivilDate) -> Bool {
        (joins.map { date >= $0 } ?? true) && (leaves.map { date <= $0 } ?? true)
    }
}
