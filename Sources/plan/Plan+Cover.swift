import ArgumentParser
import Cover
import Reports
import RunArtifacts
import WhatIf

extension Plan {
    struct CoverCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cover",
            abstract: "Find the least cover from a pool (contractor days, on-call days, an SE working a day of leave) that keeps every check within the risk limit.",
            discussion: """
                plan cover scenarios/december.json --max-risk "ge4<=0.20" --pool scenarios/december-pool.csv
                The pool has the columns option,group,from,to,cost_per_day,max_per_day and optionally name (an SE of the
                team who would work days they are off) and sickness (yes or no: whether the cover can fall sick).
                --trials is the sample every candidate cover is judged on (default 2000), --validation-trials the
                independent trials it is checked on (seed + 1). Writes cover.csv (and cover.html with --html) into
                --out. --shard I/N validates only shard I of N of the validation trials and writes its part into --out;
                the same command with --merge and every part writes the single run's files (docs/SHARDS.md). Exits 2
                when the answer is infeasible: a check no cover in the pool can bring within the
                limit, or a cover that fails validation.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "The scenario (JSON).") var scenario: String
        @Option(name: .customLong("max-risk"), help: "A limit at every check, ge<k><=<p> (repeat for several): e.g. ge4<=0.20.")
        var maxRisk: [String] = []
        @Option(help: "CSV of what can be bought: option,group,from,to,cost_per_day,max_per_day[,name][,sickness].") var pool: String
        @OptionGroup var sampling: SamplingOptions<CoverSampleTrials>
        @Option(name: .customLong("validation-trials"), help: "Independent trials the cover is validated on.")
        var validationTrials: Int = 20_000
        @Option(help: "How far above the limit the upper end of a check's validated 95% interval may lie.")
        var tolerance: Double = 0.01
        @Option(help: "Limits for the cost-against-limit curve on the first --max-risk level, e.g. 0.05,0.10,0.20,0.30.")
        var curve: String?
        @Option(help: "Write cover.csv (and cover.html) into this folder (default: notebooks-output/cover-<scenario>/).") var out: String?
        @Option(name: .customLong("write-scenario"), help: "Also write the scenario with the cover added to this file.")
        var writeScenario: String?
        @Flag(help: "Replace a --write-scenario file that is not a scenario.") var force = false
        @Flag(help: "Also write cover.html: the cover on the calendar, the risk before and after, the curve.") var html = false
        @Option(help: "Output: text, or json (everything, as one document).") var format: Format = .text
        @Flag(name: .customLong("no-files"), help: ArgumentHelp(noFilesHelp)) var noFiles = false
        @OptionGroup var shards: ValidationShardOptions

        func validate() throws {
            guard !maxRisk.isEmpty else { throw CommandError("--max-risk: give at least one limit, such as ge4<=0.20") }
            guard (0...1).contains(tolerance) else { throw CommandError("--tolerance must be from 0 to 1, got \(tolerance)") }
            try checkTrials(validationTrials, flag: "--validation-trials")
            try checkNoFiles(noFiles, out: out, html: html, others: [("--write-scenario", writeScenario != nil)])
            try shards.checkShard(
                noFiles: noFiles,
                others: [("--html", html), ("--format json", format == .json), ("--write-scenario", writeScenario != nil), ("--curve", curve != nil)])
        }

        func run() throws {
            let limits = try maxRisk.map { text in try optionValue("--max-risk") { try RiskLimit(parsing: text) } }
            let curveLimits = try curve.map(Self.parseCurve) ?? []
            let loaded = try ScenarioFile.load(scenario)
            ScenarioFile.report(loaded.warnings)
            let coverPool = try CoverPool.read(csv: try readTextFile(pool), source: pool, scenario: loaded.scenario)
            let settings = CoverPlan.Settings(
                trials: sampling.trialCount, seed: sampling.seed, validationTrials: validationTrials,
                threads: sampling.workerThreads, tolerance: tolerance)
            let options = ["plan cover"] + limits.map { "--max-risk \($0.description)" } + ["--trials \(settings.trials)", "--tolerance \(tolerance)"]
            let inputs = loaded.files + [pool]
            if let shard = try shards.shard {
                try shards.writePart(
                    shard, name: "cover-\(ComparisonFiles.stem(scenario))", out: out, files: inputs, policy: loaded.scenario.policy, settings: settings,
                    options: options
                ) {
                    try CoverPlan.validationShard(scenario: loaded.scenario, pool: coverPool, limits: limits, settings: settings, shard: shard)
                }
                return
            }
            let merged = try shards.merged(
                identity: try ValidationShardOptions.identity(files: inputs, policy: loaded.scenario.policy, settings: settings), options: options)
            // Where the results go is checked before the search, so that a bad path is reported at once.
            let folder = out ?? "notebooks-output/cover-\(ComparisonFiles.stem(scenario))"
            let scenarioTarget = try writeScenario.map {
                try OutputTarget(path: $0, option: "--write-scenario", kind: .scenario, inputs: inputs + shards.merge, force: force)
            }
            try OutputTarget.requireDistinct(scenarioTarget.map { [$0] } ?? [], folders: [("--out", folder)])
            let directory = noFiles ? nil : try OutputDirectory(path: folder, kind: .cover, inputs: inputs + shards.merge)
            OutputNotice.print(directory?.notices ?? [])
            let plan = try CoverPlan(scenario: loaded.scenario, pool: coverPool, limits: limits, curve: curveLimits, settings: settings, shards: merged)
            var files = [OutputFile(name: "cover.csv", contents: plan.csv)]
            if html { files.append(OutputFile(name: "cover.html", contents: plan.html)) }
            // Everything that can fail is computed before the first file is written.
            let coveredScenario = try scenarioTarget.map { target in
                let text = try plan.coveredScenarioText(original: try readTextFile(scenario), source: scenario)
                _ = try ScenarioFile.load(target.path, text: text)
                return (target: target, text: text)
            }
            let json = format == .json ? try plan.json : nil
            if let directory { OutputNotice.print(try directory.replace(with: files)) }
            if let coveredScenario { try coveredScenario.target.write(coveredScenario.text) }
            if let json {
                emit(json)
            } else {
                var text = plan.terminalText(poolSource: pool)
                let written = (directory == nil ? [] : files.map { folderPrefix(folder) + $0.name }) + (coveredScenario.map { [$0.target.path] } ?? [])
                if !written.isEmpty { text += "\n" + wroteLines(written) }
                emit(text)
            }
            if !plan.isFeasible { throw ExitCode(2) }
        }

        /// `0.05,0.10,0.20,0.30`: limits between 0 and 1.
        static func parseCurve(_ text: String) throws -> [Double] {
            let values = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard !values.isEmpty, values.allSatisfy({ $0 != nil && (0...1).contains($0!) }) else {
                throw CommandError("--curve \(text): expected limits from 0 to 1 separated by commas, such as 0.05,0.10,0.20,0.30")
            }
            return Array(Set(values.map { $0! })).sorted()
        }
    }
}
