import Calendars
import Testing
@testable import CalendarImport

@Suite("Events: all-day and timed, DTEND and DURATION")
struct ICalendarEventTests {
    @Test func allDayEventsEndTheDayBeforeDTEND() throws {
        let covered = try onlyEventDates("""
            BEGIN:VEVENT
            SUMMARY:Christmas break
            DTSTART;VALUE=DATE:20261224
            DTEND;VALUE=DATE:20261227
            END:VEVENT
            """)
        #expect(covered == dates("2026-12-24", "2026-12-25", "2026-12-26"))
    }

    @Test func allDayEventWithoutEndTakesOneDay() throws {
        #expect(try onlyEventDates("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nEND:VEVENT") == dates("2026-12-24"))
        // Without VALUE=DATE, a bare date is still read as a date, as several producers write it.
        #expect(try onlyEventDates("BEGIN:VEVENT\nDTSTART:20261224\nEND:VEVENT") == dates("2026-12-24"))
    }

    @Test func allDayWithDTENDEqualToDTSTARTTakesItsDay() throws {
        #expect(try onlyEventDates("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nDTEND;VALUE=DATE:20261224\nEND:VEVENT") == dates("2026-12-24"))
    }

    @Test func allDayWithDuration() throws {
        #expect(try onlyEventDates("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261221\nDURATION:P2W\nEND:VEVENT")
                == dates(from: "2026-12-21", through: "2027-01-03"))
        #expect(try onlyEventDates("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261221\nDURATION:P1D\nEND:VEVENT") == dates("2026-12-21"))
    }

    @Test func timedEventsCoverEveryDateTheyTouch() throws {
        // UTC, floating and TZID times are all read as written.
        #expect(try onlyEventDates("BEGIN:VEVENT\nDTSTART:20261221T090000Z\nDTEND:20261221T170000Z\nEND:VEVENT") == dates("2026-12-21"))
        #expect(try onlyEventDates("BEGIN:VEVENT\nDTSTART:20261221T220000\nDTEND:20261222T020000\nEND:VEVENT") == dates("2026-12-21", "2026-12-22"))
        #expect(try onlyEventDates("BEGIN:VEVENT\nDTSTART;TZID=America/Los_Angeles:20261221T200000\nDTEND;TZID=America/Los_Angeles:20261223T010000\nEND:VEVENT")
                == dates("2026-12-21", "2026-12-22", "2026-12-23"))
    }

    @Test func timedEventEndingAtMidnightDoesNotCoverTheNextDate() throws {
        #expect(try onlyEventDates("BEGIN:VEVENT\nDTSTART:20261221T090000\nDTEND:20261222T000000\nEND:VEVENT") == dates("2026-12-21"))
        #expect(try onlyEventDates("BEGIN:VEVENT\nDTSTART:20261221T000000\nDTEND:20261223T000000\nEND:VEVENT") == dates("2026-12-21", "2026-12-22"))
    }

    @Test func timedEventWithDuration() throws {
        #expect(try onlyEventDates("BEGIN:VEVENT\nDTSTART:20261221T090000\nDURATION:PT4H\nEND:VEVENT") == dates("2026-12-21"))
        #expect(try onlyEventDates("BEGIN:VEVENT\nDTSTART:20261221T180000\nDURATION:P1DT12H\nEND:VEVENT") == dates("2026-12-21", "2026-12-22", "2026-12-23"))
    }

    @Test func timedEventWithoutEndTakesItsStartDate() throws {
        #expect(try onlyEventDates("BEGIN:VEVENT\nDTSTART:20261221T000000\nEND:VEVENT") == dates("2026-12-21"))
    }

    @Test func datesOutsideTheHorizonAreLeftOutAndEmptyEventsDropped() throws {
        let found = try events("""
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20251230
            DTEND;VALUE=DATE:20260103
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20250101
            END:VEVENT
            """)
        #expect(found == [ImportedEvent(summary: "", line: 4, dates: dates("2026-01-01", "2026-01-02"))])
    }

    @Test func summaryIsUnescapedAndUnfolded() throws {
        let found = try events("BEGIN:VEVENT\nSUMMARY:Office closed\\, all\n  teams\\; see wiki\\nThanks\nDTSTART;VALUE=DATE:20261224\nEND:VEVENT")
        // The escaped line break becomes a space: a name is shown on one line.
        #expect(found[0].summary == "Office closed, all teams; see wiki Thanks")
        #expect(found[0].line == 4)
    }

    @Test func cancelledEventsTakeNoDays() throws {
        #expect(try events("BEGIN:VEVENT\nSTATUS:CANCELLED\nDTSTART;VALUE=DATE:20261224\nEND:VEVENT").isEmpty)
    }

    @Test func severalCalendarsInOneStream() throws {
        let text = calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nEND:VEVENT") + calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nEND:VEVENT")
        let read = try ICalendarReader.read(text, source: "team.ics", horizon: horizon2026to2027)
        #expect(read.events.map(\.line) == [4, 11])
    }

    @Test func timeOffAndHolidaysFromEvents() throws {
        let read = try ICalendarReader.read(calendar("""
            BEGIN:VEVENT
            SUMMARY:Christmas Day
            DTSTART;VALUE=DATE:20261225
            END:VEVENT
            BEGIN:VEVENT
            SUMMARY:Winter shutdown
            DTSTART;VALUE=DATE:20261224
            DTEND;VALUE=DATE:20261227
            END:VEVENT
            BEGIN:VEVENT
            SUMMARY:Christmas Day
            DTSTART;VALUE=DATE:20261225
            END:VEVENT
            """), source: "team.ics", horizon: horizon2026to2027)
        #expect(read.timeOffDates == dates("2026-12-24", "2026-12-25", "2026-12-26"))
        #expect(read.holidays == [
            ImportedHoliday(date: date("2026-12-24"), name: "Winter shutdown"),
            ImportedHoliday(date: date("2026-12-25"), name: "Christmas Day / Winter shutdown"),
            ImportedHoliday(date: date("2026-12-26"), name: "Winter shutdown"),
        ])
    }
}
