import Foundation
import RunArtifacts
import Simulation

extension RunPipeline {
    /// Finishes the run whose shards `merge` holds as a single run of the same scenario, seed and
    /// trials: same settings, same tail. `tally` is theirs added up for `model` and checked against
    /// the run the scenario file gives now (`ShardMerge.tally(model:identity:)`), which a command
    /// does before it claims the output folder, so that a bad part leaves nothing behind.
    public func merge(_ merge: ShardMerge, tally: Tally, model: SimulationModel, source: Source) throws -> Result {
        let recorded = merge.identity
        // The threads only share out the attribution's blocks; no file depends on them.
        let settings = RunSettings(
            size: .trials(recorded.trials), seed: recorded.seed, threads: ProcessInfo.processInfo.activeProcessorCount, blockSize: recorded.blockSize)
        return try finish(model: model, tally: tally, settings: settings, execution: merge.execution, source: source)
    }
}
