import ArgumentParser
import OutputFormats
import Reports
import Simulation

extension Plan {
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Estimate the odds of each level at every check of a scenario (Monte Carlo).",
            discussion: """
                Prints a summary and writes checks.csv, levels.csv, horizon.csv, longest_runs.csv, \
                recommendations.csv, run.json and, with --html, report.html into the output directory, \
                which is swapped in as a whole once every file is written; only an empty folder or \
                one plan wrote is replaced. The same scenario, seed and trial count give the same \
                files whatever --threads. With --shard I/N it runs only shard I of N and writes a \
                partial result instead; plan merge adds up the shards' into the same files. Ctrl-C, \
                SIGTERM or SIGHUP stops the run; nothing is written then (exit status 130, 143 or 129).
                """
        )

        @Argument(help: "The scenario file (JSON).")
        var scenario: String

        @OptionGroup var options: RunOptions
        @OptionGroup var shardOption: ShardOption
        @OptionGroup var slack: SlackOptions

        func validate() throws {
            if shardOption.text != nil {
                let whole = "a shard writes a partial result, which plan merge turns into the run's files"
                if options.precision != nil { throw CommandError("--shard needs a number of trials: a run sized by --precision cannot be split into shards") }
                if options.noFiles { throw CommandError("--shard and --no-files contradict each other: \(whole)") }
                if options.html { throw CommandError("--html applies to the whole run: \(whole); give --html to plan merge") }
                if options.format == .json { throw CommandError("--format json applies to the whole run: \(whole)") }
                if options.recording.record { throw CommandError("--record applies to the whole run: \(whole); give --record to plan merge") }
                if slack.post { throw CommandError("--post applies to the whole run: \(whole)") }
            }
        }

        func run() throws {
            let webhook = try slack.webhook()
            let compiled = try CompiledScenario(path: scenario)
            if let shard = try shardOption.shard {
                return try runShard(shard, trials: options.sampling.trials ?? RunOptions.defaultTrials, scenario: compiled)
            }
            let result = try options.run(
                compiled.model, name: compiled.loaded.scenario.name, path: scenario, bytes: compiled.bytes, inputs: compiled.loaded.files)
            try slack.deliver(result.text, message: result.output.slackSummary(reportPath: result.reportPath), to: webhook)
        }

        /// Runs one shard and writes its partial result for `plan merge`.
        private func runShard(_ shard: Shard, trials: Int, scenario: CompiledScenario) throws {
            let name = scenario.loaded.scenario.name
            let path = options.out ?? "notebooks-output/\(name).shard-\(shard.index)-of-\(shard.count).json"
            let settings = RunSettings(size: .trials(trials), seed: options.sampling.seed, threads: options.sampling.workerThreads, shard: shard)
            let blocks: Range<Int>
            do {
                blocks = try settings.blocks(trials: trials)
            } catch {
                throw CommandError("--shard \(shard.index)/\(shard.count): \(error.description)")
            }
            try PartialResult.prepareFile(at: path, inputs: scenario.loaded.files)
            let identity = try scenario.identity(seed: settings.seed, trials: trials, blockSize: settings.blockSize)

            let interrupt = Interrupt()
            let signalSources = interrupt.catchSignals()
            defer { signalSources.forEach { $0.cancel() } }
            let (tally, started, elapsed) = try RunOptions.simulate(scenario.model, settings, path: scenario.path, interrupt: interrupt)
            let result = PartialResult(
                identity: identity, shard: shard, blocks: blocks, tally: tally, threads: settings.threads, started: started, elapsedSeconds: elapsed)
            let contents = result.fileContents
            if let signal = interrupt.received { throw RunOptions.interrupted(by: signal) }
            try AtomicFile.write(contents, to: path)
            emit("\(name): shard \(shard.index) of \(shard.count), blocks \(blocks.lowerBound)–\(blocks.upperBound - 1): "
                + "\(NumberFormat.thousands(tally.trials)) of \(NumberFormat.thousands(trials)) trials, seed \(settings.seed)\n"
                + "Partial result written to \(path); plan merge adds up every shard's into the run's files")
        }
    }
}
