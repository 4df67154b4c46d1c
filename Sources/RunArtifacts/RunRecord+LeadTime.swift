import Calendars

extension RunRecord {
    /// The date by which to brief a channel first needed on `date`: `policy.leadDays` working days
    /// earlier, a working day being a check day that is not a company closure, so that a weekend or
    /// Christmas Day in between does not eat into the time people need to arrange cover. An outlook
    /// is made on its first day, so nothing can be briefed earlier: its dates are never before it.
    ///
    /// - Complexity: O(lead days × closures), plus the non-working days stepped over.
    public func briefBy(_ date: CivilDate) -> CivilDate {
        let checkDays = Set(scenario.checkDays)
        func isWorkingDay(_ day: CivilDate) -> Bool {
            checkDays.contains(day.weekday.abbreviation) && !scenario.closures.contains { $0.start <= day && day <= $0.end }
        }
        // With no check day at all there is no working day to step back to; the date itself is the answer.
        let earliest = outlook.flatMap { CivilDate(iso: $0.from) }
        guard !checkDays.isEmpty else { return date }
        var day = date
        var remaining = policy.leadDays
        while remaining > 0 {
            day = day.adding(days: -1)
            if isWorkingDay(day) { remaining -= 1 }
        }
        if let earliest, day < earliest { return earliest }
        return day
    }
}
