/// The policy after its reading is applied: for each criterion of each level, whether it counts
/// there or is a ditto mark of the same criterion at a lower "any" level.
///
/// Both evaluators and `plan policy show` work from this table, so the reading is decided once.
public struct EffectiveTable: Sendable {
    public struct Entry: Sendable {
        public let criterion: Criterion
        /// Index of the criterion's metric in `Policy.metricNames`.
        public let metric: Int
        /// Nil when the criterion counts at this level; otherwise the (0-based) lowest level where it counts.
        public let collapsedInto: Int?

        public var counts: Bool { collapsedInto == nil }
    }

    public let policy: Policy
    /// `entries[l]` are the criteria of level `l` (0-based; level 0 is the baseline, whose criteria never trigger).
    public let entries: [[Entry]]

    public init(_ policy: Policy) {
        self.policy = policy
        var firstAnyLevel: [Criterion: Int] = [:]
        var entries: [[Entry]] = []
        for (l, level) in policy.levels.enumerated() {
            var row: [Entry] = []
            for criterion in level.criteria {
                let metric = policy.metricIndex(named: criterion.metric)!
                var collapsedInto: Int? = nil
                if l > 0, level.trigger == .any {
                    if let first = firstAnyLevel[criterion], policy.reading == .firstLevel {
                        collapsedInto = first
                    } else if firstAnyLevel[criterion] == nil {
                        firstAnyLevel[criterion] = l
                    }
                }
                row.append(Entry(criterion: criterion, metric: metric, collapsedInto: collapsedInto))
            }
            entries.append(row)
        }
        self.entries = entries
    }

    /// Every criterion repeated unchanged at more than one "any" level: where it appears, and
    /// where it counts under the first-level reading.
    public var repeats: [(criterion: Criterion, levels: [Int], countsAt: Int)] {
        var order: [Criterion] = []
        var where_: [Criterion: [Int]] = [:]
        for (l, level) in policy.levels.enumerated() where l > 0 && level.trigger == .any {
            for c in level.criteria {
                if where_[c] == nil { order.append(c) }
                where_[c, default: []].append(l)
            }
        }
        return order.compactMap { c in
            let levels = where_[c]!
            return levels.count > 1 ? (c, levels, levels[0]) : nil
        }
    }
}
