import Calendars
import Testing

/// Every built-in calendar against python-holidays, year by year: the same set of dates must be
/// holidays. Names are not compared (the two sources translate differently); a company edits
/// calendars by our names, which other tests pin.
@Suite struct ReferenceComparisonTests {
    static let calendars: [(country: String, subdivision: String?)] =
        PublicHolidays.supported.map { ($0.code, nil) } + [("GB", "SCT"), ("GB", "NIR")]

    /// Where python-holidays and the law differ, by the names of our holidays that python-holidays
    /// lacks. Each entry says why we follow the law.
    static let knownDifferences: [String: (names: Set<String>, reason: String)] = [
        "AU": (["New Year's Day (observed)", "Australia Day (observed)", "Christmas Day (observed)", "Boxing Day (observed)"],
               "python-holidays gives substitute days only per state; every state and territory substitutes these four"),
        "CA": (["Canada Day (observed)"],
               "the Holidays Act (R.S.C. 1985, c. H-5, s. 2) makes 2 July the holiday when 1 July is a Sunday; python-holidays puts that only in some provinces"),
    ]

    @Test(arguments: calendars)
    func matchesPythonHolidays(country: String, subdivision: String?) throws {
        let calendar = try PublicHolidays(country: country, subdivision: subdivision)
        let reference = try #require(ReferenceFixture.shared.holidays[calendar.code])
        let allowed = Self.knownDifferences[calendar.code]?.names ?? []
        for year in ReferenceFixture.shared.years {
            let ours = calendar.holidays(in: year)
            let theirs = reference[year] ?? []
            let ourDates = Set(ours.map(\.date))
            let theirDates = Set(theirs.map(\.date))
            let onlyOurs = ours.filter { !theirDates.contains($0.date) && !allowed.contains($0.name) }
            let onlyTheirs = theirs.filter { !ourDates.contains($0.date) }
            #expect(onlyOurs.isEmpty, "\(calendar.code) \(year): only ours: \(onlyOurs)")
            #expect(onlyTheirs.isEmpty, "\(calendar.code) \(year): only python-holidays: \(onlyTheirs)")
        }
    }

    @Test func everyKnownDifferenceIsUsed() throws {
        for (code, difference) in Self.knownDifferences {
            let parts = code.split(separator: "-").map(String.init)
            let calendar = try PublicHolidays(country: parts[0], subdivision: parts.count > 1 ? parts[1] : nil)
            let reference = try #require(ReferenceFixture.shared.holidays[code])
            let used = ReferenceFixture.shared.years.flatMap { year in
                let theirDates = Set((reference[year] ?? []).map(\.date))
                return calendar.holidays(in: year).filter { !theirDates.contains($0.date) }.map(\.name)
            }
            #expect(Set(used) == difference.names, "\(code): allow-listed \(difference.names.sorted()), differing \(Set(used).sorted())")
        }
    }
}
