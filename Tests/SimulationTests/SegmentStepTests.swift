import Testing
@testable import Simulation

/// The day loop's per-day-and-segment flags (`SegmentStep`) against what docs/MODEL.md §5–§7 say
/// of December's segments, worked out by hand.
@Suite struct SegmentStepTests {
    /// December's six segments (ending 01:00, 09:00, 10:00, 14:00, 16:00, 17:30): nobody works
    /// 01:00–09:00, every other segment is worked; the checks end the 10:00 and 17:30 segments
    /// (and with them the windows) on check days only.
    @Test func decemberSteps() throws {
        let model = try DecemberModelTests.fileModel()
        let steps = SegmentStep.grid(layout: model.layout, isCheckDay: model.isCheckDay)
        #expect(steps.count == 45 * 6)
        for d in 0..<45 {
            let check: SegmentStep = model.isCheckDay[d] ? .check : []
            #expect(Array(steps[(d * 6)..<(d * 6 + 6)].map(\.rawValue)) == [
                SegmentStep.worked, [], check.union(.worked), .worked, .worked, check.union(.worked),
            ].map(\.rawValue), "day \(d)")
        }
        // 14 warm-up days (Nov 17–30: 10 weekdays) and December's 22 check days: 64 checks, the
        // last 44 of them the reported ones, in the model's order.
        let checks = steps.indices.filter { steps[$0].contains(.check) }
        #expect(checks.count == 64)
        #expect(checks.suffix(44).map { $0 / 6 } == model.checks.map(\.day))
        #expect(checks.suffix(44).map { $0 % 6 == 2 ? 0 : 1 } == model.checks.map(\.window))
    }
}
