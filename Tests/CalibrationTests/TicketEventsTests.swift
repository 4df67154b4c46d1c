import Calendars
import CapacityPolicy
import Testing
@testable import Calibration

@Suite("Ticket events per minute")
struct TicketEventsTests {
    /// Two days with the default checks: day 0 runs from 17:30 on 2026-03-01 to 17:30 on 03-02.
    static let clock = SegmentClock(days: DateRange(CivilDate(iso: "2026-03-02")!...CivilDate(iso: "2026-03-03")!), windows: [.emea, .americas])
    static func at(_ day: Int, _ hour: Int, _ minute: Int) -> Int { (CivilDate(iso: "2026-03-02")!.dayNumber + day) * 86_400 + hour * 3600 + minute * 60 }

    @Test func casesLandInTheModelsDaysAndSegments() {
        var events = TicketEvents(clock: Self.clock)
        events.add(created: Self.at(-1, 18, 0), solved: nil, line: 2)   // day 0, segment A
        events.add(created: Self.at(0, 12, 0), solved: nil, line: 3)    // day 0, segment B
        events.add(created: Self.at(0, 17, 30), solved: nil, line: 4)   // day 1, segment A
        events.add(created: Self.at(1, 17, 30), solved: nil, line: 5)   // after the range
        events.add(created: Self.at(-1, 17, 0), solved: Self.at(0, 9, 0), line: 6)  // before: open at start, solved in A
        events.add(created: Self.at(0, 9, 0), solved: Self.at(0, 8, 0), line: 7)    // solved before created
        let segments = events.segments
        #expect(segments.created == [1, 1, 1, 0])
        #expect(segments.solved == [1, 0, 0, 0])
        #expect(events.openAtStart == 1 && events.outsideRange == 2 && events.solvedBeforeCreated == 1)
        #expect(events.firstSolvedBeforeCreatedLine == 7)
    }

    /// A segment is busy when the open count stays above zero at every minute of it, its start included.
    @Test func busySegmentsKeepABacklog() {
        var events = TicketEvents(clock: Self.clock)
        // Open from day 0 18:00 (segment A of day 0 starts at 17:30 with nothing open: idle)
        // until day 1 12:00 (segment B of day 1: it empties there).
        events.add(created: Self.at(-1, 18, 0), solved: Self.at(1, 12, 0), line: 2)
        #expect(events.segments.busy == [false, true, true, false])
    }
}
