import Foundation
import RunFixtures
import Simulation
import Testing
@testable import RunArtifacts

/// A run's forecast read back from its files, as the history store keeps it.
@Suite struct RunForecastTests {
    /// The two-day run's files; `started` and `elapsed` change only `run.json`'s execution section.
    static func files(started: TimeInterval = 1_800_000_000, elapsed: Double = 0.5, seed: UInt64 = 5) throws -> [OutputFile] {
        let estimates = try TwoDayRun.estimates()
        let record = RunRecord(
            toolVersion: "9.9.9", scenarioPath: "two-days.json", scenarioBytes: Array("abc".utf8), estimates: estimates,
            settings: RunSettings(size: .trials(TwoDayRun.trials), seed: seed, threads: 1),
            started: Date(timeIntervalSince1970: started), elapsedSeconds: elapsed)
        return try RunOutput(estimates: estimates, record: record).files
    }

    @Test func readsEveryChecksLevelsAndOpenCasePercentiles() throws {
        let forecast = try RunForecast(files: try Self.files(), directory: "run")
        #expect(forecast.record.execution.started == "2027-01-15T08:00:00Z")
        #expect(forecast.checks.map(\.window) == ["EMEA", "Americas", "EMEA", "Americas"])
        // Monday at level 1, Tuesday at level 4, with 40 open cases in every trial (TwoDayRun).
        #expect(forecast.checks[0].levels == [1, 0, 0, 0, 0, 0, 0, 0])
        #expect(forecast.checks[3].levels == [0, 0, 0, 1, 0, 0, 0, 0])
        #expect(forecast.checks.allSatisfy { $0.p10Open == 40 && $0.p50Open == 40 && $0.p90Open == 40 && $0.meanOpen == 40 })
    }

    @Test func theRunIDIgnoresTheExecutionSectionOnly() throws {
        let id = try RunForecast(files: try Self.files(), directory: "").runID
        #expect(id.count == 64)
        #expect(try RunForecast(files: try Self.files(started: 1_900_000_000, elapsed: 9), directory: "").runID == id)
        #expect(try RunForecast(files: try Self.files(seed: 6), directory: "").runID != id)
    }

    @Test func aDamagedChecksFileIsNamed() throws {
        let files = try Self.files().map { file in
            file.name == "checks.csv" ? OutputFile(name: file.name, contents: file.contents.replacingOccurrences(of: "p10_open", with: "p10")) : file
        }
        #expect(throws: RunFileError.malformed("run/checks.csv:1: missing column \"p10_open\"")) { try RunForecast(files: files, directory: "run") }
    }
}
