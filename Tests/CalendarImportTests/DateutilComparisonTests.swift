import Calendars
import Foundation
import Testing
@testable import CalendarImport

/// The reader against an independent implementation: `Fixtures/generate-recurrences.py` wrote
/// `recurrences.ics` with the `icalendar` package and the dates each event covers with `dateutil.rrule`.
@Suite("Recurrences checked against python-dateutil")
struct DateutilComparisonTests {
    @Test func everyEventCoversTheDatesDateutilExpands() throws {
        let expectedLines = String(decoding: try fixture("recurrences-expected.txt"), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        let bounds = expectedLines[0].split(separator: " ").dropFirst().map { date(String($0)) }
        var expected: [String: [CivilDate]] = [:]
        for line in expectedLines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            expected[String(parts[0])] = parts[1].split(separator: " ").map { date(String($0)) }
        }

        let read = try ICalendarReader.read(bytes: Array(try fixture("recurrences.ics")), source: "recurrences.ics", horizon: bounds[0]...bounds[1])
        #expect(read.warnings.isEmpty, "\(read.warnings)")
        #expect(read.events.count == 22)
        #expect(Set(read.events.map { String($0.summary.prefix { $0 != ":" }) }) == Set(expected.keys))
        for event in read.events {
            let name = String(event.summary.prefix { $0 != ":" })
            #expect(event.dates == expected[name], "\(event.summary)")
        }
    }
}
