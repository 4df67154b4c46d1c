/// Whether an SE is scheduled on a date, and if not, the one reason a planner would give.
public enum Availability: Hashable, Sendable, CustomStringConvertible {
    case scheduled
    case notScheduled(Reason)

    /// Why an SE is not scheduled. When several apply, the first of these in declaration order
    /// is reported, from the most general to the most personal: the company is closed; they have
    /// not joined the team yet or have left it; it is not
    /// one of their weekdays; a company day off for their group; a public holiday of their
    /// calendar; their own time off. A rota date overrides a company day off and a public holiday
    /// (that is what a rota is for), but not a closure, a non-working weekday, or time off.
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        case companyClosed(String?)
        /// Before their `joins` date or after their `leaves` date.
        case notOnTeam
        case notAWorkingDay(Weekday)
        case companyDayOff(String)
        case publicHoliday(String)
        case timeOff

        public var description: String {
            switch self {
            case .companyClosed(let name): return name.map { "company closed (\($0))" } ?? "company closed"
            case .notOnTeam: return "not on the team (before joining or after leaving)"
            case .notAWorkingDay(let weekday): return "\(weekday.abbreviation) is not a working day"
            case .companyDayOff(let name): return "company day off (\(name))"
            case .publicHoliday(let name): return "public holiday (\(name))"
            case .timeOff: return "time off"
            }
        }
    }

    public var isScheduled: Bool { self == .scheduled }

    public var description: String {
        switch self {
        case .scheduled: return "scheduled"
        case .notScheduled(let reason): return "not scheduled: \(reason)"
        }
    }
}

extension SupportEngineer {
    /// Applies the precedence documented on `Availability.Reason`.
    /// Complexity: O(closures + company days off + time-off ranges).
    public func availability(on date: CivilDate, company: CompanyCalendar) -> Availability {
        if let closure = company.closure(on: date) { return .notScheduled(.companyClosed(closure.name)) }
        guard isOnTeam(date) else { return .notScheduled(.notOnTeam) }
        let weekday = date.weekday
        guard workingWeekdays.contains(weekday) else { return .notScheduled(.notAWorkingDay(weekday)) }
        let onRota = rota.contains(date)
        if !onRota, let dayOff = company.dayOff(on: date, group: group) {
            return .notScheduled(.companyDayOff(dayOff.name))
        }
        if !onRota, let holiday = holidays.holiday(on: date) { return .notScheduled(.publicHoliday(holiday.name)) }
        if timeOff.contains(where: { $0.contains(date) }) { return .notScheduled(.timeOff) }
        return .scheduled
    }
}
