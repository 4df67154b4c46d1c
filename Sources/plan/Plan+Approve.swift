import ArgumentParser
import Reports
import RunArtifacts
import WhatIf

extension Plan {
    struct ApproveCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Decide time-off requests by the risk each adds at every check, and list what would unblock the declined ones.",
            discussion: """
                plan approve scenarios/december.json --requests scenarios/december-requests.csv --max-risk "ge4<=0.20"
                The requests file has the columns name,start,end and optionally priority (higher first) and note (kept in
                approvals.csv); --columns maps other header names (name=employee,start=from,end=to). Writes approvals.csv
                into --out, and with --write-time-off the approved time off as a CSV a scenario's time_off_csv can read.
                """
        )

        @Argument(help: "The scenario (JSON).") var scenario: String
        @Option(help: "CSV of requests: name,start,end[,priority][,note].") var requests: String
        @Option(help: "The requests file's header names when they differ: name=employee,start=from,end=to,priority=rank,note=comment.")
        var columns: String?
        @Option(name: .customLong("max-risk"), help: "The limit at every check, ge<k><=<p>: e.g. ge4<=0.20 for P(level ≥ 4) at most 0.20.")
        var maxRisk: String
        @Option(parsing: .unconditional, help: "At a check already over the limit, the largest added risk (0–1) a request may bring.")
        var tolerance: Double = 0.02
        @OptionGroup var sampling: SamplingOptions<PairedTrials>
        @Option(help: "Write approvals.csv into this folder (default: notebooks-output/approve-<scenario>/).") var out: String?
        @Flag(help: "Refuse a request outside the horizon (with every other bad row) instead of skipping it with a warning.")
        var strict = false
        @Option(name: .customLong("write-time-off"), help: "Also write the approved time off to this CSV file (name,start,end,request), which a scenario's time_off_csv reads.")
        var writeTimeOff: String?
        @Flag(help: "Replace a --write-time-off file that is not a time-off CSV plan wrote.") var force = false
        @Flag(name: .customLong("no-files"), help: ArgumentHelp(noFilesHelp)) var noFiles = false

        func validate() throws {
            guard (0...1).contains(tolerance) else { throw CommandError("--tolerance must be from 0 to 1, got \(tolerance)") }
            try checkNoFiles(noFiles, out: out, others: [("--write-time-off", writeTimeOff != nil)])
        }

        func run() throws {
            let limit = try optionValue("--max-risk") { try RiskLimit(parsing: maxRisk) }
            let columns = try columns.map { text in try optionValue("--columns") { try RequestColumns(parsing: text) } } ?? RequestColumns()
            let loaded = try ScenarioFile.load(scenario)
            let file = try TimeOffRequest.read(
                csv: try readTextFile(requests), source: requests, columns: columns,
                team: loaded.scenario.team.map(\.name), horizon: loaded.scenario.horizon, strict: strict)
            ScenarioFile.report(loaded.warnings)
            ScenarioFile.report(file.warnings.map { $0.rendered(WhatIfErrorTopic.option) })
            ScenarioFile.report(TimeOffRequest.horizonWarnings(file.requests, horizon: loaded.scenario.horizon, source: requests))
            // Claimed before the run, so that a folder or file that cannot be written is reported at once.
            let folder = out ?? "notebooks-output/approve-\(ComparisonFiles.stem(scenario))"
            let timeOffTarget = try writeTimeOff.map {
                try OutputTarget(path: $0, option: "--write-time-off", kind: .timeOffCSV, inputs: loaded.files + [requests], force: force)
            }
            try OutputTarget.requireDistinct(timeOffTarget.map { [$0] } ?? [], folders: [("--out", folder)])
            let directory = noFiles ? nil : try OutputDirectory(path: folder, kind: .approval, inputs: loaded.files + [requests])
            OutputNotice.print(directory?.notices ?? [])
            let plan = try ApprovalPlan(
                scenario: loaded.scenario, requests: file.requests, limit: limit, tolerance: tolerance, settings: sampling.comparison, source: requests)
            ScenarioFile.report(plan.warnings)
            var text = plan.terminalText(scenarioName: loaded.scenario.name)
            if let directory {
                OutputNotice.print(try directory.replace(with: [OutputFile(name: "approvals.csv", contents: plan.csv)]))
                text += "\n" + wroteLines([folderPrefix(folder) + "approvals.csv"])
            }
            if let timeOffTarget {
                try timeOffTarget.write(plan.approvedTimeOffCSV(requests: requests))
                text += wroteLines([timeOffTarget.path])
            }
            emit(text)
        }
    }
}
