import ArgumentParser
import CapacityPolicy

/// `--policy FILE` and `--reading`, shared by every command that decides levels.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: "Policy file (JSON) (default: the handbook policy built into plan, or a scenario's own).")
    var policy: String?

    @Option(name: .long, help: "How repeated criteria are read: first-level or literal (default: the policy file's own).")
    var reading: Reading?

    /// The policy file's policy, or else `base` (the handbook's, or a scenario's own), with the reading applied.
    func load(base: Policy = .handbook) throws -> Policy {
        var loaded = base
        if let policy {
            loaded = try Policy.decode(json: try readTextFile(policy), source: policy)
        }
        if let reading { loaded.reading = reading }
        return loaded
    }
}

extension Reading: ExpressibleByArgument {}
