import Simulation

/// The partial results of a run's shards, checked to make up exactly one run: the same identity
/// (tool, inputs, policy, seed, trials), each shard once, each with the blocks and trials its
/// index gives. Their tallies then add up to the single run's tally, count for count.
public struct ShardMerge: Sendable {
    public let identity: RunIdentity
    /// In shard order.
    private let parts: [(path: String, result: PartialResult)]

    /// Throws naming the file(s) when the parts are of different runs, when a shard is given
    /// twice or is missing, or when a part does not hold its shard's blocks.
    ///
    /// - Complexity: O(number of parts), plus a comparison of their identities.
    public init(parts: [(path: String, result: PartialResult)]) throws(PartialResultError) {
        identity = try Self.check(parts.map { ($0.path, $0.result.identity, $0.result.shard, [$0.result.tally.trials]) })
        self.parts = parts.sorted { $0.result.shard.index < $1.result.shard.index }
    }

    /// The checks of every merge of shards (this one's and `ValidationMerge`'s): the parts are of one
    /// run (the first one's identity), each shard once and none missing, each with its shard's
    /// blocks, and each of its tallies of its shard's trials. Returns the run's identity.
    ///
    /// - Complexity: O(number of parts), plus a comparison of their identities.
    public static func check(
        _ parts: [(path: String, identity: RunIdentity, shard: PartialResult.ShardFacts, talliedTrials: [Int])]
    ) throws(PartialResultError) -> RunIdentity {
        guard let first = parts.first else { throw PartialResultError("no partial results to merge") }
        let count = first.shard.count
        var byIndex: [Int: String] = [:]
        for part in parts {
            let path = part.path
            if let difference = first.identity.difference(from: part.identity) {
                throw PartialResultError("\(path) is not of the same run as \(first.path): \(difference)")
            }
            guard part.shard.count == count else {
                throw PartialResultError("\(path) is shard \(part.shard.index) of \(part.shard.count), but \(first.path) is one of \(count)")
            }
            try checkBlocks(part.shard, identity: part.identity, talliedTrials: part.talliedTrials, path: path)
            if let other = byIndex[part.shard.index] {
                throw PartialResultError("\(other) and \(path) are both shard \(part.shard.index) of \(count); give each shard once")
            }
            byIndex[part.shard.index] = path
        }
        guard byIndex.count == count else {
            // The first few only: the count comes from a file and may be large.
            let missing = Array((1...count).lazy.filter { byIndex[$0] == nil }.prefix(10).map(String.init))
            let more = count - byIndex.count > missing.count ? ", …" : ""
            let shards = missing.count == 1 ? "shard \(missing[0]) of \(count) is" : "shards \(missing.joined(separator: ", "))\(more) of \(count) are"
            throw PartialResultError("\(shards) missing; a merge needs every shard of the run")
        }
        return first.identity
    }

    /// A part must hold exactly the blocks and trials of its shard.
    private static func checkBlocks(
        _ facts: PartialResult.ShardFacts, identity: RunIdentity, talliedTrials: [Int], path: String
    ) throws(PartialResultError) {
        let refusal = PartialResultError("\(path) does not hold the blocks of shard \(facts.index) of \(facts.count) of a run of \(identity.trials) trials")
        // Bounded first, so that the arithmetic below cannot overflow whatever the file says.
        guard (1...Tally.maximumTrials).contains(identity.trials), (1...Tally.maximumTrials).contains(identity.blockSize) else { throw refusal }
        let blocks = (identity.trials + identity.blockSize - 1) / identity.blockSize
        let expected = try? Shard(index: facts.index, count: facts.count).blocks(of: blocks)
        let trials = expected.map { min(identity.trials, $0.upperBound * identity.blockSize) - $0.lowerBound * identity.blockSize }
        guard let expected, expected.lowerBound == facts.firstBlock, expected.upperBound == facts.endBlock,
              trials == facts.trials, talliedTrials.allSatisfy({ $0 == facts.trials })
        else { throw refusal }
    }

    /// The sum of the parts' tallies, for `model`, the scenario as loaded for the merge, whose
    /// identity must be the parts' (the scenario, the files it reads and the policy unchanged since
    /// the shards ran, and the same tool version).
    ///
    /// - Complexity: O(parts × size of a tally).
    public func tally(model: SimulationModel, identity current: RunIdentity) throws(PartialResultError) -> Tally {
        if let difference = current.difference(from: identity) {
            throw PartialResultError("the shards were run on other inputs or with another plan than this merge: \(difference) (now, in the shards)")
        }
        var total = Tally(model: model)
        for (path, part) in parts {
            guard part.tally.fits(model) else {
                throw PartialResultError("\(path): the tallies do not have the shape of \(identity.scenario.path)'s checks, levels and groups")
            }
            if let problem = part.tally.invariantViolation() {
                throw PartialResultError("\(path): the counts cannot come from a run (\(problem)); the file was changed after the shard wrote it")
            }
            total.merge(part.tally)
        }
        return total
    }

    /// The merged run's execution: the shards' threads and simulation times added up, from the
    /// earliest start.
    public var execution: RunRecord.Execution {
        let executions = parts.map(\.result.execution)
        return RunRecord.Execution(
            threads: executions.map(\.threads).reduce(0, +), started: executions.map(\.started).min()!,
            elapsedSeconds: executions.map(\.elapsedSeconds).reduce(0, +), trials: identity.trials, shards: parts.count)
    }
}
