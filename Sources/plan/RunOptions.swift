import ArgumentParser
import Foundation
import Reports
import RunArtifacts
import Pipeline
import Scenarios
import Simulation
import WhatIf

/// How a scenario is run and where its results go, shared by `plan simulate` and `plan outlook`
/// so that an outlook is sized, interrupted, written, recorded and reported exactly as any
/// simulation: the options of a `RunPipeline`, which does the run.
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

    static let defaultTrials = 100_000
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

    /// Simulates `model` (of the scenario called `name`, read from `path`, whose bytes run.json
    /// hashes; `inputs` are the files it read, which the output folder must not hold) through the
    /// run pipeline, with these options; returns what the pipeline gives, the text to print among it.
    /// `outlook` is the start of an outlook's derived scenario, recorded in run.json.
    /// `cover` is the cheapest cover from a pool, shown under "What to arrange, by when".
    func run(
        _ model: SimulationModel, name: String, path: String, bytes: Data, inputs: [String], outlook: OutlookStart? = nil,
        cover: CoverArrangement? = nil
    ) throws -> RunPipeline.Result {
        let size: RunSettings.Size = precision.map { .precision($0, maximumTrials: maxTrials ?? Self.defaultMaximumTrials) }
            ?? .trials(sampling.trialCount)
        let settings = RunSettings(size: size, seed: sampling.seed, threads: sampling.workerThreads)
        // Read before the run, so that a bad intervals file is reported at once and nothing is written.
        let ranges = try intervals.map { path in
            try SensitivityIntervals.parse(try readTextFile(path), source: path, inputs: SensitivityInput.all(for: model))
        }
        // Read before the run, so that a folder that is not a run is reported at once.
        let previousRun = try previous.map { RunPipeline.PreviousRun(run: try StoredRun(directory: $0), name: $0) }
        try recording.checkStore()
        // Claimed before the run, so that a folder that cannot be written, or one another run is
        // writing, is reported at once rather than after the simulation.
        let directory = noFiles ? nil : try OutputDirectory(path: out ?? "notebooks-output/\(name)/", kind: .run, inputs: inputs)
        OutputNotice.print(directory?.notices ?? [])

        var pipeline = RunPipeline(directory: directory)
        pipeline.html = html
        pipeline.json = format == .json
        pipeline.previous = previousRun
        pipeline.intervals = ranges
        pipeline.recorder = recording.recorder
        let source = RunPipeline.Source(toolVersion: PlanVersion.current, path: path, bytes: Array(bytes), outlook: outlook, cover: cover)
        let result = try Self.catchingSignals(&pipeline) { pipeline in
            try pipeline.simulate(model, settings: settings, source: source, progress: ProgressBar(enabled: isatty(2) == 1).progress)
        }
        OutputNotice.print(result.notices)
        return result
    }

    /// Runs `body` with Ctrl-C, SIGTERM and SIGHUP caught and heard by `pipeline`, and their earlier
    /// handling back afterwards; a run they stopped ends with the shell's status for the signal.
    static func catchingSignals<T>(_ pipeline: inout RunPipeline, _ body: (RunPipeline) throws -> T) throws -> T {
        let interrupt = Interrupt()
        let catching = interrupt.catchSignals()
        defer { catching.release() }
        pipeline.interruption = { interrupt.received }
        do {
            return try body(pipeline)
        } catch let stopped as RunInterrupted {
            throw interrupted(by: stopped.signal, recordedIn: stopped.recordedIn)
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
