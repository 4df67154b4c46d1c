import ArgumentParser
import Foundation
import Reports
import Scenarios
import Simulation
import WhatIf

/// How a scenario is run and where its results go, shared by `plan simulate` and `plan outlook`
/// so that an outlook is sized, interrupted, written, recorded and reported exactly as any
/// simulation.
struct RunOptions: ParsableArguments {
    @OptionGroup var sampling: SamplingOptions<RunTrials>

    @Option(parsing: .unconditional, help: "Size the run by precision instead: add trials until every P(level ≥ k) has a 95% half-width of at most H (0 < H < 0.5).")
    var precision: Double?

    @Option(name: .customLong("max-trials"), parsing: .unconditional, help: "With --precision: stop at this many trials at most (default: 10000000).")
    var maxTrials: Int?

    @Option(help: "Output folder (default: notebooks-output/<scenario name>/).")
    var out: String?

    @Option(help: "Output: text (a summary) or json (every table and run.json).")
    var format: Format = .text

    @Flag(name: .customLong("no-files"), help: ArgumentHelp(noFilesHelp))
    var noFiles = false

    @Flag(help: "Also write report.html, the page for leadership (plan report rebuilds it from the files).")
    var html = false

    @Option(help: "A previous run's folder: add what moved since it (\"since the last run\") to the summary, run.json and the report.")
    var previous: String?

    @Option(help: "plan calibrate --format json's output: also measure what the risk hangs on with its intervals (as plan sensitivity does), into sensitivity.csv, the summary and the report.")
    var intervals: String?

    @OptionGroup var recording: RecordOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    /// Trials per run of "what the risk hangs on": two runs an input, so fewer than the run's own.
    static let sensitivityTrials = 20_000
    /// The k of its "expected checks at ≥ k", as `plan sensitivity`'s default `--level`.
    static let sensitivityLevel = 4
    static let defaultMaximumTrials = 10_000_000

    func validate() throws {
        if let precision {
            guard precision > 0 && precision < 0.5 else { throw CommandError("--precision must be between 0 and 0.5 (a half-width such as 0.005), got \(precision)") }
            guard sampling.trials == nil else { throw CommandError("give either --trials or --precision, not both") }
        }
        if let maxTrials {
            guard precision != nil else { throw CommandError("--max-trials applies only with --precision") }
            try checkTrials(maxTrials, flag: "--max-trials")
        }
        try checkNoFiles(noFiles, out: out, html: html)
    }

    /// What a finished run gives the command: its results, what to print, and where the report is
    /// (the HTML page with --html, else the folder; nil with --no-files).
    struct Result {
        let output: RunOutput
        let text: String
        let reportPath: String?
    }

    /// Simulates `model` (of the scenario called `name`, read from `path`, whose bytes run.json
    /// hashes; `inputs` are the files it read, which the output folder must not hold), records the
    /// forecast when asked to, writes the files and returns the text to print.
    /// `outlook` is the start of an outlook's derived scenario, recorded in run.json.
    /// `cover` is the cheapest cover from a pool, shown under "What to arrange, by when".
    func run(
        _ model: SimulationModel, name: String, path: String, bytes: Data, inputs: [String], outlook: OutlookStart? = nil,
        cover: CoverArrangement? = nil
    ) throws -> Result {
        let size: RunSettings.Size = precision.map { .precision($0, maximumTrials: maxTrials ?? Self.defaultMaximumTrials) }
            ?? .trials(sampling.trialCount)
        let settings = RunSettings(size: size, seed: sampling.seed, threads: sampling.workerThreads)
        // Read before the run, so that a bad intervals file is reported at once and nothing is written.
        let ranges = try intervals.map { path in
            try SensitivityIntervals.parse(try readTextFile(path), source: path, inputs: SensitivityInput.all(for: model))
        }
        // Read before the run, so that a folder that is not a run is reported at once.
        let previousRun = try previous.map { try HTMLReport(directory: $0) }
        try recording.checkStore()
        // Claimed before the run, so that a folder that cannot be written, or one another run is
        // writing, is reported at once rather than after the simulation.
        let directory = noFiles ? nil : try OutputDirectory(path: out ?? "notebooks-output/\(name)/", kind: .run, inputs: inputs)
        OutputNotice.print(directory?.notices ?? [])

        let interrupt = Interrupt()
        let catching = interrupt.catchSignals()
        defer { catching.release() }
        let (tally, started, elapsed) = try Self.simulate(model, settings, path: path, interrupt: interrupt)
        let estimates = Estimates(model: model, tally: tally)
        // "Why this day" needs one more, smaller run; only the files and the report show it.
        let attribution = directory == nil ? nil : try Attribution(estimates: estimates, seed: settings.seed, threads: settings.threads)
        var record = RunRecord(
            toolVersion: PlanVersion.current, scenarioPath: path, scenarioBytes: Array(bytes), estimates: estimates,
            settings: settings, started: started, elapsedSeconds: elapsed)
        record.outlook = outlook
        record.cover = cover
        var sinceText = ""
        if let previousRun, let previous {
            let diff = try RunDiff(
                earlier: previousRun, later: try HTMLReport(files: RunOutput(estimates: estimates, record: record, attribution: attribution).files, directory: out ?? ""),
                earlierName: previous, laterName: "this run")
            record.sinceLastRun = SinceLastRun(diff, previous: previous)
            sinceText = "\nSince the last run:\n" + diff.terminalText(earlierName: previous, laterName: "this run")
        }
        var output = RunOutput(estimates: estimates, record: record, attribution: attribution)
        if let ranges, model.levelCount >= 2 {
            let sensitivity = try Sensitivity.run(
                model: model, intervals: ranges, level: min(Self.sensitivityLevel, model.levelCount),
                settings: ComparisonSettings(trials: min(tally.trials, Self.sensitivityTrials), seed: settings.seed, threads: settings.threads))
            output.sensitivityCSV = sensitivity.csv
            sinceText = "\n" + sensitivity.shortSummary + sinceText
        }
        // A Ctrl-C that came after the last block, or while the files are written, still means
        // "stop": nothing is written.
        let text = try RunPublication(
            output: output, directory: directory, html: html, json: format == .json, recording: recording, textAfterSummary: sinceText)
            .publish(interrupt: interrupt)
        let reportPath = directory.map { html ? ($0.path.hasSuffix("/") ? $0.path : $0.path + "/") + "report.html" : $0.path }
        return Result(output: output, text: text, reportPath: reportPath)
    }

    /// Runs the trials with a progress bar; a signal stops the run between blocks.
    static func simulate(_ model: SimulationModel, _ settings: RunSettings, path: String, interrupt: Interrupt) throws -> (Tally, started: Date, elapsedSeconds: Double) {
        let progress = ProgressBar(enabled: isatty(2) == 1)
        let started = Date()
        let clock = ContinuousClock.now
        do {
            let tally = try MonteCarloRun(model: model, settings: settings).run(progress: progress.update, isCancelled: interrupt.isRequested)
            progress.clear()
            return (tally, started, (ContinuousClock.now - clock) / .seconds(1))
        } catch {
            progress.clear()
            if let signal = interrupt.received { throw interrupted(by: signal) }
            throw CommandError("\(path): \(error)")
        }
    }

    /// Reports an interrupted run on standard error; the exit status is the shell's for the
    /// signal (128 + its number: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP). `recordedIn`
    /// is the history store the forecast went into before the signal came, if it did.
    static func interrupted(by signal: Int32, recordedIn store: String? = nil) -> ExitCode {
        let recorded = store.map { " (its forecast had been recorded in \($0) already)" } ?? ""
        FileHandle.standardError.write(Data("Interrupted: the run was stopped and no files were written\(recorded).\n".utf8))
        return ExitCode(128 + signal)
    }
}
