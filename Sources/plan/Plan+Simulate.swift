import ArgumentParser
import Dispatch
import Foundation
import Reports
import Scenarios
import Simulation
import Synchronization

extension Plan {
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Estimate the odds of each level at every check of a scenario (Monte Carlo).",
            discussion: """
                Prints a summary and writes checks.csv, levels.csv, horizon.csv, longest_runs.csv, \
                recommendations.csv, run.json and, with --html, report.html into the output directory, \
                which is swapped in as a whole once every file is written; only an empty folder or \
                one plan wrote is replaced. The same scenario, seed and trial count give the same \
                files whatever --threads. Ctrl-C, SIGTERM or SIGHUP stops the run; nothing is \
                written then (exit status 130, 143 or 129).
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "The scenario file (JSON).")
        var scenario: String

        @OptionGroup var sampling: SamplingOptions

        @Option(help: "Size the run by precision instead: add trials until every P(level ≥ k) has a 95% half-width of at most H (0 < H < 0.5).")
        var precision: Double?

        @Option(name: .customLong("max-trials"), help: "With --precision: stop at this many trials at most (default 10000000).")
        var maxTrials: Int?

        @Option(help: "Output directory (default notebooks-output/<scenario name>/).")
        var out: String?

        @Option(help: "Standard output: text (a summary) or json (every table and run.json).")
        var format: Format = .text

        @Flag(name: .customLong("no-files"), help: "Write no files; print only.")
        var noFiles = false

        @Option(help: "A previous run's folder: add what moved since it (\"since the last run\") to the summary, run.json and the report.")
        var previous: String?
        @Flag(help: "Also write report.html, the page for leadership (plan report rebuilds it from the files).")
        var html = false

        static let defaultTrials = 100_000
        static let defaultMaximumTrials = 10_000_000

        func validate() throws {
            if let precision {
                guard precision > 0 && precision < 0.5 else { throw CommandError("--precision must be between 0 and 0.5 (a half-width such as 0.005), got \(precision)") }
                guard sampling.trials == nil else { throw CommandError("give either --trials or --precision, not both") }
            }
            if let maxTrials {
                guard precision != nil else { throw CommandError("--max-trials applies only with --precision") }
                try SamplingOptions.checkTrials(maxTrials, flag: "--max-trials")
            }
            if noFiles && out != nil { throw CommandError("--no-files and --out contradict each other; give one") }
            if noFiles && html { throw CommandError("--no-files and --html contradict each other; give one") }
        }

        func run() throws {
            let bytes = try readFile(scenario)
            let loaded = try ScenarioFile.load(scenario, text: try text(of: bytes, path: scenario))
            ScenarioFile.report(loaded.warnings)
            let model: SimulationModel
            do {
                model = try SimulationModel(loaded.scenario)
            } catch {
                throw CommandError("\(scenario): \(error.description)")
            }
            let size: RunSettings.Size = precision.map { .precision($0, maximumTrials: maxTrials ?? Simulate.defaultMaximumTrials) }
                ?? .trials(sampling.trials ?? Simulate.defaultTrials)
            let settings = RunSettings(size: size, seed: sampling.seed, threads: sampling.workerThreads)
            // Read before the run, so that a folder that is not a run is reported at once.
            let previousRun = try previous.map { try HTMLReport(directory: $0) }
            // Claimed before the run, so that a folder that cannot be written, or one another run is
            // writing, is reported at once rather than after the simulation.
            let directory = noFiles ? nil : try OutputDirectory(
                path: out ?? "notebooks-output/\(loaded.scenario.name)/", kind: .run, inputs: loaded.files)
            OutputNotice.print(directory?.notices ?? [])

            let interrupt = Interrupt()
            let signalSources = interrupt.catchSignals()
            defer { signalSources.forEach { $0.cancel() } }
            let progress = ProgressBar(enabled: isatty(2) == 1)
            let started = Date()
            let clock = ContinuousClock.now
            let tally: Tally
            do {
                tally = try MonteCarloRun(model: model, settings: settings).run(progress: progress.update, isCancelled: interrupt.isRequested)
                progress.clear()
            } catch {
                progress.clear()
                if let signal = interrupt.received { throw Simulate.interrupted(by: signal) }
                throw CommandError("\(scenario): \(error)")
            }
            let estimates = Estimates(model: model, tally: tally)
            // "Why this day" needs one more, smaller run; only the files and the report show it.
            let attribution = directory == nil ? nil : try Attribution(estimates: estimates, seed: settings.seed, threads: settings.threads)
            let record = RunRecord(
                toolVersion: PlanVersion.current, scenarioPath: scenario, scenarioBytes: Array(bytes), estimates: estimates,
                settings: settings, started: started,
                elapsedSeconds: (ContinuousClock.now - clock) / .seconds(1))
            var output = RunOutput(estimates: estimates, record: record, attribution: attribution)
            var sinceText = ""
            if let previous = previousRun, let previousPath = self.previous {
                let diff = try RunDiff(
                    earlier: previous, later: try HTMLReport(files: output.files, directory: out ?? ""),
                    earlierName: previousPath, laterName: "this run")
                var withSince = record
                withSince.sinceLastRun = SinceLastRun(diff, previous: previousPath)
                output = RunOutput(estimates: estimates, record: withSince, attribution: attribution)
                sinceText = "\nSince the last run:\n" + diff.terminalText(earlierName: previousPath, laterName: "this run")
            }

            var text = format == .json ? output.json : TerminalSummary(output).text + sinceText
            // A Ctrl-C that came after the last block still means "stop": nothing is written.
            if let signal = interrupt.received { throw Simulate.interrupted(by: signal) }
            if let directory {
                OutputNotice.print(try directory.replace(with: try files(output)))
                if format == .text { text += "\nFiles written to \(directory.path)\n" }
            }
            emit(text)
        }

        /// The run's files; with --html also report.html, rendered from the other files' text exactly as
        /// `plan report` renders it from a run directory, so the two pages are the same.
        private func files(_ output: RunOutput) throws(RunFileError) -> [OutputFile] {
            let files = output.files
            guard html else { return files }
            let report = try HTMLReport(files: files, directory: out ?? "")
            return files + [OutputFile(name: "report.html", contents: report.html)]
        }

        /// Reports an interrupted run on standard error; the exit status is the shell's for the
        /// signal (128 + its number: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
        private static func interrupted(by signal: Int32) -> ExitCode {
            FileHandle.standardError.write(Data("Interrupted: the run was stopped and no files were written.\n".utf8))
            return ExitCode(128 + signal)
        }
    }
}

/// Ctrl-C, `kill` (SIGTERM) and a closed terminal (SIGHUP) as a request the run polls between
/// blocks, rather than the default death, so that an interrupted run ends cleanly and writes
/// nothing. (A kill that cannot be caught, SIGKILL, still cannot lose data: `OutputDirectory`
/// keeps the old or the new folder in place at every moment.)
private final class Interrupt: Sendable {
    static let signals = [SIGINT, SIGTERM, SIGHUP]
    /// The signal that asked to stop, or 0.
    private let requested = Atomic<Int32>(0)

    /// Starts catching the signals; they are caught for as long as the returned sources are kept.
    func catchSignals() -> [any DispatchSourceSignal] {
        Self.signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in _ = requested.compareExchange(expected: 0, desired: number, ordering: .relaxed) }
            source.resume()
            return source
        }
    }

    var received: Int32? {
        let number = requested.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    @Sendable func isRequested() -> Bool { received != nil }
}

/// The progress line on standard error, redrawn at most ten times a second; silent when standard
/// error is not a terminal, so that logs and pipes get no control characters.
private final class ProgressBar: Sendable {
    private let enabled: Bool
    private let lastDrawn = Mutex<ContinuousClock.Instant?>(nil)

    init(enabled: Bool) { self.enabled = enabled }

    @Sendable func update(done: Int, planned: Int?) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let due = lastDrawn.withLock { last -> Bool in
            if let last, now - last < .milliseconds(100), done != planned { return false }
            last = now
            return true
        }
        if due { FileHandle.standardError.write(Data(("\r" + ProgressLine.text(done: done, planned: planned)).utf8)) }
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
