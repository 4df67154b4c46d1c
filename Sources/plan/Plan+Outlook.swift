import ArgumentParser
import Calendars
import Reports
import Foundation
import Scenarios
import Simulation

extension Plan {
    struct Outlook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forecast the coming days from today's state: today's open cases and who is known to be out.",
            discussion: """
                plan outlook scenarios/december.json --from today --days 7 --open-cases 52 --absent emea-nl:2026-12-18
                The scenario's team, calendars, inflow, work and policy over --days days from --from, \
                with no warm-up, the backlog starting at --open-cases, and each --absent SE out from \
                --from until the date given. Reports and writes files like plan simulate (default \
                folder notebooks-output/<scenario name>-outlook/). With --shard I/N it runs shard I of N \
                and writes a partial result that records the outlook's start; plan merge derives the \
                same outlook from it.
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
        @OptionGroup var shardOption: ShardOption
        @OptionGroup var slack: SlackOptions

        func validate() throws {
            guard ScenarioLimits.horizonDays.contains(days) else {
                throw CommandError("--days must be from 1 to \(ScenarioLimits.horizonDays.upperBound), got \(days)")
            }
            if shardOption.text != nil { try ShardRun.checkOptions(options, posting: slack.post) }
        }

        func run() throws {
            let webhook = try slack.webhook()
            let start = try parseDate(from, flag: "--from")
            let absences = try absent.map { text in
                let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, CivilDate(supported: parts[1]) != nil else {
                    throw CommandError("--absent \(text): expected NAME:DATE, the last day out as \(CivilDate.expectation)")
                }
                return OutlookStart.Absence(name: parts[0], until: parts[1])
            }
            guard let open = try openCasesSource.count(given: openCases) else {
                throw CommandError("missing --open-cases (or --open-cases-from): the outlook starts from today's open cases")
            }
            guard ScenarioLimits.initialOpenCases.contains(open) else {
                throw CommandError("--open-cases must be from 0 to \(ScenarioLimits.initialOpenCases.upperBound), got \(open)")
            }
            let state = OutlookStart(from: start.description, days: days, openCases: open, absences: absences)
            let compiled = try CompiledScenario(path: scenario)
            let outlook = try state.scenario(from: compiled)
            if let shard = try shardOption.shard {
                return try ShardRun(shard: shard, options: options, scenario: compiled, name: outlook.name, model: outlook.model, outlook: state).run()
            }
            let result = try options.run(outlook.model, name: outlook.name, path: scenario, bytes: compiled.bytes, inputs: compiled.loaded.files, outlook: state)
            try slack.deliver(result.text, message: result.output.slackSummary(reportPath: result.reportPath), to: webhook)
        }
    }
}

extension OutlookStart {
    /// The outlook's scenario, derived from the scenario file as `plan outlook` derives it, and
    /// compiled; `plan merge` derives a sharded outlook's the same way. Absences that change
    /// nothing are reported as warnings.
    func scenario(from file: CompiledScenario) throws -> (name: String, model: SimulationModel) {
        guard let start = CivilDate(iso: from) else { throw CommandError("outlook start \(from): not a date (expected YYYY-MM-DD)") }
        let absences = try self.absences.map { absence in
            guard let until = CivilDate(iso: absence.until) else {
                throw CommandError("--absent \(absence.name):\(absence.until): expected NAME:DATE, the last day out as \(CivilDate.expectation)")
            }
            return KnownAbsence(name: absence.name, until: until)
        }
        let outlook = file.loaded.scenario.outlook(from: start, days: days, openCases: openCases, absences: absences)
        outlook.warnings.forEach { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }
        guard !outlook.scenario.checkDates.isEmpty else {
            throw CommandError("no check from \(outlook.scenario.horizon.first) to \(outlook.scenario.horizon.last) (weekends and closures only); there is nothing to forecast")
        }
        return (outlook.scenario.name, try CompiledScenario.model(of: outlook.scenario, path: file.path))
    }
}
