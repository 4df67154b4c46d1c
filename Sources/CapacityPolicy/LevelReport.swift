/// What CS-triage needs at a check: the level, why, what to do and whom to alert, as facts; the
/// messages built from them (terminal, Slack, JSON) are written by the output layer.
public struct LevelReport: Sendable {
    public let policy: Policy
    public let evaluation: Evaluation
    public let window: CheckWindow?

    public init(table: EffectiveTable, observation: Observation, window: CheckWindow?) {
        self.policy = table.policy
        self.evaluation = table.evaluate(observation)
        self.window = window
    }

    /// 1-based, as the handbook numbers levels.
    public var levelNumber: Int { evaluation.level + 1 }
    public var level: Level { policy.levels[evaluation.level] }

    /// The contingencies of levels 1 … k, in order: they are cumulative.
    public var contingencies: [(level: Int, text: String)] {
        (0...evaluation.level).map { ($0 + 1, policy.levels[$0].contingency) }
    }

    /// Every channel alerted at levels 2 … k, once each, in the order first alerted.
    public var alerts: [String] { policy.alerts(upTo: evaluation.level) }

    /// Teams coordinated with at the declared level.
    public var coordination: [String] { level.coordination }
}

extension Policy {
    /// Every channel alerted at the levels up to `level` (0-based), once each, in the order first
    /// alerted: alerts are cumulative, so a team at level k has sent those of every level below.
    public func alerts(upTo level: Int) -> [String] {
        var seen = Set<String>()
        return levels[0...level].flatMap(\.alerts).filter { seen.insert($0).inserted }
    }
}
