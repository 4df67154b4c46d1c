import Calendars
import Testing

@Suite struct HolidayRuleTests {
    @Test(arguments: [
        (1970, "1970-03-29"), (2008, "2008-03-23"), (2011, "2011-04-24"), (2019, "2019-04-21"),
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2038, "2038-04-25"),
        (2100, "2100-03-28"),
    ])
    func easterSunday(year: Int, expected: String) {
        #expect(CivilDate.easterSunday(year: year).description == expected)
    }

    @Test func nthWeekdayOfMonth() {
        #expect(CivilDate.nth(4, .thursday, of: 11, year: 2026).description == "2026-11-26")
        #expect(CivilDate.nth(-1, .monday, of: 5, year: 2026).description == "2026-05-25")
        #expect(CivilDate.nth(1, .monday, of: 6, year: 2026).description == "2026-06-01")
        #expect(CivilDate.nth(-1, .monday, of: 8, year: 2021).description == "2021-08-30")
    }

    @Test func unitedKingdomOneOffsAndTheMovedSpringHoliday() throws {
        let england = try PublicHolidays(country: "GB")
        let y2022 = england.holidays(in: 2022).map(\.description)
        #expect(y2022.contains("2022-06-02 Spring Bank Holiday"))
        #expect(y2022.contains("2022-06-03 Platinum Jubilee of Elizabeth II"))
        #expect(y2022.contains("2022-09-19 State Funeral of Queen Elizabeth II"))
        #expect(!y2022.contains { $0.hasPrefix("2022-05-30") })
        #expect(england.holidays(in: 2023).map(\.description).contains("2023-05-08 Coronation of King Charles III"))
        #expect(england.holidays(in: 2020).map(\.description).contains("2020-05-08 Early May Bank Holiday"))
    }

    @Test func unitedStatesNames() throws {
        let names = Set(try PublicHolidays(country: "US").holidays(in: 2026).map(\.name))
        #expect(names.isSuperset(of: ["Thanksgiving", "Columbus Day", "Veterans Day", "Christmas Day", "Juneteenth"]))
    }

    @Test(arguments: PublicHolidays.supported)
    func everyYearIsSortedAndWellFormed(country: CountryInfo) throws {
        for subdivision in [nil] + country.subdivisions.map(\.code) {
            let calendar = try PublicHolidays(country: country.code, subdivision: subdivision)
            for year in PublicHolidays.supportedYears {
                let holidays = calendar.holidays(in: year)
                #expect(holidays.count >= 5, "\(calendar.code) \(year)")
                #expect(holidays.allSatisfy { $0.date.year == year && !$0.name.isEmpty })
                #expect(zip(holidays, holidays.dropFirst()).allSatisfy { $0.date <= $1.date })
                #expect(Set(holidays).count == holidays.count, "\(calendar.code) \(year) has a duplicate")
            }
        }
    }

    @Test func aRangeAcrossYearsIsTheUnionOfTheYears() throws {
        let germany = try PublicHolidays(country: "DE")
        let range = germany.holidays(from: CivilDate(year: 2025, month: 12, day: 1)!, through: CivilDate(year: 2026, month: 1, day: 31)!)
        #expect(range.map(\.description) == [
            "2025-12-25 Christmas Day", "2025-12-26 Second Day of Christmas", "2026-01-01 New Year's Day",
        ])
    }
}
