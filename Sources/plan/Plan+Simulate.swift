import ArgumentParser
import Reports

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
            if shardOption.text != nil { try ShardRun.checkOptions(options, posting: slack.post) }
        }

        func run() throws {
            let webhook = try slack.webhook()
            let compiled = try CompiledScenario(path: scenario)
            ScenarioFile.report(compiled.loaded.scenario.scheduleWarnings.map { "\(scenario): \($0)" })
            if let shard = try shardOption.shard {
                let name = compiled.loaded.scenario.name
                return try ShardRun(shard: shard, options: options, scenario: compiled, name: name, model: compiled.model, outlook: nil).run()
            }
            let result = try options.run(
                compiled.model, name: compiled.loaded.scenario.name, path: scenario, bytes: compiled.bytes, inputs: compiled.loaded.files)
            try slack.deliver(result.text, message: result.output.slackSummary(reportPath: result.reportPath), to: webhook)
        }
    }
}
