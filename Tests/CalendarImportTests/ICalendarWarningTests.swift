import Calendars
import Testing
@testable import CalendarImport

@Suite("Warnings: what is skipped, with line numbers")
struct ICalendarWarningTests {
    @Test func aCalendarExportWithUnsupportedParts() throws {
        let read = try ICalendarReader.read(bytes: Array(try fixture("google-export.ics")), source: "team.ics", horizon: horizon2026to2027)
        #expect(read.warnings.map(\.description) == [
            "team.ics:6: property X-WR-CALNAME is not supported; it was skipped",
            "team.ics:7: property X-WR-TIMEZONE is not supported; it was skipped",
            "team.ics:23: property X-MICROSOFT-CDO-BUSYSTATUS is not supported; it was skipped",
            "team.ics:25: component VALARM is not supported; it was skipped",
            "team.ics:31: component VTODO is not supported; it was skipped",
            "team.ics:37: RRULE part BYHOUR is not supported; the event was skipped",
            "team.ics:42: RRULE part BYWEEKNO is not supported; the event was skipped",
            "team.ics:43: property EXRULE (deprecated by RFC 5545) is not supported; the event was skipped",
            "team.ics:56: RRULE FREQ=HOURLY is not supported; the event was skipped",
            "team.ics:60: DTSTART 2026-12-23 is not a date of the event's RRULE; it was kept as the first occurrence, as RFC 5545 counts it",
        ])
        #expect(read.events == [
            ImportedEvent(summary: "Ana , PTO", line: 17, dates: dates("2026-12-21", "2026-12-22", "2026-12-23")),
            ImportedEvent(summary: "Bo on call", line: 46, dates: dates("2026-12-28", "2026-12-29", "2026-12-30")),
            ImportedEvent(summary: "Out of step", line: 59, dates: dates("2026-12-23", "2026-12-28")),
        ])
    }

    @Test func unknownRulePartsAreNamed() throws {
        let read = try ICalendarReader.read(calendar("""
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20261224
            RRULE:FREQ=YEARLY;RSCALE=GREGORIAN
            END:VEVENT
            """), source: "team.ics", horizon: horizon2026to2027)
        #expect(read.events.isEmpty)
        #expect(read.warnings.map(\.description) == ["team.ics:6: RRULE part RSCALE is not supported (it is not an RFC 5545 part); the event was skipped"])
    }

    @Test func aZoneThisSystemDoesNotKnowIsReportedWhereItMatters() throws {
        let read = try ICalendarReader.read(calendar("""
            BEGIN:VEVENT
            DTSTART;TZID=W. Europe Standard Time:20261221T090000
            RRULE:FREQ=DAILY;UNTIL=20261223T080000Z
            EXDATE:20261222T080000Z
            END:VEVENT
            """), source: "team.ics", horizon: horizon2026to2027)
        // Compared as written, 09:00 is after UNTIL's 08:00 and EXDATE still falls on the 22nd.
        #expect(read.events.map(\.dates) == [dates("2026-12-21")])
        #expect(read.warnings.map(\.description) == [
            "team.ics:6: time zone \"W. Europe Standard Time\" is not in this system's time zone database; times in other zones were compared with this event's as written",
        ])
    }

    @Test func aSecondRRULESkipsTheEvent() throws {
        let read = try ICalendarReader.read(calendar("""
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20261224
            RRULE:FREQ=YEARLY
            RRULE:FREQ=MONTHLY
            END:VEVENT
            """), source: "team.ics", horizon: horizon2026to2027)
        #expect(read.events.isEmpty)
        #expect(read.warnings.map(\.description) == ["team.ics:7: a second RRULE in one event is not supported; the event was skipped"])
    }
}
