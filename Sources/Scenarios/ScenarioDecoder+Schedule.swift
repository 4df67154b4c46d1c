import Calendars
import CapacityPolicy
import InputFormats

/// The time frame of a scenario: horizon and warm-up, check days, windows and group shifts.
extension ScenarioDecoder {
    func decodeHorizon(_ node: JSONNode) -> DateRange? {
        node.rejectUnknownKeys(ScenarioKeys.horizon)
        let start = node.requiredMember("start")?.date()
        let end = node.requiredMember("end")?.date()
        guard let start, let end, let horizon = node.range(start, end) else { return nil }
        guard horizon.dayCount <= Self.maximumHorizonDays else {
            node.report("the horizon is \(horizon.dayCount) days long; at most \(Self.maximumHorizonDays) days (3 years) are supported")
            return nil
        }
        return horizon
    }

    /// Every date the simulation touches: the warm-up, the horizon, and the day before the warm-up,
    /// whose late shifts (US 14:00–01:00) run into the first simulated segment (docs/MODEL.md §1).
    /// Nil after reporting when these dates leave the years the holiday rules cover.
    func simulatedDates(horizon: DateRange, warmupDays: Int) -> ClosedRange<CivilDate>? {
        let first = horizon.first.adding(days: -warmupDays - 1)
        let years = PublicHolidays.supportedYears
        for year in [first.year, horizon.last.year] where !years.contains(year) {
            root.member("horizon")?.report(CalendarError.yearOutOfRange(year).description)
            return nil
        }
        return first...horizon.last
    }

    /// The windows in order of check time, however the file lists them.
    func decodeWindows(_ node: JSONNode) -> [CheckWindow]? {
        guard let elements = node.elements() else { return nil }
        guard !elements.isEmpty else { node.report("expected at least one window"); return nil }
        var windows: [CheckWindow] = []
        var valid = true
        for element in elements {
            element.rejectUnknownKeys(ScenarioKeys.window)
            let nameNode = element.requiredMember("name")
            let checkNode = element.requiredMember("check")
            let name = nameNode?.name()
            let check = checkNode?.clockMinute()
            let coverage = element.requiredMember("coverage")?.timeSpan()
            if let name, let other = windows.first(where: { $0.name == name }) {
                nameNode?.report("the window name \"\(name)\" is used twice (also \(other.schedule))")
                valid = false
            }
            if let check, let other = windows.first(where: { $0.checkMinute == check }) {
                checkNode?.report("\(CheckWindow.clock(check)) is also the check time of \(other.name)")
                valid = false
            }
            guard let name, let check, let coverage else { valid = false; continue }
            windows.append(CheckWindow(name: name, checkMinute: check, coverage: coverage))
        }
        return valid ? windows.sorted { $0.checkMinute < $1.checkMinute } : nil
    }

    func decodeGroups(_ node: JSONNode) -> [Scenario.Group]? {
        guard let elements = node.elements() else { return nil }
        guard !elements.isEmpty else { node.report("expected at least one group"); return nil }
        var groups: [Scenario.Group] = []
        var valid = true
        for element in elements {
            element.rejectUnknownKeys(ScenarioKeys.group)
            let nameNode = element.requiredMember("name")
            let name = nameNode?.name()
            let shift = element.requiredMember("shift")?.timeSpan()
            if let name, groups.contains(where: { $0.name == name }) {
                nameNode?.report("the group name \"\(name)\" is used twice")
                valid = false
            }
            guard let name, let shift else { valid = false; continue }
            groups.append(Scenario.Group(name: name, shiftStart: shift.lowerBound, shiftEnd: shift.upperBound))
        }
        return valid ? groups : nil
    }
}
