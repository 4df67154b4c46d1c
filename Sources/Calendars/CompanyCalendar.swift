/// The company's own calendar: when it is closed, and the days off it gives some or all groups.
public struct CompanyCalendar: Sendable {
    public var closures: [CompanyClosure]
    public var daysOff: [CompanyDayOff]

    public init(closures: [CompanyClosure] = [], daysOff: [CompanyDayOff] = []) {
        self.closures = closures
        self.daysOff = daysOff
    }

    /// The closure covering `date`, if any. Complexity: O(closures).
    public func closure(on date: CivilDate) -> CompanyClosure? {
        closures.first { $0.dates.contains(date) }
    }

    /// The first day off covering `date` that applies to `group`. Complexity: O(days off).
    public func dayOff(on date: CivilDate, group: String) -> CompanyDayOff? {
        daysOff.first { $0.dates.contains(date) && $0.applies(to: group) }
    }
}

/// Dates on which the whole company is closed: no checks are declared and nobody is scheduled,
/// rota or not (docs/MODEL.md §1).
public struct CompanyClosure: Hashable, Sendable {
    public let dates: DateRange
    /// Shown in explanations ("closed: year-end shutdown") when given.
    public let name: String?

    public init(dates: DateRange, name: String? = nil) {
        self.dates = dates
        self.name = name
    }
}

/// A day (or days) the company gives off, to everyone or to some groups (a US-only "Day after
/// Thanksgiving"). Checks still happen, unlike a closure.
public struct CompanyDayOff: Hashable, Sendable {
    public let dates: DateRange
    public let name: String
    /// The groups it applies to; empty means everyone.
    public let groups: Set<String>

    public init(dates: DateRange, name: String, groups: Set<String> = []) {
        self.dates = dates
        self.name = name
        self.groups = groups
    }

    public init(date: CivilDate, name: String, groups: Set<String> = []) {
        self.init(dates: DateRange(day: date), name: name, groups: groups)
    }

    public func applies(to group: String) -> Bool { groups.isEmpty || groups.contains(group) }
}
