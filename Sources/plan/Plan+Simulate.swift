import ArgumentParser
import Cover
import Reports
import RunArtifacts
import WhatIf

extension Plan {
    struct SimulateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
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
        @Option(help: "A pool of cover (as for plan cover): also find its cheapest cover for --max-risk and show it under \"What to arrange, by when\".")
        var pool: String?
        @Option(name: .customLong("max-risk"), help: "With --pool: the limit at every check, ge<k><=<p> (repeat for several).")
        var maxRisk: [String] = []

        func validate() throws {
            if shardOption.text != nil { try ShardRun.checkOptions(options, posting: slack.post) }
            if (pool == nil) != maxRisk.isEmpty { throw CommandError("--pool and --max-risk go together: give both or neither") }
            if pool != nil, shardOption.text != nil { throw CommandError("--pool cannot be used with --shard; run plan cover on the scenario instead") }
        }

        func run() throws {
            let webhook = try slack.webhook()
            let compiled = try CompiledScenario(path: scenario)
            ScenarioFile.report(compiled.loaded.scenario.scheduleWarnings.map { "\(scenario): \($0)" })
            if let shard = try shardOption.shard {
                let name = compiled.loaded.scenario.name
                return try ShardRun(shard: shard, options: options, scenario: compiled, name: name, model: compiled.model, outlook: nil).run()
            }
            var cover: CoverArrangement?
            if let pool {
                let limits = try maxRisk.map { text in try optionValue("--max-risk") { try RiskLimit(parsing: text) } }
                let coverPool = try CoverPool.read(csv: try readTextFile(pool), source: pool, scenario: compiled.loaded.scenario)
                let settings = CoverPlan.Settings(seed: options.sampling.seed, threads: options.sampling.workerThreads)
                cover = try CoverPlan(scenario: compiled.loaded.scenario, pool: coverPool, limits: limits, settings: settings).arrangement
            }
            let result = try options.run(
                compiled.model, name: compiled.loaded.scenario.name, path: scenario, bytes: compiled.bytes,
                inputs: compiled.loaded.files + (pool.map { [$0] } ?? []), cover: cover)
            try slack.deliver(result.text, message: result.output.slackSummary(reportPath: result.reportPath), to: webhook)
        }
    }
}
