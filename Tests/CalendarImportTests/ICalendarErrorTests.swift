import Testing
@testable import CalendarImport

@Suite("Broken files: one-line errors naming the line")
struct ICalendarErrorTests {
    @Test func structuralErrors() {
        #expect(importError("") == "team.ics:1: expected BEGIN:VCALENDAR, found an empty file")
        #expect(importError("BEGIN:VEVENT\r\nEND:VEVENT\r\n") == "team.ics:1: expected BEGIN:VCALENDAR, found BEGIN:VEVENT")
        #expect(importError("VERSION:2.0\r\nBEGIN:VCALENDAR\r\n") == "team.ics:1: expected BEGIN:VCALENDAR, found the property VERSION")
        #expect(importError(calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nEND:VTODO"))
                == "team.ics:6: expected END:VEVENT to close the BEGIN:VEVENT of line 4, found END:VTODO")
        #expect(importError("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nEND:VEVENT\n")
                == "team.ics:5: expected END:VCALENDAR to close the BEGIN:VCALENDAR of line 1 before the end of the file")
        #expect(importError(calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nEND:VEVENT") + "END:VEVENT\r\n")
                == "team.ics:8: expected BEGIN:VCALENDAR, found END:VEVENT with no component open")
        #expect(importError(calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nBEGIN:VALARM\nEND:VEVENT"))
                == "team.ics:7: expected END:VALARM to close the BEGIN:VALARM of line 6, found END:VEVENT")
        #expect(importError(calendar("BEGIN:\nEND:")) == "team.ics:4: expected a component name after BEGIN:")
    }

    @Test(arguments: [
        ("DTSTART:2026-12-24", #"team.ics:5: expected DTSTART to be a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS), found "2026-12-24""#),
        ("DTSTART:20261324", #"team.ics:5: expected DTSTART to be a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS), found "20261324""#),
        ("DTSTART:20261224T250000", #"team.ics:5: expected DTSTART to be a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS), found "20261224T250000""#),
        ("DTSTART;VALUE=DATE:20261224T090000", #"team.ics:5: expected DTSTART to be a date (YYYYMMDD) as its VALUE=DATE says, found "20261224T090000""#),
        ("DTSTART;VALUE=PERIOD:20261224T090000Z/PT1H", "team.ics:5: expected VALUE=DATE or VALUE=DATE-TIME on DTSTART, found VALUE=PERIOD"),
        ("DTSTART:20261224,20261225", "team.ics:5: expected one value in DTSTART, found 2"),
        ("SUMMARY:No start", "team.ics:4: expected a DTSTART property in this VEVENT, which ends on line 6"),
        ("DTSTART;VALUE=DATE:20261224\nDTSTART;VALUE=DATE:20261225", "team.ics:6: expected at most one DTSTART in the VEVENT of line 4, found a second (the first is on line 5)"),
        ("DTSTART;VALUE=DATE:20261224\nDTEND:20261225T090000", #"team.ics:6: expected DTEND to be a date (YYYYMMDD) like DTSTART, found "20261225T090000""#),
        ("DTSTART;VALUE=DATE:20261224\nDTEND;VALUE=DATE:20261223", #"team.ics:6: expected DTEND to be no earlier than DTSTART, found "20261223""#),
        ("DTSTART;VALUE=DATE:20261224\nDTEND;VALUE=DATE:20261225\nDURATION:P1D", "team.ics:7: expected DTEND or DURATION in a VEVENT, not both"),
        ("DTSTART;VALUE=DATE:20261224\nDURATION:1D", #"team.ics:6: expected DURATION to be like P1D, P2W, PT4H or P1DT12H, found "1D""#),
        ("DTSTART;VALUE=DATE:20261224\nDURATION:-P1D", #"team.ics:6: expected DURATION to be positive, found "-P1D""#),
        ("DTSTART;VALUE=DATE:20261224\nEXDATE:20261231,tomorrow", #"team.ics:6: expected EXDATE to be a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS), found "tomorrow""#),
        ("DTSTART;VALUE=DATE:20261224\nRDATE;VALUE=PERIOD:20261231T090000Z", #"team.ics:6: expected RDATE periods like 20261221T090000/20261221T170000 or 20261221T090000/PT8H, found "20261231T090000Z""#),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:COUNT=2", #"team.ics:6: expected a FREQ part in the RRULE "COUNT=2""#),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=FORTNIGHTLY", #"team.ics:6: expected FREQ to be SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY, found "FORTNIGHTLY""#),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;COUNT=2;UNTIL=20301224", "team.ics:6: expected COUNT or UNTIL in an RRULE, not both"),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;COUNT=0", #"team.ics:6: expected COUNT to be a positive whole number, found "0""#),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=DAILY;INTERVAL=9999999999", #"team.ics:6: expected INTERVAL to be a positive whole number no greater than 1000000, found "9999999999""#),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;INTERVAL=2;INTERVAL=3", "team.ics:6: expected each RRULE part at most once, found INTERVAL twice"),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;BYDAY=XX", #"team.ics:6: expected BYDAY to list weekdays such as MO, 2TU or -1FR, found "XX""#),
        // Int.min has no absolute value: it once trapped.
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=MONTHLY;BYDAY=-9223372036854775808MO", #"team.ics:6: expected BYDAY to list weekdays such as MO, 2TU or -1FR, found "-9223372036854775808MO""#),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=WEEKLY;BYDAY=2MO", "team.ics:6: expected BYDAY without a number (found 2 before a weekday) when FREQ is WEEKLY"),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=WEEKLY;BYMONTHDAY=3", "team.ics:6: expected no BYMONTHDAY when FREQ is WEEKLY"),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;BYMONTH=13", #"team.ics:6: expected BYMONTH to list numbers from 1 to 12, found "13""#),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=MONTHLY;BYMONTHDAY=0", #"team.ics:6: expected BYMONTHDAY to list numbers from 1 to 31 or -31 to -1, found "0""#),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;UNTIL=2030", #"team.ics:6: expected UNTIL to be a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSSZ), found "2030""#),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;WKST=XX", #"team.ics:6: expected WKST to be one of MO, TU, WE, TH, FR, SA, SU, found "XX""#),
        ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;BYMONTH", #"team.ics:6: expected RRULE parts of the form NAME=VALUE separated by ";", found "BYMONTH""#),
    ])
    func eventErrors(body: String, expected: String) {
        #expect(importError(calendar("BEGIN:VEVENT\n\(body)\nEND:VEVENT")) == expected)
    }

    @Test func calendarPropertiesThatChangeTheReading() {
        #expect(importError("BEGIN:VCALENDAR\r\nVERSION:1.0\r\nEND:VCALENDAR\r\n") == "team.ics:2: expected VERSION:2.0 (iCalendar, RFC 5545), found VERSION:1.0")
        #expect(importError("BEGIN:VCALENDAR\r\nCALSCALE:HEBREW\r\nEND:VCALENDAR\r\n")
                == "team.ics:2: expected CALSCALE:GREGORIAN, the only calendar scale RFC 5545 defines, found CALSCALE:HEBREW")
    }

    @Test func errorsAreEquatableValues() {
        #expect(throws: ImportError(source: "team.ics", line: 1, message: "expected BEGIN:VCALENDAR, found an empty file")) {
            try ICalendarReader.read("\r\n", source: "team.ics", horizon: horizon2026to2027)
        }
    }
}
