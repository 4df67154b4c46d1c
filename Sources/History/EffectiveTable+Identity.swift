import CapacityPolicy
import RunArtifacts

extension EffectiveTable {
    /// SHA-256 of the effective table's JSON (`plan policy show --format json`): the same for the
    /// built-in policy and a file equal to it, and different once a threshold, a channel or the
    /// reading changes. A declaration keeps it, so checks declared under another policy can be told apart.
    public var sha256: String { get throws { SHA256.hex(of: Array(try json().utf8)) } }
}
