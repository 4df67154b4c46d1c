import ArgumentParser
import Foundation
import CapacityPolicy
import InputFormats
import Reports
import Scenarios

extension Plan {
    struct LevelCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "level",
            abstract: "Declare the level for a check: the level, why, what to do and whom to alert.",
            discussion: """
            plan level --emea 2 --us 7 --open-cases 60 --window emea
            plan level scenarios/december.json --date today --window emea --open-cases 40 --absent us-03
            plan level --input days.csv      (a column per policy input, the cases input as open_cases; others are passed through)
            For a policy with other inputs, give each as --set NAME=VALUE; --open-cases gives its cases input.
            --fail-at K exits with status 3 when the level is K or higher, for schedulers and monitors.
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json, slack }

        @Option(parsing: .unconditional, help: "SEs working in the group emea: short for --set emea=N, for a policy with that input.") var emea: Int?
        @Option(parsing: .unconditional, help: "SEs working in the group us: short for --set us=N, for a policy with that input.") var us: Int?
        @Option(name: .customLong("set"), help: "Any policy input as NAME=VALUE (repeatable).") var assignments: [String] = []
        @Option(help: "The coverage window checked, any case: EMEA (10:00 UTC), Americas (17:30 UTC) or one the scenario defines (default: the window whose check is nearest to now, named on standard error).") var window: String?
        @Option(help: "Output: text, json or slack (the #customer-support post); with --input: text (a table), csv (the file with level and alerts added) or json (one object a row).") var format: Format = .text
        @Option(help: "Evaluate every row of a CSV file (- for standard input) and write it back with level and alerts.") var input: String?
        @OptionGroup var policyOptions: PolicyOptions
        @OptionGroup var recording: RecordOptions
        @OptionGroup var check: ScenarioCheckOptions
        @OptionGroup var openCasesSource: OpenCasesSource
        @OptionGroup var slack: SlackOptions
        @Option(name: .customLong("fail-at"), parsing: .unconditional, help: "Exit with status 3 when the level is this or higher (after printing and posting).") var failAt: Int?

        /// The status `--fail-at` exits with: distinct from bad input (1) and a policy error (2).
        static let levelReached = ExitCode(3)

        func run() throws {
            let loaded = try check.scenario.map(ScenarioFile.load)
            loaded.map { ScenarioFile.report($0.warnings) }
            let table = EffectiveTable(try policyOptions.load(base: loaded?.scenario.policy ?? .handbook))
            if let input {
                if recording.record { throw CommandError("--record stores one declared check; load a file of checks with plan history import") }
                guard emea == nil, us == nil, !openCasesSource.isGiven, assignments.isEmpty, loaded == nil, failAt == nil, !slack.post else {
                    throw CommandError("--input reads the counts from the file; do not also give --emea, --us, --open-cases, --open-cases-from, --set, a scenario, --fail-at or --post")
                }
                let source = input == "-" ? "stdin" : input
                let csv = try CSVTable(text: try readTextFile(input), source: source)
                switch format {
                case .text: emit(try LevelBatch(table: table).text(csv, source: source))
                case .csv: emit(try LevelBatch(table: table).csv(csv, source: source))
                case .json: emit(try LevelBatch(table: table).json(csv, source: source))
                case .slack: throw CommandError("--format slack posts one check; with --input, use --format text, csv or json")
                }
                return
            }
            if let failAt, !(1...table.policy.levels.count).contains(failAt) {
                throw CommandError("--fail-at must be a level from 1 to \(table.policy.levels.count), got \(failAt)")
            }
            let windows = loaded?.scenario.windows ?? CheckWindow.handbook
            let checkWindow = try window.map { name in
                guard let found = CheckWindow.named(name, in: windows) else {
                    throw CommandError("--window \(name): unknown window; the known windows are \(windows.map(\.name).joined(separator: ", "))")
                }
                return found
            } ?? nearestWindow(windows)
            let webhook = try slack.webhook()
            var named: [String: Int] = [:]
            var roster: CheckRoster?
            if let loaded {
                guard emea == nil, us == nil else {
                    throw CommandError("a scenario gives the headcounts from its calendar; give --absent for who is out instead of --emea or --us")
                }
                guard let found = try check.roster(of: loaded.scenario) else { return }
                roster = found
                named = found.headcounts
            }
            if let emea { named["emea"] = emea }
            if let us { named["us"] = us }
            if let open = try openCasesSource.count() {
                guard let cases = table.policy.inputs.first(where: { $0.kind == .cases }) else {
                    throw CommandError("--open-cases gives the policy's cases input, and the policy has none; its inputs are \(table.policy.inputs.map(\.name).joined(separator: ", "))")
                }
                named[cases.name] = open
            }
            for assignment in assignments {
                let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let value = Int(parts[1]) else {
                    throw CommandError("--set \(assignment): expected NAME=WHOLE_NUMBER")
                }
                guard roster?.headcounts[parts[0]] == nil else {
                    throw CommandError("--set \(parts[0]): with a scenario the headcounts come from its calendar; give --absent for who is out")
                }
                named[parts[0]] = value
            }
            let known = Set(table.policy.inputs.map(\.name))
            if let unknown = named.keys.sorted().first(where: { !known.contains($0) }) {
                throw CommandError("the policy has no input \"\(unknown)\"; its inputs are \(table.policy.inputs.map(\.name).joined(separator: ", "))")
            }
            let missing = table.policy.inputs.filter { named[$0.name] == nil }
            guard missing.isEmpty else {
                throw CommandError("missing \(missing.map(flagName).joined(separator: ", ")); the policy needs a value for each of its inputs")
            }
            let observation = try table.policy.observation(named)
            let report = LevelReport(table: table, observation: observation, window: checkWindow)
            let date = try roster?.date ?? check.date.map { _ in try check.checkDate() }
            // The previous check (from the history store) is read only for a message to Slack, so
            // that a damaged store cannot stop a plain declaration.
            let previous = format == .slack || slack.post ? try recording.previousCheck(before: date ?? today(), window: checkWindow) : nil
            let message = report.slackMessage(date: date, previous: previous, out: roster?.out)
            let output: String
            switch format {
            case .text: output = report.text(date: date, roster: roster)
            case .csv: throw CommandError("--format csv writes the rows of --input; one check prints as text, json or slack")
            case .json: output = try report.json(date: date, roster: roster)
            case .slack: output = message.readableText
            }
            try recording.declare(report, table: table, date: date ?? today())
            try slack.deliver(output, message: message, to: webhook)
            if window == nil, let checkWindow {
                note("plan: no --window: the \(checkWindow.name) check (\(CheckWindow.clock(checkWindow.checkMinute)) UTC), the one nearest to now")
            }
            if let failAt, report.levelNumber >= failAt { throw LevelCommand.levelReached }
        }

        /// Without --window, the check nearest to now (UTC), named on standard error once the
        /// level is out, so that the output stays the result; `--record` still needs --window: a
        /// guess is not stored.
        private func nearestWindow(_ windows: [CheckWindow]) throws -> CheckWindow? {
            if recording.record { throw CommandError("--record needs --window: a declared check belongs to a window") }
            let now = Int(Date().timeIntervalSince1970.rounded(.down)) / 60
            return CheckWindow.nearest(to: (now % 1440 + 1440) % 1440, in: windows)
        }

        /// The flag that gives `input`: `--open-cases` for the cases input, `--emea` and `--us` for
        /// inputs of those names (shorthands of `--set`), else `--set NAME=N`.
        private func flagName(for input: Input) -> String {
            if input.kind == .cases { return "--open-cases" }
            return ["emea", "us"].contains(input.name) ? "--\(input.name)" : "--set \(input.name)=N"
        }
    }
}
