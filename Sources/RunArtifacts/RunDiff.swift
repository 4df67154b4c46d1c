import Calendars
import Foundation
import OutputFormats
import Simulation

/// What moved between two runs at the checks they share, whatever their horizons: a check whose
/// planning level changed, or whose P(level ≥ k) moved by `threshold` or more for some k, and which
/// of the inputs recorded in `run.json` differ, which says why.
///
/// Two runs of the same scenario a week apart share the days both cover; a plain comparison of
/// files would refuse them (other horizons), and a paired comparison needs the scenarios, which
/// a run folder does not keep. The estimates are independent runs, so a move smaller than the runs'
/// own precision (run.json's `precision`, ±0.3 points at December's default 100,000 trials) is
/// noise; the default threshold of 5 points is far above it.
public struct RunDiff: Sendable {
    public let earlier: StoredRun
    public let later: StoredRun
    public let threshold: Double
    /// Checks present in both runs, in time order.
    public let shared: Int
    public let moves: [Move]
    /// Shared checks whose planning level differs between the runs only within the noise: the
    /// levels each run's 95% intervals allow overlap (`PlanningLevel.range`), so the check sits at
    /// the line in at least one run. Not counted as a change of level.
    public let atTheLine: [Move]
    /// The run.json keys whose values differ (`scenario.groups`, `assumptions.inflow`, …), sorted.
    public let changedInputs: [String]

    /// One check that moved.
    public struct Move: Sendable, Equatable, Codable {
        public let date: CivilDate
        public let window: String
        public let planningBefore: Int
        public let planningAfter: Int
        /// The k ≥ 2 whose P(level ≥ k) moved most, and its value in each run.
        public let level: Int
        public let before: Double
        public let after: Double
        /// True when the planning levels differ only within the noise (nil otherwise, and in
        /// run.json files written before it was recorded).
        public var atTheLine: Bool?

        /// "2 → 3", "3", or "2–3 at the line".
        public var planning: String {
            planningBefore == planningAfter ? "\(planningAfter)"
                : atTheLine == true ? "\(min(planningBefore, planningAfter))–\(max(planningBefore, planningAfter)) at the line"
                : "\(planningBefore) → \(planningAfter)"
        }

        enum CodingKeys: String, CodingKey {
            case date, window, level, before, after
            case atTheLine = "at_the_line"
            case planningBefore = "planning_level_before", planningAfter = "planning_level_after"
        }
    }

    /// Throws, naming both runs, when they share no check or their policies differ (other names
    /// or levels): their levels would not mean the same.
    ///
    /// - Complexity: O(checks × levels).
    public init(earlier: StoredRun, later: StoredRun, earlierName: String, laterName: String, threshold: Double = 0.05) throws(RunFileError) {
        let (a, b) = (earlier.record.policy, later.record.policy)
        guard a.name == b.name, a.levels.map(\.name) == b.levels.map(\.name) else {
            throw RunFileError.malformed("\(earlierName) and \(laterName) use different policies (\(a.name), \(a.levels.count) levels; "
                + "\(b.name), \(b.levels.count) levels); their levels cannot be compared")
        }
        struct Key: Hashable { let date: CivilDate, window: String }
        let before = Dictionary(earlier.checks.map { (Key(date: $0.date, window: $0.window), $0) }, uniquingKeysWith: { first, _ in first })
        let pairs = later.checks.compactMap { check in before[Key(date: check.date, window: check.window)].map { ($0, check) } }
        guard !pairs.isEmpty else {
            throw RunFileError.malformed("\(earlierName) (\(earlier.record.scenario.horizon.start)…\(earlier.record.scenario.horizon.end)) and "
                + "\(laterName) (\(later.record.scenario.horizon.start)…\(later.record.scenario.horizon.end)) share no check (date and window)")
        }
        self.earlier = earlier
        self.later = later
        self.threshold = threshold
        self.shared = pairs.count
        let levels = a.levels.count
        let all = pairs.compactMap { old, new -> Move? in
            func moved(_ k: Int) -> Double { abs(new.atLeast[k - 1] - old.atLeast[k - 1]) }
            // A one-level policy has no P(level ≥ k) that can move.
            guard levels >= 2, let k = (2...levels).max(by: { moved($0) < moved($1) }) else { return nil }
            let lines = (earlier.planningRange(old), later.planningRange(new))
            let atLine = old.planningLevel != new.planningLevel && lines.0.overlaps(lines.1)
            return Move(date: new.date, window: new.window, planningBefore: old.planningLevel, planningAfter: new.planningLevel,
                        level: k, before: old.atLeast[k - 1], after: new.atLeast[k - 1], atTheLine: atLine ? true : nil)
        }
        self.moves = all.filter { move in
            (move.planningBefore != move.planningAfter && move.atTheLine != true) || abs(move.after - move.before) >= threshold
        }
        self.atTheLine = all.filter { $0.atTheLine == true && abs($0.after - $0.before) < threshold }
        self.changedInputs = RunDiff.changedKeys(earlier.record, later.record)
    }

    /// The keys of `scenario`, `policy`, `assumptions` and `sampling` whose JSON differs. The
    /// scenario file's path is left out (a copy elsewhere is the same scenario); its `sha256` is
    /// kept, since it is what tells of a change run.json lists no fact of, such as time off.
    static func changedKeys(_ a: RunRecord, _ b: RunRecord) -> [String] {
        func object(_ value: some Encodable) -> [String: NSObject] {
            (try? JSONSerialization.jsonObject(with: Data(encodeJSON(value).utf8))) as? [String: NSObject] ?? [:]
        }
        var changed: [String] = []
        for (section, x, y) in [("scenario", object(a.scenario), object(b.scenario)), ("policy", object(a.policy), object(b.policy)),
                                ("assumptions", object(a.assumptions), object(b.assumptions)), ("sampling", object(a.sampling), object(b.sampling))] {
            for key in Set(x.keys).union(y.keys) where key != "path" && x[key] != y[key] {
                changed.append("\(section).\(key)")
            }
        }
        return changed.sorted()
    }
}
