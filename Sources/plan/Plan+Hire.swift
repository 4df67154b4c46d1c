import ArgumentParser
import Calendars
import Cover
import Reports
import RunArtifacts
import Scenarios
import WhatIf

extension Plan {
    struct HireCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hire",
            abstract: "Find the least-cost hiring plan (which group, which month, how many) that keeps every check within the risk limit through a date.",
            discussion: """
                plan hire scenarios/year-ahead.json --through 2027-12-31 --max-risk "ge4<=0.10" --lead-time 8 --ramp 12
                Hires start on the first of a month, at least --lead-time weeks from the horizon's start, and ramp from
                --ramp-start of full capacity to all of it over --ramp weeks. Attrition comes from the scenario's
                "attrition" or --attrition GROUP=RATE (a yearly rate). A hire costs --cost-per-month from their first
                day to --through. --trials is the sample every plan is judged on (default 1000), --validation-trials the
                independent trials it is checked on (seed + 1). Writes hire.csv (and hire.html with --html) into --out.
                --shard I/N validates only shard I of N of the validation trials and writes its part into --out; the
                same command with --merge and every part writes the single run's files (docs/SHARDS.md).
                Exits 2 when the answer is infeasible: a check no plan can bring within the limit, or a plan that fails
                validation. docs/HIRE.md describes the search and every column.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
        enum Counting: String, ExpressibleByArgument, CaseIterable { case yes, no }

        @Argument(help: "The scenario (JSON).") var scenario: String
        @Option(help: "The last date the plan covers (today or YYYY-MM-DD); the scenario's horizon is run from its start to this date.")
        var through: String
        @Option(name: .customLong("max-risk"), help: "A limit at every check, ge<k><=<p> (repeat for several): e.g. ge4<=0.10.")
        var maxRisk: [String] = []
        @Option(name: .customLong("lead-time"), help: "Weeks from opening a requisition to the hire's first day .")
        var leadTime: Int = 8
        @Option(help: "Weeks a hire takes to reach full capacity.") var ramp: Int = 12
        @Option(name: .customLong("ramp-start"), help: "A hire's share of full capacity on the first day, above 0 and up to 1.")
        var rampStart: Double = 0.5
        @Option(name: .customLong("ramp-counts"), help: "yes: a ramping hire counts in the policy's headcount from the first day; no: only once ramped.")
        var rampCounts: Counting = .yes
        @Option(help: "A group's yearly attrition rate, GROUP=RATE with RATE from 0 to below 1 (repeatable); replaces the scenario's.")
        var attrition: [String] = []
        @Option(name: .customLong("hire-like"), help: ArgumentHelp(
            "GROUP=SE: the group's hires take that SE's public holidays, weekdays and capacity (repeatable; default: the group's first SE's holidays and weekdays, capacity 1).",
            valueName: "group=se"))
        var hireLike: [String] = []
        @Option(name: .customLong("cost-per-month"), help: "What one SE costs a month, in any unit (1: costs are SE-months).")
        var costPerMonth: Double = 1
        @Option(name: .customLong("max-per-month"), help: "The most hires of one group starting on the same date, 1 to 10.")
        var maxPerMonth: Int = 2
        @OptionGroup var sampling: SamplingOptions<HireSampleTrials>
        @Option(name: .customLong("validation-trials"), help: "Independent trials the plan is validated on.")
        var validationTrials: Int = 10_000
        @Option(help: "How far above the limit the upper end of a check's validated 95% interval may lie.")
        var tolerance: Double = 0.01
        @Option(help: "Write hire.csv (and hire.html) into this folder (default: notebooks-output/hire-<scenario>/).") var out: String?
        @Flag(help: "Also write hire.html: headcount against the need by month, the hires on a timeline, the risk with and without.")
        var html = false
        @Option(help: "Output: text, or json (everything, as one document).") var format: Format = .text
        @Flag(name: .customLong("no-files"), help: ArgumentHelp(noFilesHelp)) var noFiles = false
        @OptionGroup var shards: ValidationShardOptions

        func validate() throws {
            guard !maxRisk.isEmpty else { throw CommandError("--max-risk: give at least one limit, such as ge4<=0.10") }
            guard (0...104).contains(leadTime) else { throw CommandError("--lead-time must be from 0 to 104 weeks, got \(leadTime)") }
            guard (0...104).contains(ramp) else { throw CommandError("--ramp must be from 0 to 104 weeks, got \(ramp)") }
            guard rampStart > 0 && rampStart <= 1 else { throw CommandError("--ramp-start must be above 0 and at most 1, got \(rampStart)") }
            guard ramp > 0 || rampStart == 1 else {
                throw CommandError("--ramp 0 weeks means full capacity from the first day, but --ramp-start is \(rampStart); give --ramp-start 1 or a ramp of 1 week or more")
            }
            guard costPerMonth > 0, costPerMonth.isFinite else { throw CommandError("--cost-per-month must be a number above 0, got \(costPerMonth)") }
            guard (1...10).contains(maxPerMonth) else { throw CommandError("--max-per-month must be from 1 to 10, got \(maxPerMonth)") }
            guard (0...1).contains(tolerance) else { throw CommandError("--tolerance must be from 0 to 1, got \(tolerance)") }
            try checkTrials(validationTrials, flag: "--validation-trials")
            try checkNoFiles(noFiles, out: out, html: html)
            try shards.checkShard(noFiles: noFiles, others: [("--html", html), ("--format json", format == .json)])
            _ = try Self.attritionRates(attrition)
            _ = try Self.templates(hireLike)
        }

        /// `GROUP=SE` pairs, one per group.
        static func templates(_ texts: [String]) throws -> [String: String] {
            var like: [String: String] = [:]
            for text in texts {
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw CommandError("--hire-like \(text): expected GROUP=SE, such as emea=emea-02")
                }
                guard like[parts[0]] == nil else { throw CommandError("--hire-like \(text): group \(parts[0]) is already made like \(like[parts[0]]!)") }
                like[parts[0]] = parts[1]
            }
            return like
        }

        /// `GROUP=RATE` pairs, each rate in [0, 1).
        static func attritionRates(_ texts: [String]) throws -> [(group: String, rate: Double)] {
            try texts.map { text in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, let rate = Double(parts[1]) else {
                    throw CommandError("--attrition \(text): expected GROUP=RATE, such as emea=0.12")
                }
                guard ScenarioLimits.attritionRate.contains(rate) else {
                    throw CommandError("--attrition \(text): the yearly rate must be from 0 to below 1, got \(parts[1])")
                }
                return (parts[0], rate)
            }
        }

        func run() throws {
            let limits = try maxRisk.map { text throws(WhatIfError) in try RiskLimit(parsing: text) }
            let throughDate = try parseDate(through, flag: "--through")
            let loaded = try ScenarioFile.load(scenario)
            ScenarioFile.report(loaded.warnings)
            var scenario = loaded.scenario
            for (group, rate) in try Self.attritionRates(attrition) {
                guard scenario.groups.contains(where: { $0.name == group }) else {
                    throw CommandError("--attrition \(group)=\(rate): the scenario has no group \"\(group)\" (groups: \(scenario.groups.map(\.name).joined(separator: ", ")))")
                }
                scenario.attrition[group] = Scenario.Attrition(ratePerYear: rate, noticeDays: scenario.attrition[group]?.noticeDays ?? 0)
            }
            let hiring = HireProblem.Settings(
                leadWeeks: leadTime, ramp: Ramp(weeks: ramp, startFraction: rampStart, countsInHeadcount: rampCounts == .yes),
                costPerMonth: costPerMonth, maxPerMonth: maxPerMonth, like: try Self.templates(hireLike))
            let settings = CoverPlan.Settings(
                trials: sampling.trialCount, seed: sampling.seed, validationTrials: validationTrials,
                threads: sampling.workerThreads, tolerance: tolerance)
            let options = ["plan hire", "--through \(throughDate)"] + limits.map { "--max-risk \($0.description)" }
                + ["--lead-time \(leadTime)", "--ramp \(ramp)", "--ramp-start \(rampStart)", "--ramp-counts \(rampCounts.rawValue)"]
                + attrition.map { "--attrition \($0)" } + hireLike.map { "--hire-like \($0)" }
                + ["--cost-per-month \(costPerMonth)", "--max-per-month \(maxPerMonth)", "--trials \(settings.trials)", "--tolerance \(tolerance)"]
            if let shard = try shards.shard {
                try shards.writePart(
                    shard, name: "hire-\(ComparisonFiles.stem(self.scenario))", out: out, files: loaded.files, policy: scenario.policy, settings: settings,
                    options: options
                ) {
                    try HirePlan.validationShard(scenario: scenario, through: throughDate, hiring: hiring, limits: limits, settings: settings, shard: shard)
                }
                return
            }
            let merged = try shards.merged(
                identity: try ValidationShardOptions.identity(files: loaded.files, policy: scenario.policy, settings: settings), options: options)
            // Where the results go is checked before the search, so that a bad path is reported at once.
            let folder = out ?? "notebooks-output/hire-\(ComparisonFiles.stem(self.scenario))"
            let directory = noFiles ? nil : try OutputDirectory(path: folder, kind: .hire, inputs: loaded.files + shards.merge)
            OutputNotice.print(directory?.notices ?? [])
            let plan = try HirePlan(scenario: scenario, through: throughDate, hiring: hiring, limits: limits, settings: settings, shards: merged)
            var files = [OutputFile(name: "hire.csv", contents: plan.csv)]
            if html { files.append(OutputFile(name: "hire.html", contents: plan.html)) }
            // Everything that can fail is computed before the first file is written.
            let json = format == .json ? try plan.json : nil
            if let directory { OutputNotice.print(try directory.replace(with: files)) }
            if let json {
                emit(json)
            } else {
                emit(plan.terminalText + (directory == nil ? "" : "\n" + wroteLines(files.map { folderPrefix(folder) + $0.name })))
            }
            if !plan.isFeasible { throw ExitCode(2) }
        }
    }
}
