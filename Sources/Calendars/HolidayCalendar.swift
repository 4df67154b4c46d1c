/// The holidays one group of people takes off: what the schedule asks "is this date a holiday
/// for this SE?".
///
/// Either a country's public holidays edited by the company (names it works through, days it
/// adds), or an explicit list of dated holidays, for instance imported from an iCalendar file
/// that stands in for a country's calendar.
public struct HolidayCalendar: Sendable {
    /// What the calendar was built from, for reports: "GB-SCT", or the label given to a list.
    public let source: String
    /// Day number → the holiday on that date. When several fall on one date, the first in the
    /// country's order (then the added ones) answers.
    private let byDay: [Int: Holiday]

    /// A country's calendar for `PublicHolidays.supportedYears`, minus the holidays named in
    /// `dropping` (exact names, so "Christmas Day (observed)" is dropped separately from "Christmas
    /// Day"), plus the company's own days in `adding` (e.g. "Day after Thanksgiving").
    ///
    /// Throws when a dropped name is not a name the country uses in any supported year, because a
    /// misspelt name would otherwise silently keep the holiday. Complexity: O(years × holidays).
    public init(country: PublicHolidays, dropping: Set<String> = [], adding: [Holiday] = []) throws(CalendarError) {
        let all = country.allHolidays
        let known = Set(all.map(\.name))
        let unknown = dropping.subtracting(known)
        guard unknown.isEmpty else {
            throw .unknownHolidayNames(unknown.sorted(), country: country.code, known: known.sorted())
        }
        self.init(holidays: all.filter { !dropping.contains($0.name) } + adding, source: country.code)
    }

    /// A calendar of exactly these holidays (no rules, no years beyond the ones listed).
    public init(holidays: [Holiday], source: String) {
        self.source = source
        var byDay: [Int: Holiday] = [:]
        for holiday in holidays where byDay[holiday.date.dayNumber] == nil {
            byDay[holiday.date.dayNumber] = holiday
        }
        self.byDay = byDay
    }

    /// A calendar without holidays, for an SE who works through every public holiday.
    public static let none = HolidayCalendar(holidays: [], source: "none")

    /// The holiday on `date`, if any. Complexity: O(1).
    public func holiday(on date: CivilDate) -> Holiday? { byDay[date.dayNumber] }

    /// The holidays from `first` through `last`, by date. Complexity: O(days in the range).
    public func holidays(from first: CivilDate, through last: CivilDate) -> [Holiday] {
        guard first <= last else { return [] }
        return (first.dayNumber...last.dayNumber).compactMap { byDay[$0] }
    }
}
