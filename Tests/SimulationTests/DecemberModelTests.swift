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
        #expect(model.segmentHours == [16.5, 7.5])
        // A US shift (14:00–01:00, 11 h): 3.5 h in segment B of its day, 7.5 h in A of the next.
        let us = model.groups.firstIndex(of: "us")!
        let usInB: Double = 3.5 / 11, usInNextA: Double = 7.5 / 11
        #expect(model.shiftShares[(us * 3 + 0) * 2 + 1] == usInB)
        #expect(model.shiftShares[(us * 3 + 1) * 2 + 0] == usInNextA)
        // EMEA (09:00–16:00, 7 h): 1 h before the 10:00 check, 6 h after.
        let emea = model.groups.firstIndex(of: "emea")!
        let emeaInA: Double = 1.0 / 7, emeaInB: Double = 6.0 / 7
        #expect(model.shiftShares[(emea * 3 + 0) * 2 + 0] == emeaInA)
        #expect(model.shiftShares[(emea * 3 + 0) * 2 + 1] == emeaInB)
        // Monday 2026-12-28 (GB Boxing Day observed): 30 × 1.2 × 0.4, split 45/55.
        let day = model.firstReportedDay + 27
        let expectedArrivals: Double = 30 * 1.2 * 0.4 * 0.45
        #expect(abs(model.arrivalMeans[day * 2] - expectedArrivals) < 1e-12)
        // Cumulative effects: level 4 has ×1.1 and +3 a day, level 8 ×1.1, +9 a day and 30% diverted.
        let level4Extra: Double = 3 * 16.5 / 24, level8Extra: Double = 9 * 7.5 / 24
        #expect(abs(model.multipliers[3] - 1.1) < 1e-12)
        #expect(abs(model.extraPerSegment[3 * 2 + 0] - level4Extra) < 1e-12)
        #expect(abs(model.extraPerSegment[7 * 2 + 1] - level8Extra) < 1e-12)
        #expect(abs(model.keptShares[7] - 0.7) < 1e-12)
        // Dec 28: emea-za alone of EMEA, five US SEs.
        #expect(model.scheduled(group: emea, day: day) == 1)
        #expect(model.scheduled(group: us, day: day) == 5)
    }
}
