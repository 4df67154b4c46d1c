import ArgumentParser
import Calendars
import CapacityPolicy
import Reports
import Foundation
import History
import RunArtifacts
import Scenarios
import Simulation

extension Plan {
    struct OutlookCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "outlook",
            abstract: "Forecast the coming days from today's state: today's open cases and who is known to be out.",
            discussion: """
                plan outlook scenarios/december.json --from today --days 7 --open-cases 52 --open-cases-at 07:00 --absent emea-nl:2026-12-18
                The scenario's team, calendars, inflow, work and policy over --days days from --from, \
                with no warm-up and the backlog starting at --open-cases. The count holds at \
                --open-cases-at: only the arrivals and the work after that instant are simulated. \
                Without it the count is taken to hold at the last check of the day before --from \
                (17:30 UTC with the default windows), so a count read at 07:00 would have the night's \
                arrivals counted twice. Each --absent SE is out from --from until the date given, or, \
                without a date, until further notice: a sickness spell of the scenario's spell \
                lengths. --time-off adds the leave booked today. Reports and writes files like plan \
                simulate (default folder notebooks-output/<scenario name>-outlook/). With --shard I/N \
                it runs shard I of N and writes a partial result that records the outlook's start; \
                plan merge derives the same outlook from it.
                """
        )

        @Argument(help: "The team's scenario file (JSON).")
        var scenario: String

        @Option(help: "The first day, today or YYYY-MM-DD.")
        var from: String

        @Option(parsing: .unconditional, help: "Days to forecast, 1 to \(ScenarioLimits.horizonDays.upperBound).")
        var days: Int

        @OptionGroup var openCasesSource: OpenCasesSource

        @Option(name: .customLong("open-cases-at"), help: ArgumentHelp(
            "When the open cases were counted: HH:MM (UTC, on --from), now, or a timestamp YYYY-MM-DDTHH:MMZ (or with an offset) (default: the last check of the day before --from).",
            valueName: "time"))
        var openCasesAt: String?

        @Flag(name: .customLong("open-cases-from-history"), help: "Start from the last check declared in the history store (--history) before --from's first check: its open cases, at its own time.")
        var openCasesFromHistory = false

        @Option(parsing: .upToNextOption, help: ArgumentHelp("From --from: " + Absent.help))
        var absent: [String] = []

        @Option(name: .customLong("time-off"), help: "Leave known today: a time-off CSV (name,start,end) or an iCalendar file (.ics) whose events' SUMMARY is the SE's name.")
        var timeOff: String?

        @OptionGroup var options: RunOptions
        @OptionGroup var shardOption: ShardOption
        @OptionGroup var slack: SlackOptions

        func validate() throws {
            guard ScenarioLimits.horizonDays.contains(days) else {
                throw CommandError("--days must be from 1 to \(ScenarioLimits.horizonDays.upperBound), got \(days)")
            }
            if shardOption.text != nil { try ShardRun.checkOptions(options, posting: slack.post) }
        }

        /// The open cases of the check declared last before `start`'s first check, and that check's
        /// instant: a count and the time it holds at, together.
        func lastDeclaredCount(scenario: Scenario, before start: CivilDate) throws -> (Int, String) {
            let store = options.recording.store
            guard FileManager.default.fileExists(atPath: store.path) else {
                throw CommandError("--open-cases-from-history: no history store at \(store.path) (give --history FILE)")
            }
            let firstMinute = scenario.windows.map(\.checkMinute).min()!
            guard let check = try store.open(create: false).previousCheck(before: start, minute: firstMinute) else {
                throw CommandError("--open-cases-from-history: no check declared before \(start) in \(store.path)")
            }
            let casesInput = scenario.policy.inputs.first { $0.kind == .cases }!.name
            guard let value = check.inputs.first(where: { $0.name == casesInput })?.value else {
                throw CommandError("--open-cases-from-history: the \(check.window) check of \(check.date) has no \"\(casesInput)\" input; it was declared under another policy")
            }
            guard value <= OpenCasesSource.maximum else {
                throw CommandError("--open-cases-from-history: the \(check.window) check of \(check.date) has \(value) open cases, more than the \(OpenCasesSource.maximum) an outlook starts from")
            }
            note("Starting from the \(check.window) check of \(check.date): \(value) open cases")
            return (value, "\(check.date)T" + String(format: "%02d:%02d", check.checkMinute / 60, check.checkMinute % 60) + "Z")
        }

        func run() throws {
            let webhook = try slack.webhook()
            let start = try parseDate(from, flag: "--from")
            let absences = try absent.map { text in
                let absent = try Absent(parsing: text)
                return OutlookStart.Absence(name: absent.name, until: absent.until?.description)
            }
            var instant = try openCasesAt.map { try parseOpenCasesInstant($0, from: start) }
            var count = try openCasesSource.count()
            if openCasesFromHistory {
                guard count == nil, instant == nil else {
                    throw CommandError("--open-cases-from-history reads the count and its time from the history store; leave out --open-cases, --open-cases-from and --open-cases-at")
                }
            }
            let compiled = try CompiledScenario(path: scenario)
            if openCasesFromHistory { (count, instant) = try lastDeclaredCount(scenario: compiled.loaded.scenario, before: start) }
            guard let open = count else {
                throw CommandError("missing --open-cases (or --open-cases-from, --open-cases-from-history): the outlook starts from today's open cases")
            }
            let leave = try timeOff.map {
                try readKnownLeave($0, team: compiled.loaded.scenario.team.map(\.name), horizon: DateRange(start...start.adding(days: days - 1)))
            } ?? []
            let state = OutlookStart(from: start.description, days: days, openCases: open, openCasesAt: instant, absences: absences, leave: leave)
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
            guard let text = absence.until else { return KnownAbsence(name: absence.name, until: nil) }
            guard let until = CivilDate(supported: text) else {
                throw CommandError("outlook absence \(absence.name):\(text): not a date (expected \(CivilDate.expectation))")
            }
            return KnownAbsence(name: absence.name, until: until)
        }
        let leave = try self.leave.map { item in
            guard let first = CivilDate(iso: item.first), let last = CivilDate(iso: item.last), first <= last else {
                throw CommandError("outlook leave \(item.name) \(item.first)…\(item.last): not a range of dates")
            }
            return KnownLeave(name: item.name, dates: DateRange(first...last))
        }
        let instant = try openCasesAt.map { text in
            guard let minutes = minutes(ofInstant: text, after: start) else { throw CommandError("--open-cases-at \(text): not a timestamp YYYY-MM-DDTHH:MMZ") }
            return minutes
        }
        let outlook: (scenario: Scenario, warnings: [String])
        do {
            outlook = try file.loaded.scenario.outlook(from: start, days: days, openCases: openCases, openCasesAt: instant, absences: absences, leave: leave)
        } catch {
            throw absences.contains { $0.name == error.name } ? absentError(error) : CommandError("--time-off \(error.description)")
        }
        outlook.warnings.forEach { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }
        guard let firstCheckDate = outlook.scenario.checkDates.first else {
            throw CommandError("no check from \(outlook.scenario.horizon.first) to \(outlook.scenario.horizon.last) (weekends and closures only); there is nothing to forecast")
        }
        if let instant, let text = openCasesAt {
            // The count must hold before the first check it is to inform; an older one adds warm-up days.
            let windows = outlook.scenario.windows.sorted { $0.checkMinute < $1.checkMinute }
            let firstCheck = (firstCheckDate.dayNumber - start.dayNumber) * 1440 + windows[0].checkMinute
            func clock(_ m: Int) -> String { String(format: "%02d:%02d", (m % 1440 + 1440) % 1440 / 60, (m % 1440 + 1440) % 1440 % 60) }
            guard outlook.scenario.warmupDays <= ScenarioLimits.warmupDays.upperBound else {
                throw CommandError("--open-cases-at \(text) is more than \(ScenarioLimits.warmupDays.upperBound) days before --from \(start); count the open cases nearer to it")
            }
            guard instant <= firstCheck else {
                throw CommandError("--open-cases-at \(text) is after the outlook's first check (\(firstCheckDate) \(clock(firstCheck)) UTC, \(windows[0].name)); count the open cases before it, or start --from later")
            }
        }
        return (outlook.scenario.name, try CompiledScenario.model(of: outlook.scenario, path: file.path))
    }
}
