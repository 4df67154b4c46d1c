import Foundation
import Testing
@testable import Calibration

@Suite("Ticket timestamps")
struct TicketTimestampTests {
    /// 2026-03-02 09:15:00 UTC.
    static let instant = 1_772_442_900

    @Test(arguments: [
        ("2026-03-02T09:15:00Z", 0), ("2026-03-02T10:15:00+01:00", 0), ("2026-03-02T04:15:00-0500", 0),
        ("2026-03-02 09:15", 0), ("2026-03-02 09:15:00", 0), ("2026-03-02 09:15:00 +0000", 0), ("2026-03-02 11:15:00+02:00", 0),
        ("2026-03-02T09:15:00.123Z", 0), ("2026-03-02T09:15:59Z", 59),
    ])
    func acceptedFormats(text: String, extra: Int) {
        var parser = TicketTimestampParser(zone: TimeZone(identifier: "UTC")!)
        #expect(parser.seconds(text) == Self.instant + extra)
    }

    @Test(arguments: ["2026-03-02", "2026-02-30 09:15", "2026-03-02 24:00", "2026-03-02T09:15:00Y", "02/03/2026 09:15", "2026-03-02 09:15 PST", ""])
    func rejected(text: String) {
        var parser = TicketTimestampParser(zone: TimeZone(identifier: "UTC")!)
        #expect(parser.seconds(text) == nil)
    }

    /// Without an offset, the wall clock of --timezone, on both sides of a DST change
    /// (Europe/Berlin moves from +01:00 to +02:00 on 2026-03-29).
    @Test func localTimesFollowTheZone() {
        var parser = TicketTimestampParser(zone: TimeZone(identifier: "Europe/Berlin")!)
        #expect(parser.seconds("2026-03-02 10:15") == Self.instant)
        #expect(parser.seconds("2026-03-30 11:15") == Self.instant + 28 * 86_400)
        #expect(parser.seconds("2026-03-02 10:15+0100") == Self.instant)
    }
}
