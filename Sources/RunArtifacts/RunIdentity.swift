import CapacityPolicy
import Simulation

/// What fixes a run's numbers: the tool, the input files, the policy and the sampling settings.
/// The shards of one run must agree on all of it, and so must the files `plan merge` reads, or the
/// sum of their tallies would not be the tally of any single run.
public struct RunIdentity: Sendable, Codable, Equatable {
    public let toolVersion: String
    /// The scenario file as the shard was given it (relative to its working folder) and the
    /// SHA-256 of its bytes.
    public let scenario: InputDigest
    /// The files the scenario refers to (time off, holidays, a policy file), in the order read.
    public let references: [InputDigest]
    /// The policy's name and the SHA-256 of its effective table in JSON (`plan policy show --format json`),
    /// so that a built-in policy that changed between two builds is caught as well as a file.
    public let policy: PolicyDigest
    public let seed: UInt64
    public let trials: Int
    public let blockSize: Int
    public let generator: String
    /// For a shard of `plan outlook`: the state the outlook starts from, which with the scenario
    /// file fixes the scenario it derives. Nil for `plan simulate`.
    public let outlook: OutlookStart?

    public struct InputDigest: Sendable, Codable, Equatable {
        public let path: String
        public let sha256: String

        public init(path: String, bytes: [UInt8]) {
            self.path = path
            sha256 = SHA256.hex(of: bytes)
        }
    }

    public struct PolicyDigest: Sendable, Codable, Equatable {
        public let name: String
        public let sha256: String
    }

    enum CodingKeys: String, CodingKey {
        case scenario, references, policy, seed, trials, generator, outlook
        case toolVersion = "tool_version", blockSize = "block_size"
    }

    /// `files` are the scenario file and every file it refers to, as loaded, with their bytes;
    /// `trials` the whole run's.
    public init(
        toolVersion: String, files: [(path: String, bytes: [UInt8])], policy: Policy, seed: UInt64, trials: Int, blockSize: Int,
        outlook: OutlookStart? = nil
    ) throws {
        self.toolVersion = toolVersion
        let digests = files.map { InputDigest(path: $0.path, bytes: $0.bytes) }
        scenario = digests[0]
        references = Array(digests.dropFirst())
        self.policy = PolicyDigest(name: policy.name, sha256: SHA256.hex(of: Array(try EffectiveTable(policy).json().utf8)))
        self.seed = seed
        self.trials = trials
        self.blockSize = blockSize
        generator = TrialKernel.generatorName
        self.outlook = outlook
    }

    /// The first thing in which `other` differs from this one, worded as "what: this, other",
    /// or nil when they are equal.
    public func difference(from other: RunIdentity) -> String? {
        func short(_ digest: String) -> String { String(digest.prefix(12)) }
        if toolVersion != other.toolVersion { return "plan version: \(toolVersion), \(other.toolVersion)" }
        if scenario.path != other.scenario.path { return "scenario: \(scenario.path), \(other.scenario.path)" }
        if scenario.sha256 != other.scenario.sha256 {
            return "SHA-256 of \(scenario.path): \(short(scenario.sha256))…, \(short(other.scenario.sha256))…"
        }
        if references.map(\.path) != other.references.map(\.path) {
            return "files the scenario reads: \(references.map(\.path).joined(separator: " ")), \(other.references.map(\.path).joined(separator: " "))"
        }
        if let (a, b) = zip(references, other.references).first(where: { $0 != $1 }) {
            return "SHA-256 of \(a.path): \(short(a.sha256))…, \(short(b.sha256))…"
        }
        if policy != other.policy {
            return "policy: \(policy.name) (SHA-256 \(short(policy.sha256))…), \(other.policy.name) (SHA-256 \(short(other.policy.sha256))…)"
        }
        if seed != other.seed { return "seed: \(seed), \(other.seed)" }
        if trials != other.trials { return "trials: \(trials), \(other.trials)" }
        if blockSize != other.blockSize { return "block size: \(blockSize), \(other.blockSize)" }
        if generator != other.generator { return "generator: \(generator), \(other.generator)" }
        if outlook != other.outlook {
            return "outlook: \(outlook?.description ?? "none (plan simulate)"), \(other.outlook?.description ?? "none (plan simulate)")"
        }
        return nil
    }
}
