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
                files whatever --threads. Ctrl-C, SIGTERM or SIGHUP stops the run; nothing is \
                written then (exit status 130, 143 or 129).
                """
        )

        @Argument(help: "The scenario file (JSON).")
        var scenario: String

        @OptionGroup var options: RunOptions
        @OptionGroup var slack: SlackOptions

        func run() throws {
            let webhook = try slack.webhook()
            let bytes = try readFile(scenario)
            let loaded = try ScenarioFile.load(scenario, text: try text(of: bytes, path: scenario))
            ScenarioFile.report(loaded.warnings)
            let result = try options.run(loaded.scenario, path: scenario, bytes: bytes, inputs: loaded.files)
            try slack.deliver(result.text, message: result.output.slackSummary(reportPath: result.reportPath), to: webhook)
        }
    }
}
