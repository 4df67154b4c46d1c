import Calendars

extension Scenario {
    /// Whether levels are declared on `date`: one of the check days, and the company is open
    /// (docs/MODEL.md §1). Complexity: O(closures).
    public func isCheckDay(_ date: CivilDate) -> Bool {
        checkDays.contains(date.weekday) && company.closure(on: date) == nil
    }

    /// The horizon's dates on which levels are declared, in order. Complexity: O(days × closures).
    public var checkDates: [CivilDate] { horizon.days.filter(isCheckDay) }

    /// Distinct groups with at least one SE.
    public var staffedGroupCount: Int { Set(team.map(\.group)).count }

    /// What `plan validate` says of a valid scenario:
    /// `14 SEs in 2 groups, horizon 2026-12-01…2026-12-31 (31 days) after 14 warm-up days, 44 checks`.
    public var summary: String {
        let warmup = warmupDays == 0 ? "no warm-up" : "after \(warmupDays) warm-up day\(warmupDays == 1 ? "" : "s")"
        let checks = checkDates.count * windows.count
        return "\(team.count) SE\(team.count == 1 ? "" : "s") in \(groups.count) group\(groups.count == 1 ? "" : "s"), "
            + "horizon \(horizon) (\(horizon.dayCount) day\(horizon.dayCount == 1 ? "" : "s")) \(warmup), "
            + "\(checks) check\(checks == 1 ? "" : "s")"
    }
}
