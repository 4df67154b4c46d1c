import Foundation
import OutputFormats
import Reports
import Pipeline
import RunArtifacts
import Simulation

/// One shard of a run, for `plan simulate --shard` and `plan outlook --shard`: its blocks only,
/// written as a partial result that `plan merge` adds up with the other shards'.
struct ShardRun {
    let shard: Shard
    let options: RunOptions
    /// The scenario file as read (its files make the run's identity).
    let scenario: CompiledScenario
    /// What runs: the file's scenario, or the outlook derived from it.
    let name: String
    let model: SimulationModel
    let outlook: OutlookStart?

    /// The options a shard cannot take: they belong to the whole run, which only `plan merge` sees.
    static func checkOptions(_ options: RunOptions, posting: Bool) throws {
        let whole = "a shard writes a partial result, which plan merge turns into the run's files"
        if options.precision != nil { throw CommandError("--shard needs a number of trials: a run sized by --precision cannot be split into shards") }
        if options.noFiles { throw CommandError("--shard and --no-files contradict each other: \(whole)") }
        if options.html { throw CommandError("--html applies to the whole run: \(whole); give --html to plan merge") }
        if options.format == .json { throw CommandError("--format json applies to the whole run: \(whole)") }
        if options.recording.record { throw CommandError("--record applies to the whole run: \(whole); give --record to plan merge") }
        if options.previous != nil { throw CommandError("--previous applies to the whole run: \(whole)") }
        if options.intervals != nil { throw CommandError("--intervals applies to the whole run: \(whole)") }
        if posting { throw CommandError("--post applies to the whole run: \(whole)") }
        if options.out?.isEmpty == true { throw CommandError("--out is empty; expected the folder the partial result goes into, such as parts/") }
    }

    /// The folder a part goes into when --out is not given.
    static let defaultFolder = "notebooks-output/"

    /// Runs the shard's blocks and writes the partial result into the --out folder (made if missing),
    /// under its own name, <name>.shard-I-of-N.json, so that the parts of a run share a folder.
    func run() throws {
        let trials = options.sampling.trialCount
        let folder = options.out ?? Self.defaultFolder
        let path = folderPrefix(folder) + "\(name).shard-\(shard.index)-of-\(shard.count).json"
        let settings = RunSettings(size: .trials(trials), seed: options.sampling.seed, threads: options.sampling.workerThreads, shard: shard)
        let blocks: Range<Int>
        do {
            blocks = try settings.blocks(trials: trials)
        } catch {
            throw CommandError("--shard \(shard.index)/\(shard.count): \(error.description)")
        }
        try requireFolder(folder, option: "--out")
        let target = try OutputTarget(path: path, option: "--out", kind: .partialResult, inputs: scenario.loaded.files)
        let identity = try scenario.identity(seed: settings.seed, trials: trials, blockSize: settings.blockSize, outlook: outlook)

        var pipeline = RunPipeline(directory: nil)
        let contents = try RunOptions.catchingSignals(&pipeline) { pipeline in
            let (tally, started, elapsed) = try RunPipeline.trials(
                model, settings, path: scenario.path, progress: ProgressBar(enabled: isatty(2) == 1).progress, interruption: pipeline.interruption)
            let result = PartialResult(
                identity: identity, shard: shard, blocks: blocks, tally: tally, threads: settings.threads, started: started, elapsedSeconds: elapsed)
            let contents = try result.fileContents
            if let signal = pipeline.interruption() { throw RunInterrupted(signal: signal) }
            return (contents, tally.trials)
        }
        try target.write(contents.0)
        emit("\(name): shard \(shard.index) of \(shard.count), blocks \(blocks.lowerBound)–\(blocks.upperBound - 1): "
            + "\(NumberFormat.thousands(contents.1)) of \(NumberFormat.thousands(trials)) trials, seed \(settings.seed)\n"
            + wroteLines([path]) + "plan merge adds up the shards' partial results into the run's files")
    }
}
