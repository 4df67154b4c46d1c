/// The forecasts anyone could make from the history alone (climatology, persistence) or from the
/// rota (the schedule floor, carried by each forecast). A forecast is worth its cost only if it
/// beats them: skill = 1 − score / baseline's score (above 0: better; 1: perfect).
public struct Baselines: Sendable {
    /// Every declared check, in time order; the baselines of a check look only at earlier ones.
    private let history: [DeclaredLevel]
    private let levelCount: Int

    public init(history: [DeclaredLevel], levelCount: Int) {
        self.history = history.sorted { $0.moment < $1.moment }
        self.levelCount = levelCount
    }

    /// Climatology: P(level = l) as the share of earlier check days with the same window and
    /// weekday declared at l. With one pseudo-check spread evenly over the levels, so that a level
    /// never seen is not impossible and a check with no history gets an even split.
    ///
    /// - Complexity: O(history).
    public func climatology(for check: DeclaredLevel) -> [Double] {
        var counts = [Double](repeating: 1 / Double(levelCount), count: levelCount)
        var n = 1.0
        for earlier in history where earlier.date < check.date && earlier.window == check.window && earlier.date.weekday == check.date.weekday {
            counts[min(earlier.level, levelCount) - 1] += 1
            n += 1
        }
        return counts.map { $0 / n }
    }

    /// Persistence: the level declared at the same window on the latest earlier check day, with
    /// certainty; nil on the first check day of a window.
    ///
    /// - Complexity: O(history).
    public func persistence(for check: DeclaredLevel) -> [Double]? {
        guard let previous = history.last(where: { $0.date < check.date && $0.window == check.window }) else { return nil }
        return Self.certain(level: previous.level, levelCount: levelCount)
    }

    /// A forecast of `level` with certainty: persistence's, and the schedule floor's (the level
    /// the planned headcount alone implies, which a rota tells without any simulation).
    public static func certain(level: Int, levelCount: Int) -> [Double] {
        (1...levelCount).map { $0 == min(level, levelCount) ? 1 : 0 }
    }
}
