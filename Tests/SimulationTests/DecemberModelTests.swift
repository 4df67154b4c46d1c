import Foundation
import Scenarios
import Testing
@testable import Simulation

/// The December example as a file and as built in code by these tests must compile to the same
/// numbers: a check of the file (and its decoding) against an independent transcription of issue 4.
@Suite struct DecemberModelTests {
    static func fileModel() throws -> SimulationModel {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scenarios/december.json").standardized.path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let loaded = try Scenario.load(text: text, path: path) { try String(contentsOfFile: $0, encoding: .utf8) }
        return try SimulationModel(loaded.scenario)
    }

    @Test func fileAndCodeCompileToTheSameModel() throws {
        let file = try Self.fileModel()
        let code = try SimulationModel(TestScenarios.december())
        #expect(file.checks == code.checks)
        #expect(file.arrivalMeans == code.arrivalMeans)
        #expect(file.spikeMeans == code.spikeMeans)
        #expect(file.shiftShares == code.shiftShares)
        #expect(file.scheduledHeadcount == code.scheduledHeadcount)
        #expect(file.scheduledCapacity == code.scheduledCapacity)
        #expect(file.multipliers == code.multipliers)
        #expect(file.extraPerSegment == code.extraPerSegment)
        #expect(file.keptShares == code.keptShares)
        #expect(file.isCheckDay == code.isCheckDay)
    }

    /// Hand-checked numbers of the December model.
    @Test func decemberNumbers() throws {
        let model = try Self.fileModel()
        // 23 weekdays in December 2026, less the Christmas closure: 22 check days, 44 checks.
        #expect(model.checks.count == 44)
        #expect(model.dayCount == 45)
        #expect(model.windowHours == [16.5, 7.5])
        // Segments end at the shifts' starts and ends and at the checks: 01:00 (US ends), 09:00
        // (EMEA starts), 10:00 (check), 14:00 (US starts), 16:00 (EMEA ends), 17:30 (check).
        #expect(model.layout.ends == [60, 540, 600, 840, 960, 1050])
        #expect(model.segmentHours == [7.5, 8, 1, 4, 2, 1.5])
        #expect(model.layout.checkWindow == [-1, -1, 0, -1, -1, 1])
        #expect(model.layout.worked == [true, false, true, true, true, true])
        // A US shift (14:00–01:00, 11 h): 2 h and 1.5 h in its own day's last two segments, 7.5 h in the next day's first.
        let us = model.groups.firstIndex(of: "us")!
        let k = 6
        #expect(model.shiftShares[(us * 3 + 0) * k + 4] == 2.0 / 11)
        #expect(model.shiftShares[(us * 3 + 0) * k + 5] == 1.5 / 11)
        #expect(model.shiftShares[(us * 3 + 1) * k + 0] == 7.5 / 11)
        #expect(model.shiftShares[(us * 3 + 1) * k + 1] == 0)
        // EMEA (09:00–16:00, 7 h): 1 h before the 10:00 check, 4 h to 14:00, 2 h to 16:00.
        let emea = model.groups.firstIndex(of: "emea")!
        #expect(model.shiftShares[(emea * 3 + 0) * k + 2] == 1.0 / 7)
        #expect(model.shiftShares[(emea * 3 + 0) * k + 3] == 4.0 / 7)
        #expect(model.shiftShares[(emea * 3 + 0) * k + 4] == 2.0 / 7)
        // Monday 2026-12-28 (GB Boxing Day observed): 30 × 1.2 × 0.4, split 45/55 between the
        // windows, and EMEA's 45% between its 7.5, 8 and 1 hours.
        let day = model.firstReportedDay + 27
        let emeaWindow: Double = 30 * 1.2 * 0.4 * 0.45
        for (s, hours) in [7.5, 8, 1].enumerated() {
            #expect(abs(model.arrivalMeans[day * k + s] - emeaWindow * hours / 16.5) < 1e-12)
        }
        // Cumulative effects: level 4 has ×1.1 and +3 a day, level 8 ×1.1, +9 a day and 30% diverted,
        // spread over the 16 hours someone works (01:00–09:00 nobody does).
        #expect(abs(model.multipliers[3] - 1.1) < 1e-12)
        #expect(abs(model.extraPerSegment[3 * k + 0] - 3 * 7.5 / 16) < 1e-12)
        #expect(model.extraPerSegment[3 * k + 1] == 0)
        #expect(abs(model.extraPerSegment[7 * k + 5] - 9 * 1.5 / 16) < 1e-12)
        #expect(abs(model.keptShares[7] - 0.7) < 1e-12)
        // Dec 28: emea-za alone of EMEA, five US SEs.
        #expect(model.scheduled(group: emea, day: day) == 1)
        #expect(model.scheduled(group: us, day: day) == 5)
    }
}
