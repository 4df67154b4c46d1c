import Calendars
import Testing

@Suite struct CalendarErrorTests {
    @Test func unknownCountryListsTheSupportedOnes() {
        #expect(throws: CalendarError.unknownCountry("XX")) { try PublicHolidays(country: "XX") }
        let message = CalendarError.unknownCountry("XX").description
        #expect(message.hasPrefix("Unknown country \"XX\"; the built-in calendars are US (United States), CA (Canada),"))
        #expect(message.hasSuffix("AU (Australia)."))
        #expect(!message.contains("\n"))
    }

    @Test func aCommonNonISOCodeGetsTheISOOne() {
        #expect(throws: CalendarError.unknownCountry("UK")) { try PublicHolidays(country: "UK") }
        let message = CalendarError.unknownCountry("uk").description
        #expect(message.hasPrefix("Unknown country \"uk\"; did you mean GB (United Kingdom)? Codes are ISO 3166-1 alpha-2; the built-in calendars are US (United States),"))
    }

    @Test func unknownSubdivisionListsTheCountrysSubdivisions() {
        #expect(throws: CalendarError.unknownSubdivision(country: "GB", subdivision: "XYZ")) {
            try PublicHolidays(country: "gb", subdivision: "XYZ")
        }
        #expect(CalendarError.unknownSubdivision(country: "GB", subdivision: "XYZ").description
            == "Unknown subdivision \"XYZ\" of GB; its subdivisions are SCT (Scotland), NIR (Northern Ireland); ENG and WLS or none give England and Wales.")
        #expect(CalendarError.unknownSubdivision(country: "DE", subdivision: "BY").description
            == "Unknown subdivision \"BY\" of DE; DE has no subdivisions in the built-in calendars (its calendar is nationwide).")
    }

    @Test(arguments: ["ENG", "WLS", "eng", ""])
    func englandAndWalesAliasesNameTheDefault(alias: String) throws {
        let calendar = try PublicHolidays(country: "GB", subdivision: alias)
        #expect(calendar.subdivision == nil)
        #expect(calendar.holidays(in: 2026) == (try PublicHolidays(country: "GB")).holidays(in: 2026))
    }

    @Test func codesIgnoreCase() throws {
        #expect(try PublicHolidays(country: "gb", subdivision: "sct").code == "GB-SCT")
    }

    @Test func otherMessages() throws {
        #expect(CalendarError.yearOutOfRange(2101).description == "The year 2101 is outside 1970–2100, the years the holiday rules cover.")
        #expect(CalendarError.rangeEndsBeforeStart(first: CivilDate(iso: "2026-12-05")!, last: CivilDate(iso: "2026-12-01")!).description
            == "2026-12-01 is before start 2026-12-05.")
    }
}
