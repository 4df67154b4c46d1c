import Foundation
import Simulation

/// What `plan simulate --shard I/N` writes: one shard's integer tallies and everything needed to
/// check, before adding them, that the shards belong to the same run (`RunIdentity`) and together
/// hold each of its blocks once. docs/SHARDS.md describes the file.
public struct PartialResult: Sendable, Codable {
    public let identity: RunIdentity
    public let shard: ShardFacts
    /// How this shard ran: threads, start, time; like run.json's `execution`, not part of the result.
    public let execution: RunRecord.Execution
    public let tally: Tally

    /// Which part of the run this is.
    public struct ShardFacts: Sendable, Codable, Equatable {
        public let index: Int
        public let count: Int
        /// The block indices `firstBlock..<endBlock` and the trials they hold.
        public let firstBlock: Int
        public let endBlock: Int
        public let trials: Int

        /// Shard `shard` of a run, holding `blocks` and the `trials` in them.
        public init(shard: Shard, blocks: Range<Int>, trials: Int) {
            (index, count, firstBlock, endBlock, self.trials) = (shard.index, shard.count, blocks.lowerBound, blocks.upperBound, trials)
        }

        enum CodingKeys: String, CodingKey {
            case index, count, trials
            case firstBlock = "first_block", endBlock = "end_block"
        }
    }

    /// The result of shard `shard` of the run `identity`, whose blocks are `blocks`.
    public init(identity: RunIdentity, shard: Shard, blocks: Range<Int>, tally: Tally, threads: Int, started: Date, elapsedSeconds: Double) {
        self.identity = identity
        self.shard = ShardFacts(shard: shard, blocks: blocks, trials: tally.trials)
        execution = RunRecord.Execution(threads: threads, started: started, elapsedSeconds: elapsedSeconds, trials: tally.trials)
        self.tally = tally
    }
}
