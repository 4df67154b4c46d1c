/// The straightforward evaluator: it decides the level the way docs/POLICY.md states the rules and
/// keeps every intermediate fact, so CS-triage can see why a level was declared. The compiled
/// evaluator is tested against it on whole input grids.
public struct Evaluation: Sendable {
    public struct CriterionOutcome: Sendable {
        public let entry: EffectiveTable.Entry
        public let value: Double
        public let holds: Bool
    }

    public struct LevelOutcome: Sendable {
        /// 0-based level index.
        public let level: Int
        public let triggered: Bool
        public let criteria: [CriterionOutcome]
    }

    public let observation: Observation
    public let metricValues: [Double]
    /// 0-based index of the declared level.
    public let level: Int
    /// Outcomes of every level above the baseline, lowest first.
    public let outcomes: [LevelOutcome]
    /// Whether the baseline's own description holds (false for, say, 12 US SEs working at level 1).
    public let baselineDescribed: Bool

    /// The criteria that hold and count at the declared level (empty at the baseline).
    public var reasons: [CriterionOutcome] {
        guard level > 0 else { return [] }
        return outcomes[level - 1].criteria.filter { $0.holds && $0.entry.counts }
    }
}

extension EffectiveTable {
    public func evaluate(_ observation: Observation) -> Evaluation {
        let values = policy.metricValues(observation)
        var outcomes: [Evaluation.LevelOutcome] = []
        var declared = 0
        for l in 1..<entries.count {
            let criteria = entries[l].map { entry in
                let value = values[entry.metric]
                return Evaluation.CriterionOutcome(entry: entry, value: value, holds: entry.criterion.holds(for: value))
            }
            let counting = criteria.filter(\.entry.counts)
            let triggered: Bool
            switch policy.levels[l].trigger {
            case .any: triggered = counting.contains(where: \.holds)
            case .all: triggered = !counting.isEmpty && counting.allSatisfy(\.holds)
            }
            if triggered { declared = l }
            outcomes.append(Evaluation.LevelOutcome(level: l, triggered: triggered, criteria: criteria))
        }
        let baselineDescribed = entries[0].allSatisfy { $0.criterion.holds(for: values[$0.metric]) }
        return Evaluation(observation: observation, metricValues: values, level: declared, outcomes: outcomes, baselineDescribed: baselineDescribed)
    }
}
