import CalendarImport
import Calendars
import Foundation
import Testing
@testable import Calibration

@Suite("Calibration recovers known parameters")
struct KnownAnswerTests {
    static let days = DateRange(CivilDate(iso: "2026-01-05")!...CivilDate(iso: "2026-04-26")!)

    static let scenario = Result { try QueueHistory.teamScenario() }

    static func calibrate(_ truth: HistoryTruth, seed: UInt) throws -> CalibrationFit {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calibrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.scenario.get()
        try QueueHistory.write(truth, scenario: scenario, days: days, seed: seed, to: folder)
        let absences = try TimeOffCSV(text: String(contentsOf: folder.appendingPathComponent("absences.csv"), encoding: .utf8), source: "absences.csv")
        return try CalibrationFit.run(CalibrationRequest(
            scenario: scenario, days: days, ticketFiles: [folder.appendingPathComponent("tickets.csv").path], absences: absences))
    }

    /// How many calibrations of histories drawn from `truth` with `seeds` fitted each key, and how
    /// many of those intervals covered the truth.
    static func coverage(_ truth: HistoryTruth, seeds: ClosedRange<UInt>) throws -> [String: (fitted: Int, covered: Int)] {
        var counts: [String: (fitted: Int, covered: Int)] = [:]
        for seed in seeds {
            for key in try calibrate(truth, seed: UInt(seed)).fittedKeys {
                guard let estimate = key.estimate, let value = truth.byPointer[key.pointer] else { continue }
                counts[key.pointer, default: (0, 0)].fitted += 1
                counts[key.pointer, default: (0, 0)].covered += estimate.covers(value) ? 1 : 0
            }
        }
        return counts
    }

    /// 100 histories of 16 weeks from fixed seeds. With a true coverage of 95%, the number of 100
    /// intervals that cover is Binomial(100, 0.95): it falls in 90…99 with probability 0.983
    /// (P(≤ 89) = 0.011, P(100) = 0.006), so a parameter outside the band points at its interval.
    @Test func poissonDaysIntervalsCoverTheTruth() throws {
        let truth = HistoryTruth()
        let counts = try Self.coverage(truth, seeds: 1...100)
        #expect(Set(counts.keys) == Set(truth.byPointer.keys))
        for (pointer, count) in counts.sorted(by: { $0.key < $1.key }) {
            #expect(count.fitted == 100, "\(pointer) fitted in \(count.fitted) of 100 histories")
            #expect((90...99).contains(count.covered), "\(pointer): \(count.covered) of 100 intervals cover the truth")
        }
    }

    /// The same with over-dispersed days (k = 6): the likelihood-ratio test must choose the negative
    /// binomial (at base 20 its variance is 4.3 times the Poisson's: the test's power is ≈ 1), and k's
    /// adjusted profile-likelihood interval must cover like the others. Other seeds than the Poisson
    /// test's, so that the two draw independent demand shocks.
    @Test func overDispersedDaysIntervalsCoverTheTruth() throws {
        let truth = HistoryTruth(dispersion: 6)
        let counts = try Self.coverage(truth, seeds: 101...200)
        #expect(Set(counts.keys) == Set(truth.byPointer.keys))
        for (pointer, count) in counts.sorted(by: { $0.key < $1.key }) {
            #expect(count.fitted == 100, "\(pointer) fitted in \(count.fitted) of 100 histories")
            #expect((90...99).contains(count.covered), "\(pointer): \(count.covered) of 100 intervals cover the truth")
        }
    }
}
