import ArgumentParser
import CalendarImport
import Calendars
import Calibration
import Foundation
import InputFormats
import Reports
import RunArtifacts
import Scenarios

extension Plan {
    struct CalibrateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calibrate",
            abstract: "Fit a scenario's inflow, resolution rate and sickness from the team's ticket history, with 95% intervals.",
            discussion: """
                plan calibrate scenarios/history/team.json --tickets scenarios/history/tickets.csv \\
                  --from 2026-01-05 --to 2026-06-28 --preset zendesk --where Group=Support \\
                  --absences scenarios/history/absences.csv --write fitted.json
                Prints each fitted key with its interval, how it was estimated and how well the model fits. \
                Rows created outside --from..--to are ignored and counted; cases solved before they were \
                created are skipped with a warning. Exit status 1 on bad input, and nothing is written.
                """
        )

        @Option(help: "A helpdesk export (CSV), one row per case (repeatable).") var tickets: [String] = []
        @Argument(help: "The team's scenario file (JSON): who was scheduled on each day, the windows and the holiday calendars.") var team: String
        @Option(help: "First day of the history, today or YYYY-MM-DD.") var from: String
        @Option(help: "Last day of the history, today or YYYY-MM-DD.") var to: String
        @Option(help: "An HR absence export (CSV: name,start,end[,type]).") var absences: String?
        @Option(help: "An HR export of leavers (CSV: name,group,left): fits attrition per group.") var leavers: String?
        @Option(name: .customLong("sickness-type"), help: "An absence type read as sickness, besides sick, sickness and illness (repeatable; rows without a type are sickness).") var sicknessTypes: [String] = []
        @Option(name: .customLong("absence-type"), help: ArgumentHelp("The same as --sickness-type (the older name).", visibility: .hidden)) var absenceType: String?
        @Option(name: .customLong("leave-type"), help: "An absence type read as leave, besides vacation, holiday, pto and leave (repeatable): fitted as unbooked leave, and after --to known leave.") var leaveTypes: [String] = []
        @Option(name: .customLong("requested-column"), help: "The absence export's column of booking dates, giving the leave's booking lead time (default: requested; optional unless named).") var requestedColumn: String?
        @Option(name: .customLong("created-column"), help: "The column holding a case's creation time (default: created_at).") var createdColumn: String?
        @Option(name: .customLong("solved-column"), help: "The column holding a case's solve time (default: solved_at).") var solvedColumn: String?
        @Option(name: .customLong("id-column"), help: "The column holding a case's id, by which a case in two exports counts once (default: id; without it, the whole row).")
        var idColumn: String?
        @Option(help: "Column names of a helpdesk's export: zendesk, salesforce or jira.") var preset: String?
        @Option(name: .customLong("where"), help: "COLUMN=VALUE: keep only the rows whose column holds the value (repeatable).") var filters: [String] = []
        @Option(help: "The IANA zone of timestamps written without an offset.") var timezone = "UTC"
        @Flag(name: .customLong("allow-short"), help: "Fit fewer than 8 weeks of history.") var allowShort = false
        @Option(help: "A log-linear inflow trend: auto (fit it and write it when significant at 5%), on (write it; needs 26 weeks), or off.") var trend: InflowFit.TrendMode = .auto
        @Option(help: "Month-of-year factors, shrunk toward 1: auto (when the history covers 12 months), on (needs 12 months), or off.") var season: InflowFit.TrendMode = .auto
        @Option(help: "Output: text, or json (a scenario fragment with intervals and notes).") var format: Format = .text
        @Option(help: "Write the team scenario with the fitted keys replaced to this file.") var write: String?
        @Option(help: "START..END (each today or YYYY-MM-DD): with --write, a scenario ready to forecast this horizon from --to: the backlog at the last check on or before --to, the days in between simulated.") var horizon: String?
        @Flag(help: "Also write a self-contained HTML page with charts of the fit, calibration.html, into --out.") var html = false
        @Option(help: "With --html: the folder the page goes into (default: notebooks-output/calibrate-<team>/).") var out: String?
        @Flag(help: "Replace a --write file or a calibration.html in --out that is not plan's own scenario or page.") var force = false

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        /// `--horizon START..END`, after --to.
        func horizonRange() throws -> DateRange? {
            guard let horizon else { return nil }
            let parts = horizon.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, let start = commandLineDate(parts[0]), let end = commandLineDate(parts[1]) else {
                throw CommandError("--horizon \(horizon): expected START..END, two dates, each today or \(CivilDate.expectation)")
            }
            guard start <= end else { throw CommandError("--horizon \(horizon): ends before it starts") }
            return DateRange(start...end)
        }

        func run() throws {
            guard !tickets.isEmpty else { throw CommandError("--tickets: give at least one export") }
            if out != nil && !html { throw CommandError("--out is where --html writes its page; give --html too") }
            let first = try parseDate(from, flag: "--from")
            let last = try parseDate(to, flag: "--to")
            guard first <= last else { throw CommandError("--to \(to) is before --from \(from)") }
            guard let zone = TimeZone(identifier: timezone) else {
                throw CommandError("--timezone \(timezone): not a time zone this system knows (expected an IANA name such as Europe/Berlin)")
            }
            var columns = TicketColumns.plain
            if let preset {
                guard let match = TicketColumns.presets.first(where: { $0.name == preset.lowercased() }) else {
                    throw CommandError("--preset \(preset): expected one of \(TicketColumns.presets.map(\.name).joined(separator: ", "))")
                }
                columns = match.columns
            }
            if let createdColumn { columns.created = createdColumn }
            if let solvedColumn { columns.solved = solvedColumn }
            if let idColumn { columns.id = idColumn }
            let rowFilters = try filters.map { text -> RowFilter in
                guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
                    throw CommandError("--where \(text): expected COLUMN=VALUE")
                }
                return RowFilter(column: String(text[..<eq]), value: String(text[text.index(after: eq)...]))
            }
            let teamText = try readTextFile(team)
            let loaded = try ScenarioFile.load(team, text: teamText)
            ScenarioFile.report(loaded.warnings)
            let absenceFile = try absences.map { path in
                try TimeOffCSV(text: try readTextFile(path), source: path, requestedColumn: requestedColumn ?? TimeOffCSV.requestedColumn)
            }
            if let requestedColumn, let absenceFile, !absenceFile.hasRequestedColumn {
                throw CommandError("--requested-column \(requestedColumn): \(absenceFile.source) has no such column")
            } else if requestedColumn != nil, absences == nil {
                throw CommandError("--requested-column needs --absences: it names a column of the absence export")
            }
            for path in tickets { try InputFile.check(path) }
            // The files are checked before the fit, which can take minutes on a large export.
            let inputs = tickets + loaded.files + (absences.map { [$0] } ?? []) + (leavers.map { [$0] } ?? [])
            let writeTarget = try write.map { try OutputTarget(path: $0, option: "--write", kind: .scenario, inputs: inputs, force: force) }
            let htmlTarget = html ? try pageTarget("calibration.html", folder: out ?? "notebooks-output/calibrate-\(ComparisonFiles.stem(team))", inputs: inputs, force: force) : nil
            try OutputTarget.requireDistinct([writeTarget, htmlTarget].compactMap { $0 })
            var request = CalibrationRequest(
                scenario: loaded.scenario, days: DateRange(first...last), ticketFiles: tickets, columns: columns, filters: rowFilters,
                zone: zone, absences: absenceFile, allowShort: allowShort, trend: trend)
            request.sicknessTypes = sicknessTypes + (absenceType.map { [$0] } ?? [])
            request.leaveTypes = leaveTypes
            request.season = season
            var calibration = try CalibrationFit.run(request)
            calibration.settingNames = { CalibrationErrorTopic.option($0) }
            if let leavers {
                calibration.attrition = try AttritionFit(csv: try readTextFile(leavers), source: leavers, scenario: loaded.scenario, days: DateRange(first...last))
            }

            // Everything that can fail is computed before the first file is written.
            var outputs: [(target: OutputTarget, contents: String)] = []
            var forecastNote: String?
            if let writeTarget {
                // Paths inside the team file ("$schema", time off, calendars) are relative to its folder: rebased where it is written.
                var rewritten = try calibration.rewrite(scenarioText: teamText, source: team, writtenTo: writeTarget.path)
                if let horizon = try horizonRange() {
                    (rewritten, forecastNote) = try calibration.forecastScenario(scenarioText: teamText, source: team, horizon: horizon, writtenTo: writeTarget.path)
                }
                _ = try ScenarioFile.load(writeTarget.path, text: rewritten)
                outputs.append((writeTarget, rewritten))
            } else if horizon != nil {
                throw CommandError("--horizon needs --write: it shapes the scenario written")
            }
            if let htmlTarget {
                let named = ["tickets " + tickets.joined(separator: ", "), "team " + team] + (absences.map { ["absences " + $0] } ?? [])
                outputs.append((htmlTarget, calibration.html(inputs: named, toolVersion: PlanVersion.current)))
            }
            // Computed before the first file is written: a number JSON cannot hold stops the run here.
            let fragment = format == .json ? try calibration.fragmentJSON : nil
            for output in outputs { try output.target.write(output.contents) }
            // Warnings go to standard error in both formats, so that standard output is the result alone.
            FileHandle.standardError.write(Data((calibration.allWarnings.map { "warning: \($0.escapingControlCharacters)\n" }.joined()).utf8))
            if let fragment {
                emit(fragment)
            } else {
                emit(calibration.text + (forecastNote.map { "note: \($0)\n" } ?? "") + wroteLines(outputs.map(\.target.path)))
            }
        }
    }
}

extension InflowFit.TrendMode: ExpressibleByArgument {}
