import CalendarImport
import Calendars
import Foundation
import Testing
@testable import Calibration

@Suite("Calibration recovers known parameters")
struct KnownAnswerTests {
    static let days = DateRange(CivilDate(iso: "2026-01-05")!...CivilDate(iso: "2026-04-26")!)

    static func calibrate(_ truth: HistoryTruth, seed: UInt) throws -> Calibration {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calibrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try QueueHistory.teamScenario()
        try QueueHistory.write(truth, scenario: scenario, days: days, seed: seed, to: folder)
        let absences = try TimeOffCSV(text: String(contentsOf: folder.appendingPathComponent("absences.csv"), encoding: .utf8), source: "absences.csv")
        return try Calibration.run(CalibrationRequest(
            scenario: scenario, days: days, ticketFiles: [folder.appendingPathComponent("tickets.csv").path], absences: absences))
    }

    /// 100 histories of 16 weeks from fixed seeds. With a true coverage of 95%, the number of 100
    /// intervals that cover is Binomial(100, 0.95): it falls in 90…99 with probability 0.983
    /// (P(≤ 89) = 0.011, P(100) = 0.006), so a parameter outside the band points at its interval.
    @Test func intervalsCoverTheTruth() throws {
        let truth = HistoryTruth()
        var covered: [String: Int] = [:]
        let fits = 100
        for seed in 1...fits {
            let calibration = try Self.calibrate(truth, seed: UInt(seed))
            for key in calibration.fittedKeys {
                guard let estimate = key.estimate, let value = truth.byPointer[key.pointer] else { continue }
                covered[key.pointer, default: 0] += estimate.covers(value) ? 1 : 0
            }
        }
        #expect(Set(covered.keys) == Set(truth.byPointer.keys))
        for (pointer, count) in covered.sorted(by: { $0.key < $1.key }) {
            #expect((90...99).contains(count), "\(pointer): \(count) of \(fits) intervals cover the truth")
        }
        print(covered.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }.joined(separator: "\n"))
    }
}
