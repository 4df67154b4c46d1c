/// How a holiday that falls on a weekend is made up for, as the countries' laws say it.
enum SubstituteRule: Sendable {
    /// Saturday → the Friday before, Sunday → the Monday after (US federal law, 5 U.S.C. 6103(b)).
    case nearestWeekday
    /// The next weekday that is neither a holiday nor already another holiday's substitute. This is
    /// how the UK proclamations and the Australian states handle Christmas and Boxing Day together:
    /// Christmas on a Saturday gives Monday 27th, Boxing Day on the Sunday then gives Tuesday 28th.
    case nextFreeWeekday
    /// Sunday → Monday, unless that Monday is a holiday itself (South Africa's Public Holidays Act
    /// s. 2(1); Canada's Holidays Act for Canada Day).
    case sundayToMonday
}

/// One year of one country's calendar while its rules run.
///
/// Substitute days are resolved in `finish()`, not when a holiday is added, because whether a
/// weekday is free depends on the whole year (Boxing Day on a Monday pushes Christmas Day's
/// substitute to Tuesday).
struct HolidayYear {
    let year: Int
    let easter: CivilDate
    private var entries: [Holiday] = []
    private var substitutes: [(holiday: Holiday, rule: SubstituteRule)] = []

    init(year: Int) {
        self.year = year
        self.easter = CivilDate.easterSunday(year: year)
    }

    func date(_ month: Int, _ day: Int) -> CivilDate {
        CivilDate(dayNumber: CivilDate.dayNumber(year: year, month: month, day: day))
    }

    /// The `n`-th `weekday` of `month` this year; `n` = -1 for the last.
    func nth(_ n: Int, _ weekday: Weekday, of month: Int) -> CivilDate {
        CivilDate.nth(n, weekday, of: month, year: year)
    }

    mutating func add(_ name: String, _ date: CivilDate, substitute rule: SubstituteRule? = nil) {
        let holiday = Holiday(date: date, name: name)
        entries.append(holiday)
        if let rule { substitutes.append((holiday, rule)) }
    }

    mutating func add(_ name: String, _ month: Int, _ day: Int, substitute rule: SubstituteRule? = nil) {
        add(name, date(month, day), substitute: rule)
    }

    /// A holiday a fixed number of days from Easter Sunday (Good Friday is -2, Whit Monday +50).
    mutating func add(_ name: String, easter offset: Int) {
        add(name, easter.adding(days: offset))
    }

    /// Gives every holiday added so far the substitute rule, for laws that apply one rule to all
    /// public holidays (South Africa).
    mutating func substituteAll(_ rule: SubstituteRule) {
        substitutes = entries.map { ($0, rule) }
    }

    /// Drops the holidays that fall on a Sunday (Spain: the regions decide whether to move them,
    /// so nationally there is no day off).
    mutating func removeSundays() {
        entries.removeAll { $0.date.weekday == .sunday }
    }

    /// The year's holidays with their substitutes, by date; holidays sharing a date keep the
    /// order in which the rules added them.
    func finish() -> [Holiday] {
        var taken = Set(entries.map(\.date))
        var result = entries
        for (holiday, rule) in substitutes.sorted(by: { $0.holiday.date < $1.holiday.date }) {
            guard let day = substituteDate(for: holiday.date, rule: rule, taken: taken) else { continue }
            taken.insert(day)
            result.append(Holiday(date: day, name: Holiday.observedName(of: holiday.name)))
        }
        return result.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
    }

    private func substituteDate(for date: CivilDate, rule: SubstituteRule, taken: Set<CivilDate>) -> CivilDate? {
        switch (rule, date.weekday) {
        case (.nearestWeekday, .saturday): return date.adding(days: -1)
        case (.nearestWeekday, .sunday): return date.adding(days: 1)
        case (.nextFreeWeekday, .saturday), (.nextFreeWeekday, .sunday):
            var day = date.adding(days: 1)
            while day.weekday.isWeekend || taken.contains(day) { day = day.adding(days: 1) }
            return day
        case (.sundayToMonday, .sunday):
            let monday = date.adding(days: 1)
            return taken.contains(monday) ? nil : monday
        default:
            return nil
        }
    }
}
