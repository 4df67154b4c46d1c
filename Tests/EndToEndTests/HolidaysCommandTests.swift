import Testing

@Suite struct HolidaysCommandTests {
    @Test func listsScottishHolidaysAsCSV() throws {
        let r = try PlanProcess.run(["holidays", "--country", "GB", "--subdivision", "SCT", "--year", "2027", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("date,weekday,name\n2027-01-01,Fri,New Year's Day\n2027-01-02,Sat,2nd January\n2027-01-04,Mon,2nd January (observed)\n"))
        #expect(r.stdout.contains("2027-12-27,Mon,Christmas Day (observed)\n2027-12-28,Tue,Boxing Day (observed)\n"))
    }

    @Test func unknownCountryListsTheSupportedOnes() throws {
        let r = try PlanProcess.run(["holidays", "--country", "XX", "--year", "2026"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("Error: Unknown country \"XX\"; the built-in calendars are US (United States), CA (Canada)"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
