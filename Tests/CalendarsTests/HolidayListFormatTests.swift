import Calendars
import Testing

@Suite struct HolidayListFormatTests {
    let holidays = [
        Holiday(date: CivilDate(iso: "2026-12-25")!, name: "Christmas Day"),
        Holiday(date: CivilDate(iso: "2026-06-10")!, name: "Day of Portugal, \"Camões\""),
    ]

    @Test func text() {
        #expect(HolidayListFormat.text.render(holidays) == "2026-12-25  Fri  Christmas Day\n2026-06-10  Wed  Day of Portugal, \"Camões\"\n")
    }

    @Test func csvQuotesPerRFC4180() {
        #expect(HolidayListFormat.csv.render(holidays)
            == "date,weekday,name\n2026-12-25,Fri,Christmas Day\n2026-06-10,Wed,\"Day of Portugal, \"\"Camões\"\"\"\n")
    }

    @Test func json() {
        #expect(HolidayListFormat.json.render(holidays) == """
            [
              {"date": "2026-12-25", "name": "Christmas Day"},
              {"date": "2026-06-10", "name": "Day of Portugal, \\"Camões\\""}
            ]

            """)
        #expect(HolidayListFormat.json.render([]) == "[]\n")
    }
}
