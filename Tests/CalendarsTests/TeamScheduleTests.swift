import Calendars
import Testing

@Suite struct TeamScheduleTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    let gb = try! HolidayCalendar(country: PublicHolidays(country: "GB"))
    let us = try! HolidayCalendar(country: PublicHolidays(country: "US"))
    // Christmas week 2026: Fri 25 Christmas, Sat 26 Boxing Day, Mon 28 Boxing Day (observed) in GB.
    let christmas = date("2026-12-25")
    let boxingObserved = date("2026-12-28")

    @Test func dateRangeRejectsAReversedRange() throws {
        #expect(throws: CalendarError.rangeEndsBeforeStart(first: Self.date("2026-12-05"), last: Self.date("2026-12-01"))) {
            try DateRange(first: Self.date("2026-12-05"), last: Self.date("2026-12-01"))
        }
        let week = try DateRange(first: Self.date("2026-12-21"), last: Self.date("2026-12-27"))
        #expect(week.contains(Self.date("2026-12-21")) && week.contains(Self.date("2026-12-27")))
        #expect(!week.contains(Self.date("2026-12-28")) && !week.contains(Self.date("2026-12-20")))
        #expect(week.dayCount == 7 && week.days.count == 7)
        #expect(DateRange(day: christmas).dayCount == 1)
    }

    @Test func reasonsInOrderOfPrecedence() throws {
        let engineer = SupportEngineer(
            name: "Ada", group: "emea", holidays: gb,
            timeOff: [try DateRange(first: Self.date("2026-12-21"), last: Self.date("2027-01-08"))]
        )
        let company = CompanyCalendar(
            closures: [CompanyClosure(dates: DateRange(day: Self.date("2026-12-31")), name: "year-end")],
            daysOff: [CompanyDayOff(date: Self.date("2026-12-24"), name: "Christmas Eve")]
        )
        func reason(_ day: String) -> Availability { engineer.availability(on: Self.date(day), company: company) }
        // Each date below has time off too; the more general reason wins.
        #expect(reason("2026-12-31") == .notScheduled(.companyClosed("year-end")))
        #expect(reason("2026-12-26") == .notScheduled(.notAWorkingDay(.saturday)))  // also Boxing Day
        #expect(reason("2026-12-24") == .notScheduled(.companyDayOff("Christmas Eve")))
        #expect(reason("2026-12-25") == .notScheduled(.publicHoliday("Christmas Day")))
        #expect(reason("2026-12-28") == .notScheduled(.publicHoliday("Boxing Day (observed)")))
        #expect(reason("2026-12-29") == .notScheduled(.timeOff))
        #expect(reason("2027-01-11") == .scheduled)
        #expect(Availability.notScheduled(.companyClosed(nil)).description == "not scheduled: company closed")
    }

    @Test func closureWinsOverEveryOtherReason() throws {
        let engineer = SupportEngineer(name: "Ada", group: "emea", holidays: gb, workingWeekdays: Set(Weekday.allCases), rota: [christmas])
        let company = CompanyCalendar(closures: [CompanyClosure(dates: DateRange(day: christmas))])
        #expect(engineer.availability(on: christmas, company: company) == .notScheduled(.companyClosed(nil)))
    }

    @Test func rotaOverridesHolidayAndCompanyDayOffButNotWeekdayOrTimeOff() throws {
        let eve = Self.date("2026-12-24")
        let saturday = Self.date("2026-12-26")
        let company = CompanyCalendar(daysOff: [CompanyDayOff(date: eve, name: "Christmas Eve")])
        let onRota = SupportEngineer(name: "Bo", group: "emea", holidays: gb, timeOff: [DateRange(day: boxingObserved)],
                                     rota: [eve, christmas, saturday, boxingObserved])
        #expect(onRota.availability(on: eve, company: company) == .scheduled)
        #expect(onRota.availability(on: christmas, company: company) == .scheduled)
        #expect(onRota.availability(on: saturday, company: company) == .notScheduled(.notAWorkingDay(.saturday)))
        #expect(onRota.availability(on: boxingObserved, company: company) == .notScheduled(.timeOff))
    }

    @Test func companyDaysOffApplyToTheirGroupsOnly() throws {
        let friday = Self.date("2026-11-27")
        let company = CompanyCalendar(daysOff: [CompanyDayOff(date: friday, name: "Day after Thanksgiving", groups: ["us"])])
        let emea = SupportEngineer(name: "Ada", group: "emea", holidays: gb)
        let americas = SupportEngineer(name: "Cy", group: "us", holidays: us)
        #expect(emea.availability(on: friday, company: company) == .scheduled)
        #expect(americas.availability(on: friday, company: company) == .notScheduled(.companyDayOff("Day after Thanksgiving")))
    }

    @Test func scheduleAnswersFromItsPrecomputedTable() throws {
        let dates = try DateRange(first: Self.date("2026-12-21"), last: Self.date("2027-01-03"))
        let company = CompanyCalendar(
            closures: [CompanyClosure(dates: try DateRange(first: Self.date("2026-12-31"), last: Self.date("2027-01-01")))],
            daysOff: [CompanyDayOff(date: Self.date("2026-12-24"), name: "Christmas Eve", groups: ["us"])]
        )
        let team = [
            SupportEngineer(name: "Ada", group: "emea", holidays: gb),
            SupportEngineer(name: "Bo", group: "emea", holidays: gb, capacity: 0.5, rota: [christmas]),
            SupportEngineer(name: "Cy", group: "us", holidays: us, timeOff: [DateRange(day: Self.date("2026-12-22"))]),
            SupportEngineer(name: "Di", group: "us", holidays: us, workingWeekdays: [.tuesday, .wednesday, .thursday, .friday, .saturday]),
        ]
        let schedule = TeamSchedule(engineers: team, company: company, dates: dates)
        #expect(schedule.groups == ["emea", "us"])
        for date in dates.days {
            for index in team.indices {
                #expect(schedule.isScheduled(index, on: date) == schedule.availability(of: index, on: date).isScheduled, "\(team[index].name) \(date)")
            }
            let counted = team.indices.filter { team[$0].group == "us" && schedule.isScheduled($0, on: date) }.count
            #expect(schedule.scheduledCount(group: "us", on: date) == counted)
        }
        #expect(schedule.scheduledCount(group: "emea", on: christmas) == 1)
        #expect(schedule.scheduledCapacity(group: "emea", on: christmas) == 0.5)
        #expect(schedule.scheduledCount(group: "us", on: Self.date("2026-12-22")) == 1)  // Cy off; Di works Tuesdays
        #expect(schedule.scheduledCount(group: "us", on: Self.date("2026-12-24")) == 0)
        #expect(schedule.scheduledCount(group: "emea", on: Self.date("2026-12-24")) == 2)
        #expect(schedule.scheduledCount(group: "us", on: Self.date("2026-12-26")) == 1)  // Di works Saturdays
        #expect(schedule.scheduledCount(group: "apac", on: christmas) == 0)
        #expect(schedule.isClosed(Self.date("2026-12-31")) && schedule.isClosed(Self.date("2027-01-01")))
        #expect(!schedule.isClosed(Self.date("2027-01-02")))
        #expect(schedule.availability(of: 3, on: Self.date("2027-01-01")) == .notScheduled(.companyClosed(nil)))
    }
}
