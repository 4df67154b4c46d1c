import Foundation
import RunArtifacts
import Simulation

/// What `plan hire --shard I/N` and `plan cover --shard I/N` write: the plans the first search
/// found (and no plan), each with its tally on the shard's blocks of the validation trials, and what
/// is needed to check, before adding them, that the parts are of the same search: the inputs
/// (`RunIdentity`, with the validation seed and trial count) and every setting that decides the
/// answer. docs/SHARDS.md describes the file.
public struct ValidationPart: Sendable, Codable {
    public let identity: RunIdentity
    /// The command and the options that decide its answer, one per entry, as `--name value`
    /// ("plan hire", "--through 2027-12-31", …): parts of other settings are refused.
    public let settings: [String]
    public let shard: PartialResult.ShardFacts
    /// How this shard ran; not part of the result.
    public let execution: RunRecord.Execution
    public let plans: [Plan]

    /// One validated plan: units per candidate, and its tally on the shard's blocks.
    public struct Plan: Sendable, Codable {
        public let counts: [Int]
        public let tally: Tally
    }

    public init(
        identity: RunIdentity, settings: [String], shard: Shard, blocks: Range<Int>, plans: [(plan: [Int], tally: Tally)],
        threads: Int, started: Date, elapsedSeconds: Double
    ) {
        self.identity = identity
        self.settings = settings
        let trials = plans.first?.tally.trials ?? 0
        self.shard = PartialResult.ShardFacts(shard: shard, blocks: blocks, trials: trials)
        execution = RunRecord.Execution(threads: threads, started: started, elapsedSeconds: elapsedSeconds, trials: trials * plans.count)
        self.plans = plans.map { Plan(counts: $0.plan, tally: $0.tally) }
    }

    public static let format = "plan-validation-part"
    /// Raised whenever the content changes (here, in `Tally` or in `RunIdentity`).
    public static let version = 1
    static let file = PartFile(format: format, version: version, writer: .validationShard)

    /// The file's text (`PartFile`'s envelope).
    public var fileContents: String { get throws { try Self.file.contents(of: self) } }

    /// Reads a file written by `fileContents`; `path` names it in errors.
    public init(fileContents bytes: [UInt8], path: String) throws(PartialResultError) {
        self = try Self.file.read(ValidationPart.self, from: bytes, path: path, noun: "validation part")
    }
}
