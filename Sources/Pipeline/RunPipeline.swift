import Foundation
import Reports
import RunArtifacts
import Simulation
import WhatIf
import OutputFormats

/// A whole run, from the scenario's model to the files in the output folder, for `plan simulate`,
/// `plan outlook` and `plan merge`. Its heads give a tally, by simulating every block
/// (`simulate`) or by adding up the shards' partial results (`merge`); its tail (`finish`: the
/// estimates, "why this day", run.json's record, what moved since a previous run, what the risk
/// hangs on, the forecast recorded and the files published) exists once, so a merged run writes
/// byte for byte what the single run writes (run.json's `execution` aside).
///
/// The command line supplies the options (a folder it has claimed, the pages and forecasts asked
/// for, a way to hear of a signal) and prints the result.
public struct RunPipeline {
    /// The output folder, claimed before the run so that a folder that cannot be written, or one
    /// another run is writing, is reported at once; nil writes no files.
    public var directory: OutputDirectory?
    /// Also write report.html.
    public var html = false
    /// Standard output is the JSON document of every table and run.json, not the summary.
    public var json = false
    /// A previous run, read back before the run: "since the last run" goes into the summary,
    /// run.json and the report.
    public var previous: PreviousRun?
    /// A calibration's intervals, read before the run: "what the risk hangs on" goes into
    /// sensitivity.csv, the summary and the report.
    public var intervals: SensitivityIntervals?
    /// Stores the run's forecast (with --record) before the files are written.
    public var recorder: Recorder?
    /// The signal that asked the run to stop, if one did; polled between blocks and while the
    /// files are written.
    public var interruption: @Sendable () -> Int32? = { nil }

    public init(directory: OutputDirectory?) { self.directory = directory }

    /// Trials of a "what the risk hangs on" run: two runs an input, so fewer than the run's own.
    public static let sensitivityTrials = 20_000
    /// The k of its "expected checks at ≥ k", as `plan sensitivity`'s default `--level`.
    public static let sensitivityLevel = 4

    /// The scenario a run is of: its file (whose bytes run.json hashes) and what run.json keeps
    /// beside the estimates.
    public struct Source: Sendable {
        public var toolVersion: String
        public var path: String
        public var bytes: [UInt8]
        /// The start of an outlook's derived scenario.
        public var outlook: OutlookStart?
        /// The cheapest cover from a pool, shown under "What to arrange, by when".
        public var cover: CoverArrangement?

        public init(toolVersion: String, path: String, bytes: [UInt8], outlook: OutlookStart? = nil, cover: CoverArrangement? = nil) {
            self.toolVersion = toolVersion
            self.path = path
            self.bytes = bytes
            self.outlook = outlook
            self.cover = cover
        }
    }

    /// A previous run's folder, read back, and its name as given.
    public struct PreviousRun: Sendable {
        public let run: StoredRun
        public let name: String
        public init(run: StoredRun, name: String) { (self.run, self.name) = (run, name) }
    }

    /// Where a run's forecast is kept (`storePath`, named when a signal stops the run after it was
    /// stored) and how.
    public struct Recorder {
        public let storePath: String
        public let store: ([OutputFile]) throws -> Void
        public init(storePath: String, store: @escaping ([OutputFile]) throws -> Void) { (self.storePath, self.store) = (storePath, store) }
    }

    /// What a finished run gives the command: its results, what to print, and where the report is
    /// (the HTML page with `html`, else the folder; nil without a folder).
    public struct Result {
        public let output: RunOutput
        public let text: String
        public let reportPath: String?
        /// What writing the folder did beside its files (an old output that could not be removed),
        /// for standard error.
        public let notices: [String]
    }

    /// The tail of every run: from the tally of `model` (run with `settings`; `execution` is how
    /// it ran) to the published files and the text to print.
    func finish(
        model: SimulationModel, tally: Tally, settings: RunSettings, execution: RunRecord.Execution, source: Source
    ) throws -> Result {
        let estimates = Estimates(model: model, tally: tally)
        // "Why this day" needs one more, smaller run; only the files and the report show it.
        let attribution = directory == nil ? nil : try Attribution(estimates: estimates, seed: settings.seed, threads: settings.threads)
        var record = RunRecord(
            toolVersion: source.toolVersion, scenarioPath: source.path, scenarioBytes: source.bytes, estimates: estimates,
            settings: settings, execution: execution)
        record.outlook = source.outlook
        record.cover = source.cover
        var textAfterSummary = ""
        if let previous {
            let diff = try RunDiff(
                earlier: previous.run,
                later: try StoredRun(files: RunOutput(estimates: estimates, record: record, attribution: attribution).files, directory: directory?.path ?? ""),
                earlierName: previous.name, laterName: "this run")
            record.sinceLastRun = SinceLastRun(diff, previous: previous.name)
            textAfterSummary = "\nSince the last run:\n" + diff.terminalText(earlierName: previous.name, laterName: "this run")
        }
        var output = RunOutput(estimates: estimates, record: record, attribution: attribution)
        if let intervals, model.levelCount >= 2 {
            let sensitivity = try Sensitivity.run(
                model: model, intervals: intervals, level: min(Self.sensitivityLevel, model.levelCount),
                settings: ComparisonSettings(trials: min(tally.trials, Self.sensitivityTrials), seed: settings.seed, threads: settings.threads))
            output.sensitivityCSV = sensitivity.csv
            textAfterSummary = "\n" + sensitivity.shortSummary + textAfterSummary
        }
        let (text, notices) = try RunPublication(output: output, directory: directory, html: html, json: json, recorder: recorder, textAfterSummary: textAfterSummary)
            .publish(interruption: interruption)
        let reportPath = directory.map { html ? ($0.path.hasSuffix("/") ? $0.path : $0.path + "/") + "report.html" : $0.path }
        return Result(output: output, text: text, reportPath: reportPath, notices: notices)
    }
}

/// A run stopped by a signal before its files were in place: nothing was written. `recordedIn` is
/// the history store its forecast had gone into already, if it had.
public struct RunInterrupted: Error, Sendable {
    public let signal: Int32
    public let recordedIn: String?
    public init(signal: Int32, recordedIn: String? = nil) { (self.signal, self.recordedIn) = (signal, recordedIn) }
}

/// A run the engine could not finish (a tally too large, a shard that cannot be split): one line
/// naming the scenario file.
public typealias RunError = ErrorMessage<RunErrorTopic>
public enum RunErrorTopic: ErrorTopic {}
