import ArgumentParser
import Calendars
import Reports
import Foundation
import Scenarios

extension Plan {
    struct Outlook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forecast the coming days from today's state: today's open cases and who is known to be out.",
            discussion: """
                plan outlook scenarios/december.json --from today --days 7 --open-cases 52 --absent emea-nl:2026-12-18
                The scenario's team, calendars, inflow, work and policy over --days days from --from, \
                with no warm-up, the backlog starting at --open-cases, and each --absent SE out from \
                --from until the date given. Reports and writes files like plan simulate (default \
                folder notebooks-output/<scenario name>-outlook/).
                """
        )

        @Argument(help: "The team's scenario file (JSON).")
        var scenario: String

        @Option(help: "The first day: today (UTC) or YYYY-MM-DD.")
        var from: String

        @Option(parsing: .unconditional, help: "Days to forecast, 1 to \(ScenarioLimits.horizonDays.upperBound).")
        var days: Int

        @Option(name: .customLong("open-cases"), parsing: .unconditional, help: "Open, active cases now.")
        var openCases: Int?

        @OptionGroup var openCasesSource: OpenCasesSource

        @Option(parsing: .upToNextOption, help: "NAME:UNTIL: an SE out from --from until UNTIL (YYYY-MM-DD, inclusive).")
        var absent: [String] = []

        @OptionGroup var options: RunOptions
        @OptionGroup var slack: SlackOptions

        func validate() throws {
            guard ScenarioLimits.horizonDays.contains(days) else {
                throw CommandError("--days must be from 1 to \(ScenarioLimits.horizonDays.upperBound), got \(days)")
            }
        }

        func run() throws {
            let webhook = try slack.webhook()
            let start = try parseDate(from, flag: "--from")
            let absences = try absent.map { text in
                let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, let until = CivilDate(iso: parts[1]) else {
                    throw CommandError("--absent \(text): expected NAME:YYYY-MM-DD (the last day out)")
                }
                return KnownAbsence(name: parts[0], until: until)
            }
            guard let open = try openCasesSource.count(given: openCases) else {
                throw CommandError("missing --open-cases (or --open-cases-from): the outlook starts from today's open cases")
            }
            guard ScenarioLimits.initialOpenCases.contains(open) else {
                throw CommandError("--open-cases must be from 0 to \(ScenarioLimits.initialOpenCases.upperBound), got \(open)")
            }
            let bytes = try readFile(scenario)
            let loaded = try ScenarioFile.load(scenario, text: try text(of: bytes, path: scenario))
            ScenarioFile.report(loaded.warnings)
            let outlook = loaded.scenario.outlook(from: start, days: days, openCases: open, absences: absences)
            outlook.warnings.forEach { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }
            guard !outlook.scenario.checkDates.isEmpty else {
                throw CommandError("no check from \(outlook.scenario.horizon.first) to \(outlook.scenario.horizon.last) (weekends and closures only); there is nothing to forecast")
            }
            let model = try CompiledScenario.model(of: outlook.scenario, path: scenario)
            let result = try options.run(model, name: outlook.scenario.name, path: scenario, bytes: bytes, inputs: loaded.files)
            try slack.deliver(result.text, message: result.output.slackSummary(reportPath: result.reportPath), to: webhook)
        }
    }
}
