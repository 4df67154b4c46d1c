import Calendars
import CapacityPolicy
import Foundation
import OutputFormats

/// What a run forecast for each check, read back from its files (`run.json` and `checks.csv`), so
/// that a forecast is stored the same way whether `plan simulate --record` hands over the files it
/// is about to write or `plan history add-run` reads a run directory.
public struct RunForecast: Sendable {
    public let record: RunRecord
    /// Stable for the same files: SHA-256 of `run.json` without its `execution` section, which is
    /// the only part that differs between runs of the same scenario, seed and trials.
    public let runID: String
    public let checks: [Check]
    /// The trials' counts of checks per week (`counts.json`); nil for a run written before `plan`
    /// wrote them, which the backtest then scores without a verdict.
    public let counts: CountForecast?

    public struct Check: Sendable, Equatable {
        public let date: CivilDate
        public let window: String
        /// The window's check time, minutes after 00:00 UTC, as the run defined it (`run.json`'s
        /// windows); nil for a forecast stored before the history kept it.
        public let checkMinute: Int?
        /// P(level = l), l = 1 … L (index 0 is level 1).
        public let levels: [Double]
        public let meanOpen: Double
        public let p10Open: Double
        public let p50Open: Double
        public let p90Open: Double

        public init(date: CivilDate, window: String, checkMinute: Int?, levels: [Double], meanOpen: Double, p10Open: Double, p50Open: Double, p90Open: Double) {
            self.date = date
            self.window = window
            self.checkMinute = checkMinute
            self.levels = levels
            self.meanOpen = meanOpen
            self.p10Open = p10Open
            self.p50Open = p50Open
            self.p90Open = p90Open
        }
    }

    /// The files a forecast is read from; `counts.json` too when the run has it.
    public static let fileNames = ["run.json", "checks.csv"]

    /// The forecast in `files` (name → contents, as `RunOutput.files` holds them); `directory`
    /// prefixes the file names in error messages.
    ///
    /// - Complexity: O(total size of the files).
    public init(files: [OutputFile], directory: String) throws(RunFileError) {
        let run = try StoredRun.file("run.json", in: files, directory: directory)
        record = try RunRecord.decode(run.text, source: run.source)
        do {
            runID = SHA256.hex(of: Array(try encodeJSON(Reproducible(record)).utf8))
        } catch {
            throw RunFileError.malformed("\(run.source): \(error)")
        }
        let checksFile = try StoredRun.file("checks.csv", in: files, directory: directory)
        let levels = 1...record.policy.levels.count
        let reader = try RunTableReader(
            text: checksFile.text, source: checksFile.source,
            required: ["date", "window"] + levels.map { "p_level_\($0)" } + ["mean_open", "p10_open", "p50_open", "p90_open"])
        guard record.sampling.trials >= 1 else {
            throw RunFileError.malformed("\(run.source): $.sampling.trials: expected a whole number of trials of at least 1, found \(record.sampling.trials)")
        }
        // One forecast per check: the store keeps one, so a second row would be a wrong answer or a lost one.
        var firstLine: [String: Int] = [:]
        for row in reader.rows {
            let key = "\(row.value("date")) \(row.value("window"))"
            if let first = firstLine[key] {
                throw RunFileError.malformed("\(row.source):\(row.line): the check \(key) is listed twice (also at line \(first)); a run has one row per check")
            }
            firstLine[key] = row.line
        }
        // The run's own windows: a scenario may define windows other than the handbook's.
        var checkMinutes: [String: Int] = [:]
        for window in record.scenario.windows {
            guard let minute = CheckWindow.minute(ofClock: window.check) else {
                throw RunFileError.malformed("\(run.source): $.scenario.windows: the \(window.name) check is at \"\(window.check)\"; expected HH:MM UTC")
            }
            checkMinutes[window.name] = minute
        }
        let windowNames = record.scenario.windows.map(\.name).joined(separator: ", ")
        checks = try reader.rows.map { row throws(RunFileError) in
            let window = row.value("window")
            guard let minute = checkMinutes[window] else {
                throw RunFileError.malformed("\(row.source):\(row.line): column \"window\": \"\(window)\" is none of run.json's windows (\(windowNames))")
            }
            return Check(
                date: try row.date("date"), window: window, checkMinute: minute,
                levels: try levels.map { level throws(RunFileError) in try row.probability("p_level_\(level)") },
                meanOpen: try row.number("mean_open"), p10Open: try row.number("p10_open"),
                p50Open: try row.number("p50_open"), p90Open: try row.number("p90_open"))
        }
        counts = try files.first { $0.name == CountForecast.fileName }.map { file throws(RunFileError) in
            try CountForecast.decode(file.contents, source: StoredRun.source(CountForecast.fileName, in: directory))
        }
    }

    /// The forecast of the run in `directory` (a folder `plan simulate` wrote).
    public init(directory: String) throws(RunFileError) {
        let counts = StoredRun.source(CountForecast.fileName, in: directory)
        let names = RunForecast.fileNames + (FileManager.default.fileExists(atPath: counts) ? [CountForecast.fileName] : [])
        try self.init(files: try StoredRun.readFiles(names, in: directory), directory: directory)
    }

    /// `run.json` but for `execution`.
    private struct Reproducible: Encodable {
        let tool: RunRecord.Tool
        let scenario: RunRecord.ScenarioFacts
        let policy: RunRecord.PolicyFacts
        let assumptions: RunRecord.Assumptions
        let sampling: RunRecord.Sampling

        init(_ record: RunRecord) {
            (tool, scenario, policy, assumptions, sampling) = (record.tool, record.scenario, record.policy, record.assumptions, record.sampling)
        }
    }
}
