import CapacityPolicy
import RunArtifacts

/// `plan policy show`: the effective table for people, with the conventions a reader must know to read it.
extension EffectiveTable {
    /// The effective table as Markdown: collapsed repeats are shown struck through with where they count.
    public func markdown() -> String {
        var out = "# \(policy.name)\n\n"
        out += "| level | name | trigger | criteria | contingency | alerts | coordination |\n"
        out += "|---|---|---|---|---|---|---|\n"
        for (l, level) in policy.levels.enumerated() {
            let criteria = entries[l].map { e in
                e.counts ? e.criterion.description : "~~\(e.criterion)~~ (counts at level \(e.collapsedInto! + 1))"
            }.joined(separator: "; ")
            let trigger = l == 0 ? "baseline (\(level.trigger.rawValue), description only)" : level.trigger.rawValue
            out += "| \(l + 1) | \(level.name) | \(trigger) | \(criteria) | \(level.contingency) | \(level.alerts.isEmpty ? "—" : level.alerts.joined(separator: ", ")) | \(level.coordination.joined(separator: ", ")) |\n"
        }
        out += "\n" + conventions.map { "- \($0)" }.joined(separator: "\n") + "\n"
        return out
    }
}
