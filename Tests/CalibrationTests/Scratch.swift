import Calendars
import CalendarImport
import Foundation
import Testing
@testable import Calibration

@Test func scratchTiming() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calibrate-scratch")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let scenario = try QueueHistory.teamScenario()
    let clock = ContinuousClock()
    var t = clock.now
    for seed in 1...10 { try QueueHistory.write(HistoryTruth(), scenario: scenario, days: KnownAnswerTests.days, seed: UInt(seed), to: folder) }
    print("generate", clock.now - t); t = clock.now
    let path = folder.appendingPathComponent("tickets.csv").path
    for _ in 1...10 {
        var events = TicketEvents(clock: SegmentClock(days: KnownAnswerTests.days, windows: scenario.windows))
        var ts = TicketTimestampParser(zone: TimeZone(identifier: "UTC")!)
        try TicketExport.read(path: path, columns: .plain, filters: [], timestamps: &ts, into: &events)
    }
    print("read", clock.now - t); t = clock.now
    var events = TicketEvents(clock: SegmentClock(days: KnownAnswerTests.days, windows: scenario.windows))
    var ts = TicketTimestampParser(zone: TimeZone(identifier: "UTC")!)
    try TicketExport.read(path: path, columns: .plain, filters: [], timestamps: &ts, into: &events)
    for _ in 1...10 { _ = events.segments }
    print("aggregate", clock.now - t); t = clock.now
    let days = KnownAnswerTests.days
    let dates = (0..<days.dayCount).map { days.first.adding(days: $0) }
    let seg = events.segments.created; let counts = (0..<days.dayCount).map { d in seg[(d*2)..<(d*2+2)].reduce(0,+) }
    for _ in 1...10 { _ = try InflowFit(counts: counts, dates: dates, isHoliday: dates.map { _ in false }) }
    print("inflow", clock.now - t); t = clock.now
    for _ in 1...10 { _ = try Calibration.workingShifts(scenario: scenario, clock: events.clock, sick: nil) }
    print("shifts", clock.now - t); t = clock.now
}

@Test func scratchNB() throws {
    let clock = ContinuousClock()
    let t = clock.now
    for seed in 1...10 { _ = try KnownAnswerTests.calibrate(HistoryTruth(dispersion: 6), seed: UInt(seed)) }
    print("nb10", clock.now - t)
}
