import Calendars
import Testing

/// Substitute ("observed") days with exact expected dates: the cases where the countries' rules
/// differ most, Christmas and Boxing Day on a weekend.
@Suite struct SubstituteDayTests {
    func december(_ country: String, _ year: Int, subdivision: String? = nil) throws -> [String] {
        let calendar = try PublicHolidays(country: country, subdivision: subdivision)
        let first = try #require(CivilDate(year: year, month: 12, day: 20))
        let last = try #require(CivilDate(year: year, month: 12, day: 31))
        return calendar.holidays(from: first, through: last).map { "\($0.date) \($0.name)" }
    }

    @Test(arguments: ["GB", "AU"], [2021, 2027])
    func christmasOnSaturdayGivesMondayAndTuesday(country: String, year: Int) throws {
        #expect(try december(country, year) == [
            "\(year)-12-25 Christmas Day",
            "\(year)-12-26 Boxing Day",
            "\(year)-12-27 Christmas Day (observed)",
            "\(year)-12-28 Boxing Day (observed)",
        ])
    }

    @Test(arguments: ["GB", "AU"])
    func christmasOnSundayGivesTuesday(country: String) throws {
        #expect(try december(country, 2022) == [
            "2022-12-25 Christmas Day",
            "2022-12-26 Boxing Day",
            "2022-12-27 Christmas Day (observed)",
        ])
    }

    @Test func boxingDayOnSaturdayGivesMonday() throws {
        #expect(try december("GB", 2020) == [
            "2020-12-25 Christmas Day",
            "2020-12-26 Boxing Day",
            "2020-12-28 Boxing Day (observed)",
        ])
    }

    @Test func unitedStatesSaturdayToFridaySundayToMonday() throws {
        #expect(try december("US", 2021) == [
            "2021-12-24 Christmas Day (observed)",
            "2021-12-25 Christmas Day",
            "2021-12-31 New Year's Day (observed)",
        ])
        #expect(try december("US", 2027) == [
            "2027-12-24 Christmas Day (observed)",
            "2027-12-25 Christmas Day",
            "2027-12-31 New Year's Day (observed)",
        ])
        #expect(try december("US", 2022) == ["2022-12-25 Christmas Day", "2022-12-26 Christmas Day (observed)"])
        let july = try PublicHolidays(country: "US").holidays(in: 2026).filter { $0.date.month == 7 }
        #expect(july.map(\.description) == ["2026-07-03 Independence Day (observed)", "2026-07-04 Independence Day"])
    }

    @Test func newYearSubstituteBelongsToTheYearOfItsDate() throws {
        let us = try PublicHolidays(country: "US")
        // 1 January 2022 was a Saturday, observed on Friday 31 December 2021.
        #expect(us.holidays(in: 2022).prefix(2).map(\.description) == ["2022-01-01 New Year's Day", "2022-01-17 Martin Luther King Jr. Day"])
        #expect(us.holidays(in: 2021).last?.description == "2021-12-31 New Year's Day (observed)")
    }

    @Test func scotlandKeepsTwoNewYearDays() throws {
        let scotland = try PublicHolidays(country: "GB", subdivision: "SCT")
        let january = scotland.holidays(in: 2022).prefix(4).map(\.description)
        #expect(january == [
            "2022-01-01 New Year's Day",
            "2022-01-02 2nd January",
            "2022-01-03 New Year's Day (observed)",
            "2022-01-04 2nd January (observed)",
        ])
    }

    @Test func southAfricaMovesSundayToMondayOnlyWhenMondayIsFree() throws {
        #expect(try december("ZA", 2021) == [
            "2021-12-25 Christmas Day",
            "2021-12-26 Day of Goodwill",
            "2021-12-27 Day of Goodwill (observed)",
        ])
        // Christmas 2022 on a Sunday: the Monday is the Day of Goodwill; the Tuesday was declared.
        #expect(try december("ZA", 2022) == [
            "2022-12-25 Christmas Day",
            "2022-12-26 Day of Goodwill",
            "2022-12-27 Presidential Decree Holiday",
        ])
    }

    @Test func canadaDayOnSundayIsKeptOnMonday() throws {
        let july = try PublicHolidays(country: "CA").holidays(in: 2029).filter { $0.date.month == 7 }
        #expect(july.map(\.description) == ["2029-07-01 Canada Day", "2029-07-02 Canada Day (observed)"])
    }

    @Test func countriesWithoutSubstitutesKeepWeekendHolidaysWhereTheyFall() throws {
        #expect(try december("IE", 2021) == ["2021-12-25 Christmas Day", "2021-12-26 Saint Stephen's Day"])
        #expect(try december("DE", 2021) == ["2021-12-25 Christmas Day", "2021-12-26 Second Day of Christmas"])
    }
}
