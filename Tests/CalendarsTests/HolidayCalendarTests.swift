import Calendars
import Testing

@Suite struct HolidayCalendarTests {
    let us = try! PublicHolidays(country: "US")
    let thanksgiving = CivilDate(year: 2026, month: 11, day: 26)!

    @Test func countryCalendarAnswersByDate() throws {
        let calendar = try HolidayCalendar(country: us)
        #expect(calendar.holiday(on: thanksgiving)?.name == "Thanksgiving")
        #expect(calendar.holiday(on: thanksgiving.adding(days: 1)) == nil)
        #expect(calendar.source == "US")
    }

    @Test func droppingAndAddingByName() throws {
        let calendar = try HolidayCalendar(
            country: us,
            dropping: ["Columbus Day", "Independence Day (observed)"],
            adding: [Holiday(date: thanksgiving.adding(days: 1), name: "Day after Thanksgiving")]
        )
        #expect(calendar.holiday(on: CivilDate(year: 2026, month: 10, day: 12)!) == nil)
        #expect(calendar.holiday(on: CivilDate(year: 2026, month: 7, day: 3)!) == nil)
        #expect(calendar.holiday(on: CivilDate(year: 2026, month: 7, day: 4)!)?.name == "Independence Day")
        #expect(calendar.holiday(on: thanksgiving.adding(days: 1))?.name == "Day after Thanksgiving")
        let december = calendar.holidays(from: CivilDate(year: 2026, month: 11, day: 1)!, through: CivilDate(year: 2026, month: 12, day: 31)!)
        #expect(december.map(\.name) == ["Veterans Day", "Thanksgiving", "Day after Thanksgiving", "Christmas Day"])
    }

    @Test func droppingAnUnknownNameIsAnError() throws {
        #expect {
            try HolidayCalendar(country: us, dropping: ["Columbus day"])
        } throws: { error in
            let message = (error as? CalendarError)?.description ?? ""
            return message.hasPrefix("\"Columbus day\" is not a holiday of US; its holidays are: Christmas Day, Christmas Day (observed), Columbus Day,")
                && message.contains("Veterans Day (observed)")
        }
    }

    @Test func explicitListStandsInForACountry() {
        let day = CivilDate(year: 2026, month: 12, day: 24)!
        let calendar = HolidayCalendar(holidays: [Holiday(date: day, name: "Christmas Eve")], source: "office.ics")
        #expect(calendar.holiday(on: day)?.name == "Christmas Eve")
        #expect(calendar.holiday(on: day.adding(days: 1)) == nil)
        #expect(HolidayCalendar.none.holiday(on: day) == nil)
    }

    @Test func twoHolidaysOnOneDateSurviveDroppingOne() throws {
        // Italy 2026: All Saints' Day and National Unity and Armed Forces Day are both 1 November.
        let italy = try PublicHolidays(country: "IT")
        let day = CivilDate(year: 2026, month: 11, day: 1)!
        #expect(try HolidayCalendar(country: italy).holiday(on: day)?.name == "All Saints' Day")
        #expect(try HolidayCalendar(country: italy, dropping: ["All Saints' Day"]).holiday(on: day)?.name
            == "National Unity and Armed Forces Day")
    }
}
