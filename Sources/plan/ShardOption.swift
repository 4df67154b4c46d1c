import ArgumentParser
import Simulation

/// `--shard I/N`, for every command that runs a plain simulation: run only shard I of N of the
/// run's blocks and write a partial result, which `plan merge` adds up with the other shards'.
/// 1-based, as in "shard 2 of 4"; a job array numbered from 0 passes its index plus one.
struct ShardOption: ParsableArguments {
    @Option(name: .customLong("shard"), help: ArgumentHelp(
        "Run only shard I of N (1 ≤ I ≤ N) and write its partial result for plan merge into the --out folder (default: notebooks-output/) as <scenario name>.shard-I-of-N.json.",
        valueName: "I/N"))
    var text: String?

    func validate() throws { _ = try shard }

    /// The shard asked for, or nil for the whole run.
    var shard: Shard? { get throws { try text.map(Self.shard) } }

    /// `I/N` as a shard, or a one-line error naming --shard.
    static func shard(_ text: String) throws -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw CommandError("--shard takes I/N, shard I of N, such as 2/4; got \(text)")
        }
        do {
            return try Shard(index: index, count: count)
        } catch {
            throw CommandError("--shard: \(error.description)")
        }
    }
}
