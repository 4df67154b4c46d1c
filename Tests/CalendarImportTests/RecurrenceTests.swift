import Calendars
import Testing
@testable import CalendarImport

@Suite("Recurrence: RRULE, RDATE, EXDATE, RECURRENCE-ID")
struct RecurrenceTests {
    private func series(_ start: String, _ rule: String, extra: String = "", horizon: ClosedRange<CivilDate> = horizon2026to2027) throws -> [CivilDate] {
        try onlyEventDates("BEGIN:VEVENT\nDTSTART\(start)\nRRULE:\(rule)\(extra.isEmpty ? "" : "\n" + extra)\nEND:VEVENT", horizon: horizon)
    }

    @Test func dailyWithCountAndWithUntil() throws {
        #expect(try series(";VALUE=DATE:20261230", "FREQ=DAILY;COUNT=4") == dates(from: "2026-12-30", through: "2027-01-02"))
        #expect(try series(";VALUE=DATE:20261230", "FREQ=DAILY;INTERVAL=2;UNTIL=20270105") == dates("2026-12-30", "2027-01-01", "2027-01-03", "2027-01-05"))
    }

    @Test func weeklyAcrossTheYearBoundary() throws {
        // 2026-12-21 is a Monday; ISO week 53 of 2026 runs from 2026-12-28 to 2027-01-03.
        #expect(try series(";VALUE=DATE:20261221", "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=6")
                == dates("2026-12-21", "2026-12-24", "2026-12-28", "2026-12-31", "2027-01-04", "2027-01-07"))
        #expect(try series(";VALUE=DATE:20261216", "FREQ=WEEKLY;UNTIL=20270113")
                == dates("2026-12-16", "2026-12-23", "2026-12-30", "2027-01-06", "2027-01-13"))
    }

    @Test func weekStartDecidesWhichWeeksAFortnightlyRuleUses() throws {
        // The RFC 5545 §3.3.10 example: the same rule gives other days with WKST=SU than with WKST=MO.
        #expect(try series(";VALUE=DATE:20260804", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO")
                == dates("2026-08-04", "2026-08-09", "2026-08-18", "2026-08-23"))
        #expect(try series(";VALUE=DATE:20260804", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU")
                == dates("2026-08-04", "2026-08-16", "2026-08-18", "2026-08-30"))
    }

    @Test func monthlyWithCountAndWithUntil() throws {
        // The 31st exists in only some months, which the RFC skips rather than moving.
        #expect(try series(";VALUE=DATE:20260131", "FREQ=MONTHLY;COUNT=4") == dates("2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31"))
        #expect(try series(";VALUE=DATE:20261215", "FREQ=MONTHLY;UNTIL=20270315") == dates("2026-12-15", "2027-01-15", "2027-02-15", "2027-03-15"))
    }

    @Test func monthlyByDayByMonthDayAndBySetPos() throws {
        #expect(try series(";VALUE=DATE:20261127", "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3") == dates("2026-11-27", "2026-12-25", "2027-01-29"))
        #expect(try series(";VALUE=DATE:20261130", "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4") == dates("2026-11-30", "2026-12-31", "2027-01-31", "2027-02-28"))
        // Friday the 13th; the third is after the horizon.
        #expect(try series(";VALUE=DATE:20261113", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=3") == dates("2026-11-13", "2027-08-13"))
        // The last weekday of the month.
        #expect(try series(";VALUE=DATE:20261130", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3") == dates("2026-11-30", "2026-12-31", "2027-01-29"))
    }

    @Test func yearlyWithCountAndWithUntil() throws {
        #expect(try series(";VALUE=DATE:20261225", "FREQ=YEARLY;COUNT=2") == dates("2026-12-25", "2027-12-25"))
        #expect(try series(";VALUE=DATE:20241225", "FREQ=YEARLY;UNTIL=20261225") == dates("2026-12-25"))
    }

    @Test func yearlyByMonthAndOrdinalByDay() throws {
        // UK early May and spring bank holidays: first and last Monday of May.
        #expect(try series(";VALUE=DATE:20260504", "FREQ=YEARLY;BYMONTH=5;BYDAY=1MO,-1MO")
                == dates("2026-05-04", "2026-05-25", "2027-05-03", "2027-05-31"))
        #expect(try series(";VALUE=DATE:20261126", "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH") == dates("2026-11-26", "2027-11-25"))
    }

    @Test func yearlyByMonthDayAcrossMonths() throws {
        #expect(try series(";VALUE=DATE:20260101", "FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1,-1;COUNT=6")
                == dates("2026-01-01", "2026-01-31", "2026-07-01", "2026-07-31", "2027-01-01", "2027-01-31"))
    }

    @Test func dailyLimitedByMonthAndWeekday() throws {
        #expect(try series(";VALUE=DATE:20261205", "FREQ=DAILY;BYMONTH=12;BYDAY=SA,SU;UNTIL=20270110")
                == dates("2026-12-05", "2026-12-06", "2026-12-12", "2026-12-13", "2026-12-19", "2026-12-20", "2026-12-26", "2026-12-27"))
    }

    @Test func exdatesRemoveOccurrencesWhateverTheirForm() throws {
        let covered = try series(";TZID=Europe/London:20261221T090000", "FREQ=DAILY;COUNT=8", extra: """
            DTEND;TZID=Europe/London:20261221T170000
            EXDATE;TZID=Europe/London:20261225T090000,20261226T090000
            EXDATE;VALUE=DATE:20261227
            EXDATE:20261228T090000Z
            """)
        #expect(covered == dates("2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24"))
    }

    @Test func exdateInUTCIsComparedInTheEventsZone() throws {
        // 2026-12-03T01:00Z is 2026-12-02T20:00 in New York: the occurrence of 2 December goes.
        let covered = try series(";TZID=America/New_York:20261201T200000", "FREQ=DAILY;COUNT=3", extra: "EXDATE:20261203T010000Z")
        #expect(covered == dates("2026-12-01", "2026-12-03"))
    }

    @Test func untilInUTCIsComparedInTheEventsZone() throws {
        // 2026-12-10T00:00Z is 09:00 in Tokyo, exactly the tenth occurrence, which UNTIL includes.
        #expect(try series(";TZID=Asia/Tokyo:20261201T090000", "FREQ=DAILY;UNTIL=20261210T000000Z").last == date("2026-12-10"))
        #expect(try series(";TZID=Asia/Tokyo:20261201T090000", "FREQ=DAILY;UNTIL=20261209T235959Z").last == date("2026-12-09"))
    }

    @Test func occurrencesSpanningMidnightCoverBothDates() throws {
        #expect(try series(":20261230T220000", "FREQ=DAILY;COUNT=2", extra: "DURATION:PT4H") == dates("2026-12-30", "2026-12-31", "2027-01-01"))
    }

    @Test func rdatesAddOccurrences() throws {
        let covered = try series(";VALUE=DATE:20261201", "FREQ=MONTHLY;COUNT=2", extra: "RDATE;VALUE=DATE:20261224,20261231")
        #expect(covered == dates("2026-12-01", "2026-12-24", "2026-12-31", "2027-01-01"))
        let periods = try onlyEventDates("""
            BEGIN:VEVENT
            DTSTART:20261201T090000Z
            RDATE;VALUE=PERIOD:20261210T220000Z/20261211T020000Z,20261220T090000Z/P2D
            END:VEVENT
            """)
        #expect(periods == dates("2026-12-01", "2026-12-10", "2026-12-11", "2026-12-20", "2026-12-21", "2026-12-22"))
    }

    @Test func anOverrideMovesOneOccurrenceOfItsSeries() throws {
        let found = try events("""
            BEGIN:VEVENT
            UID:standup@example.com
            SUMMARY:On call
            DTSTART;VALUE=DATE:20261207
            RRULE:FREQ=WEEKLY;COUNT=4
            END:VEVENT
            BEGIN:VEVENT
            UID:standup@example.com
            RECURRENCE-ID;VALUE=DATE:20261214
            SUMMARY:On call (moved)
            DTSTART;VALUE=DATE:20261215
            END:VEVENT
            BEGIN:VEVENT
            UID:standup@example.com
            RECURRENCE-ID;VALUE=DATE:20261221
            STATUS:CANCELLED
            DTSTART;VALUE=DATE:20261221
            END:VEVENT
            """)
        #expect(found == [
            ImportedEvent(summary: "On call", line: 4, dates: dates("2026-12-07", "2026-12-28")),
            ImportedEvent(summary: "On call (moved)", line: 10, dates: dates("2026-12-15")),
        ])
    }

    @Test func aRuleWithoutEndStopsAtTheHorizon() throws {
        let horizon = date("2026-12-01")...date("2026-12-31")
        #expect(try series(";VALUE=DATE:19000101", "FREQ=DAILY", horizon: horizon) == dates(from: "2026-12-01", through: "2026-12-31"))
        #expect(try series(";VALUE=DATE:19001225", "FREQ=YEARLY", horizon: horizon) == dates("2026-12-25"))
        #expect(try series(";VALUE=DATE:19000101", "FREQ=MONTHLY;BYMONTHDAY=15", horizon: horizon) == dates("2026-12-15"))
        #expect(try series(";VALUE=DATE:19000101", "FREQ=WEEKLY;INTERVAL=3", horizon: date("2026-12-01")...date("2027-01-31"))
                == dates("2026-12-14", "2027-01-04", "2027-01-25"))
        // A multi-day occurrence that starts before the horizon still covers its days within it.
        #expect(try series(";VALUE=DATE:19001224", "FREQ=YEARLY", extra: "DURATION:P14D", horizon: date("2027-01-01")...date("2027-01-31"))
                == dates(from: "2027-01-01", through: "2027-01-06"))
    }

    /// Found by fuzzing: occurrences two thousand years long that overlap each other and the whole horizon
    /// took minutes when each occurrence marked its days one by one; their days are now merged.
    @Test(.timeLimit(.minutes(1))) func overlappingOccurrencesLongerThanTheHorizon() throws {
        #expect(try series(";VALUE=DATE:00010101", "FREQ=DAILY;UNTIL=20270110;BYDAY=MO,TU,WE,TH,FR", extra: "DTEND;VALUE=DATE:20261222")
                == dates(from: "2026-01-01", through: "2027-12-31"))
        #expect(try series(";VALUE=DATE:00010101", "FREQ=DAILY", extra: "DURATION:P800000D")
                == dates(from: "2026-01-01", through: "2027-12-31"))
    }

    @Test func countIsCountedFromDTSTARTEvenBeforeTheHorizon() throws {
        #expect(try series(";VALUE=DATE:20251229", "FREQ=DAILY;COUNT=5") == dates("2026-01-01", "2026-01-02"))
    }

    @Test func aLargeIntervalEndsTheSeriesAtTheHorizon() throws {
        #expect(try series(";VALUE=DATE:20261224", "FREQ=YEARLY;INTERVAL=1000000") == dates("2026-12-24"))
        #expect(try series(";VALUE=DATE:20261224", "FREQ=DAILY;INTERVAL=1000000;COUNT=1000000000") == dates("2026-12-24"))
    }

    @Test func rulesThatCannotMatchEnd() throws {
        #expect(try series(";VALUE=DATE:20260228", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30") == dates("2026-02-28"))
    }
}
