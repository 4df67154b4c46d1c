import Testing
@testable import CalendarImport

@Suite("DURATION values")
struct ICalendarDurationTests {
    @Test(arguments: [
        ("P1D", 1, 0), ("P2W", 14, 0), ("PT4H", 0, 14_400), ("P1DT12H", 1, 43_200),
        ("PT1H30M", 0, 5_400), ("PT90S", 0, 90), ("+P3D", 3, 0), ("-PT15M", 0, -900), ("P1W2D", 9, 0),
    ])
    func parses(text: String, days: Int, seconds: Int) {
        #expect(ICalendarDuration.parse(text) == ICalendarDuration(days: days, seconds: seconds))
    }

    @Test(arguments: ["", "P", "PT", "P1DT", "1D", "P1H", "PT1D", "P1D1W", "PT30M1H", "P-1D", "P1.5D", "p1d", "P9999999999999999W"])
    func rejects(text: String) {
        #expect(ICalendarDuration.parse(text) == nil)
    }
}
