import Calendars

/// Expanding a rule into dates, period by period as the RFC describes it: each DAILY, WEEKLY,
/// MONTHLY or YEARLY period (every INTERVAL-th one from DTSTART's) yields the days that pass every BY…
/// part, BYSETPOS then picks among them, and COUNT and UNTIL end the series.
///
/// Every occurrence of a rule starts at DTSTART's time of day (the reader rejects BYHOUR and the
/// like), so a rule deals only in dates and the time is added back by the caller.
extension RecurrenceRule {
    /// The dates of a series and whether DTSTART is one the rule itself produces.
    struct Expansion: Equatable {
        /// DTSTART's date first (RFC 5545 counts it as the first occurrence even when the rule would
        /// not produce it), then the rule's dates in order.
        let dates: [CivilDate]
        /// False when DTSTART is not "synchronized" with the rule, a case the RFC leaves undefined
        /// and which the reader reports.
        let startMatchesRule: Bool
    }

    /// The series' dates that begin no later than `latest`, starting from `start` (DTSTART's date).
    ///
    /// - Parameters:
    ///   - lastAllowed: the last date UNTIL allows, already brought into DTSTART's zone and compared
    ///     with DTSTART's time of day by the caller.
    ///   - earliest: dates before it are not needed; without COUNT, whole periods before it are skipped,
    ///     so a rule that started decades ago costs no more than one that starts today.
    /// - Complexity: O(p × d) for p periods between `start` (or `earliest`) and `latest` and d days in a
    ///   period; it always ends, whatever COUNT or UNTIL say, because `latest` bounds the periods.
    func expand(start: CivilDate, lastAllowed: CivilDate?, earliest: CivilDate, latest: CivilDate) -> Expansion {
        let rule = withDefaults(from: start)
        var dates = [start]
        var remaining = count.map { $0 - 1 } ?? Int.max
        let end = min(latest, lastAllowed ?? latest)
        var period = count == nil ? rule.firstPeriod(reaching: earliest, from: start) : 0
        expansion: while remaining > 0 {
            let days = rule.days(ofPeriod: period, from: start)
            guard let first = days.first, first <= end else { break }
            for date in rule.selected(from: days) where date > start {
                if date > end || remaining == 0 { break expansion }
                dates.append(date)
                remaining -= 1
            }
            period += 1
        }
        let startMatchesRule = rule.selected(from: rule.days(ofPeriod: 0, from: start)).contains(start)
        return Expansion(dates: dates, startMatchesRule: startMatchesRule)
    }

    /// The rule with what the RFC takes from DTSTART when no BY… part says otherwise: a YEARLY rule
    /// repeats DTSTART's month and day, a MONTHLY rule its day of the month, a WEEKLY rule its weekday.
    private func withDefaults(from start: CivilDate) -> RecurrenceRule {
        var rule = self
        guard byDay.isEmpty && byMonthDay.isEmpty else { return rule }
        switch frequency {
        case .yearly:
            if rule.byMonth.isEmpty { rule.byMonth = [start.month] }
            rule.byMonthDay = [start.day]
        case .monthly:
            rule.byMonthDay = [start.day]
        case .weekly:
            rule.byDay = [WeekdayNumber(ordinal: nil, weekday: start.weekday)]
        case .daily:
            break
        }
        return rule
    }

    /// Every day of the `index`-th period used by the rule, in order.
    private func days(ofPeriod index: Int, from start: CivilDate) -> [CivilDate] {
        switch frequency {
        case .daily:
            return [start.adding(days: index * interval)]
        case .weekly:
            let first = weekStartDate(of: start).adding(days: 7 * interval * index)
            return (0..<7).map { first.adding(days: $0) }
        case .monthly:
            let monthIndex = start.year * 12 + start.month - 1 + interval * index
            let year = monthIndex / 12, month = monthIndex % 12 + 1
            let first = CivilDate(year: year, month: month, day: 1)!
            return (0..<CivilDate.daysIn(month: month, year: year)).map { first.adding(days: $0) }
        case .yearly:
            let year = start.year + interval * index
            let first = CivilDate(year: year, month: 1, day: 1)!
            return (0..<(CivilDate.isLeap(year) ? 366 : 365)).map { first.adding(days: $0) }
        }
    }

    /// The first period that can hold a date on or after `earliest`.
    private func firstPeriod(reaching earliest: CivilDate, from start: CivilDate) -> Int {
        let periodsBefore: Int
        switch frequency {
        case .daily:
            periodsBefore = start.days(to: earliest) / interval
        case .weekly:
            periodsBefore = weekStartDate(of: start).days(to: earliest) / (7 * interval)
        case .monthly:
            periodsBefore = ((earliest.year - start.year) * 12 + earliest.month - start.month) / interval
        case .yearly:
            periodsBefore = (earliest.year - start.year) / interval
        }
        return max(0, periodsBefore)
    }

    private func weekStartDate(of date: CivilDate) -> CivilDate {
        date.adding(days: -((date.weekday.rawValue - weekStart.rawValue + 7) % 7))
    }

    /// The days of one period that pass BYMONTH, BYMONTHDAY and BYDAY, then the ones BYSETPOS picks.
    private func selected(from days: [CivilDate]) -> [CivilDate] {
        let matching = days.filter(matches)
        guard !bySetPosition.isEmpty else { return matching }
        let picked = Set(bySetPosition.compactMap { position -> CivilDate? in
            let index = position > 0 ? position - 1 : matching.count + position
            return matching.indices.contains(index) ? matching[index] : nil
        })
        return picked.sorted()
    }

    private func matches(_ date: CivilDate) -> Bool {
        let (year, month, day) = date.components
        if !byMonth.isEmpty && !byMonth.contains(month) { return false }
        if !byMonthDay.isEmpty {
            let fromEnd = day - CivilDate.daysIn(month: month, year: year) - 1
            if !byMonthDay.contains(day) && !byMonthDay.contains(fromEnd) { return false }
        }
        if !byDay.isEmpty {
            return byDay.contains { entry in
                guard entry.weekday == date.weekday else { return false }
                guard let ordinal = entry.ordinal else { return true }
                return ordinalPositions(of: date, year: year, month: month, day: day).contains(ordinal)
            }
        }
        return true
    }

    /// Which n-th of its weekday `date` is, counted from the start and from the end (negative) of its
    /// month, or of its year for a YEARLY rule without BYMONTH, as the RFC scopes BYDAY numbers.
    private func ordinalPositions(of date: CivilDate, year: Int, month: Int, day: Int) -> [Int] {
        if frequency == .yearly && byMonth.isEmpty {
            let dayOfYear = CivilDate(year: year, month: 1, day: 1)!.days(to: date)
            let daysInYear = CivilDate.isLeap(year) ? 366 : 365
            return [dayOfYear / 7 + 1, -((daysInYear - 1 - dayOfYear) / 7 + 1)]
        }
        return [(day - 1) / 7 + 1, -((CivilDate.daysIn(month: month, year: year) - day) / 7 + 1)]
    }
}
