import Calendars

/// One VEVENT of an iCalendar file, as the days it takes.
public struct ImportedEvent: Equatable, Sendable {
    /// The SUMMARY with its escapes undone; empty when the event has none.
    public let summary: String
    /// The line of the event's BEGIN:VEVENT, so that a person can find it in the file.
    public let line: Int
    /// The dates within the horizon that the event covers, sorted and unique; never empty.
    public let dates: [CivilDate]

    public init(summary: String, line: Int, dates: [CivilDate]) {
        self.summary = summary
        self.line = line
        self.dates = dates
    }
}

/// A day named by an imported event, for an `.ics` file that stands in for a country's holidays.
public struct ImportedHoliday: Equatable, Sendable {
    public let date: CivilDate
    public let name: String

    public init(date: CivilDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// What an iCalendar file says about the days of a horizon: the events that take days within it, in
/// the order of the file, and what was skipped on the way.
public struct ImportedCalendar: Equatable, Sendable {
    public let events: [ImportedEvent]
    public let warnings: [ImportWarning]

    public init(events: [ImportedEvent], warnings: [ImportWarning]) {
        self.events = events
        self.warnings = warnings
    }

    /// Every date any event covers, sorted and unique: the file read as one person's time off, where
    /// each event is an absence whatever it is called.
    ///
    /// - Complexity: O(n log n) for n covered dates summed over the events.
    public var timeOffDates: [CivilDate] {
        Set(events.flatMap(\.dates)).sorted()
    }

    /// One holiday per covered date, sorted by date, named by the SUMMARY of the events on it: the file
    /// read as a holiday calendar. Distinct names of events on the same date are joined with " / ", so
    /// that a file listing a day twice gives one holiday and loses no name.
    ///
    /// - Complexity: O(n log n) for n covered dates summed over the events.
    public var holidays: [ImportedHoliday] {
        var names: [CivilDate: [String]] = [:]
        for event in events {
            for date in event.dates where !names[date, default: []].contains(event.summary) {
                names[date, default: []].append(event.summary)
            }
        }
        return names.keys.sorted().map { ImportedHoliday(date: $0, name: names[$0]!.joined(separator: " / ")) }
    }
}
