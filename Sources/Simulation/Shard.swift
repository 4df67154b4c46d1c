/// One of `count` parts of a run, so that a run too large for one machine can be spread over many
/// (a Slurm job array, a Kubernetes Indexed Job) and its parts added back together exactly.
///
/// A run's trials come in blocks whose seeds depend only on the block's index, so a shard is a
/// fixed range of block indices: shard `index` of `count` takes the `index`-th of `count`
/// contiguous ranges, whose sizes differ by at most one block. The ranges of shards 1…count are
/// disjoint and cover every block, and tallies are integer counts, so the sum of the shards'
/// tallies is the tally of the whole run, whatever the number of shards or of threads in each.
public struct Shard: Sendable, Equatable, Codable {
    /// 1-based: shard 1 of 4 is the first quarter.
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws(SimulationError) {
        guard count >= 1, (1...count).contains(index) else {
            throw SimulationError("a shard is I/N with 1 ≤ I ≤ N, such as 2/4; \(index)/\(count) is not")
        }
        self.index = index
        self.count = count
    }

    /// Its blocks among a run's `blocks` blocks. Throws when there are fewer blocks than shards,
    /// as some shard would then have none.
    ///
    /// - Complexity: O(1).
    public func blocks(of blocks: Int) throws(SimulationError) -> Range<Int> {
        guard count <= blocks else {
            throw SimulationError("\(count) shards are more than the run's \(blocks) block\(blocks == 1 ? "" : "s") of trials, so some shard would have none; use at most \(blocks) shards or more trials")
        }
        return (index - 1) * blocks / count..<index * blocks / count
    }
}
