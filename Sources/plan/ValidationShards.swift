import ArgumentParser
import CapacityPolicy
import Cover
import Foundation
import OutputFormats
import Reports
import RunArtifacts
import Simulation

/// `--shard I/N` and `--merge PART…` of `plan hire` and `plan cover`: their validation runs split
/// into shards, each run anywhere, and added back by the same command with `--merge`, which then
/// writes the files the single run writes, byte for byte (docs/SHARDS.md, "Hire and cover").
struct ValidationShardOptions: ParsableArguments {
    @Option(name: .customLong("shard"), help: ArgumentHelp(
        "Validate only shard I of N (1 ≤ I ≤ N) of the validation trials and write the part into the --out folder (default: notebooks-output/) as <command>-<scenario>.shard-I-of-N.json, for --merge.",
        valueName: "I/N"))
    var shardText: String?
    @Option(name: .customLong("merge"), parsing: .upToNextOption, help: ArgumentHelp(
        "The parts every shard wrote with --shard: their validation runs are added up instead of run again; give the other options as the shards had them.",
        valueName: "part"))
    var merge: [String] = []

    /// The shard asked for, or nil for the whole run.
    var shard: Shard? { get throws { try shardText.map(ShardOption.shard) } }

    func validate() throws {
        _ = try shard
        if shardText != nil && !merge.isEmpty {
            throw CommandError("--shard and --merge contradict each other: a shard writes its part of the validation, --merge reads every shard's")
        }
    }

    /// Refuses, for a shard, the options that shape the run's files: only the merge writes them.
    func checkShard(noFiles: Bool, others: [(flag: String, given: Bool)]) throws {
        guard shardText != nil else { return }
        if noFiles { throw CommandError("--shard and --no-files contradict each other: a shard writes its part of the validation into --out") }
        if let (flag, _) = others.first(where: \.given) {
            throw CommandError("\(flag) applies to the whole run: a shard writes only its part of the validation; give \(flag) with --merge")
        }
    }

    /// What fixes the validation runs besides the settings: the tool, the input files (`files`, the
    /// scenario first), the policy, the validation seed and trials.
    static func identity(files: [String], policy: Policy, settings: CoverPlan.Settings) throws -> RunIdentity {
        try RunIdentity(
            toolVersion: PlanVersion.current, files: try files.map { ($0, Array(try readFile($0))) }, policy: policy,
            seed: settings.validationSeed, trials: settings.validationTrials, blockSize: RunSettings.defaultBlockSize)
    }

    /// Runs `shard` of the validation with `validate` and writes its part into the --out folder
    /// `out` (made if missing) as `<name>.shard-I-of-N.json`; `settings` are the command's options
    /// that decide its answer.
    func writePart(
        _ shard: Shard, name: String, out: String?, files: [String], policy: Policy, settings: CoverPlan.Settings, options: [String],
        validate: () throws -> [(plan: [Int], tally: Tally)]
    ) throws {
        if out?.isEmpty == true { throw CommandError("--out is empty; expected the folder the part goes into, such as parts/") }
        let folder = out ?? ShardRun.defaultFolder
        let run = RunSettings(size: .trials(settings.validationTrials), seed: settings.validationSeed, threads: settings.threads, shard: shard)
        let blocks: Range<Int>
        do {
            blocks = try run.blocks(trials: settings.validationTrials)
        } catch {
            throw CommandError("--shard \(shard.index)/\(shard.count) of --validation-trials \(settings.validationTrials): \(error.description)")
        }
        try requireFolder(folder, option: "--out")
        let path = folderPrefix(folder) + "\(name).shard-\(shard.index)-of-\(shard.count).json"
        let target = try OutputTarget(path: path, option: "--out", kind: .partialResult, inputs: files)
        let identity = try Self.identity(files: files, policy: policy, settings: settings)
        let started = Date()
        let plans = try validate()
        let part = ValidationPart(
            identity: identity, settings: options, shard: shard, blocks: blocks, plans: plans, threads: settings.threads, started: started,
            elapsedSeconds: Date().timeIntervalSince(started))
        try target.write(try part.fileContents)
        emit("\(name): shard \(shard.index) of \(shard.count) of the validation, blocks \(blocks.lowerBound)–\(blocks.upperBound - 1): "
            + "\(NumberFormat.thousands(part.shard.trials)) of \(NumberFormat.thousands(settings.validationTrials)) trials of \(plans.count) plans, seed \(settings.validationSeed)\n"
            + wroteLines([path]) + "the same command with --merge and every shard's part writes the run's files")
    }

    /// The parts given to --merge, checked to be every shard of this very run: the inputs as they
    /// are now (`identity`) and the same `options`. Nil without --merge.
    func merged(identity: RunIdentity, options: [String]) throws -> ValidationMerge? {
        guard !merge.isEmpty else { return nil }
        let merged = try ValidationMerge(parts: try merge.map { path in
            (path, try ValidationPart(fileContents: Array(try readFile(path)), path: path))
        })
        if let difference = identity.difference(from: merged.identity) {
            throw CommandError("--merge: the shards were run on other inputs or with another plan than this merge: \(difference) (now, in the shards)")
        }
        if let (now, then) = ValidationMerge.firstDifference(options, merged.settings) {
            throw CommandError("--merge: the shards were run with other settings than this merge: \(now) now, \(then) in the shards")
        }
        return merged
    }
}
