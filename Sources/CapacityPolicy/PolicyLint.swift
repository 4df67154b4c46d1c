/// `plan policy check`: what a policy author should know before relying on a policy.
///
/// Findings are computed over a finite grid of input states that reaches past every threshold
/// (each input from 0 to a few past its highest threshold; the cases input far enough that every
/// ratio threshold is crossed at the largest headcount), so every cell of the compiled table is
/// visited. States that cannot differ are examined once and counted by their number
/// (`LintStates`), so the cost does not grow with the size of the thresholds.
public struct PolicyLint: Sendable {
    public enum Severity: String, Sendable, Comparable {
        case note, warning, error
        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    public struct Finding: Sendable, CustomStringConvertible {
        public let severity: Severity
        public let message: String
        public var description: String { "\(severity.rawValue): \(message)" }
    }

    public let policy: Policy
    public let grid: [ClosedRange<Int>]
    /// False when the headcounts were too many to check every combination: each headcount was
    /// then checked at 0, near its thresholds and at the top of its range (`LintStates`).
    public let checkedEveryState: Bool
    public private(set) var findings: [Finding] = []
    /// How many input states were checked and how many of them each finding covers.
    public private(set) var counts = Counts()

    public struct Counts: Sendable, Equatable {
        public var states = 0
        /// States where the first-level and literal readings give different levels.
        public var differingReadings = 0
        /// States declared level 1 that the baseline's description does not cover.
        public var uncoveredBaseline = 0
        /// (better state, worse state) pairs where the better one has the higher level.
        public var inversions = 0

        public init(states: Int = 0, differingReadings: Int = 0, uncoveredBaseline: Int = 0, inversions: Int = 0) {
            self.states = states
            self.differingReadings = differingReadings
            self.uncoveredBaseline = uncoveredBaseline
            self.inversions = inversions
        }
    }

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// - Complexity: O(headcount tuples × atoms × log(cases range)) evaluations, the tuples
    ///   bounded by `LintStates.maximumTuples`: independent of how large the thresholds are.
    public init(_ policy: Policy, examples: Int = 3) {
        self.policy = policy
        self.grid = PolicyLint.grid(for: policy)
        let table = EffectiveTable(policy)
        let other = EffectiveTable(policy.with(reading: policy.reading == .firstLevel ? .literal : .firstLevel))
        let states = LintStates(policy: policy, grid: grid)
        checkedEveryState = states.complete
        let names = policy.inputs.map(\.name)

        // 1. Repeated criteria.
        for r in table.repeats {
            let where_ = r.levels.map { String($0 + 1) }.joined(separator: ", ")
            let counts = policy.reading == .firstLevel ? "counts at level \(r.countsAt + 1) only" : "every copy counts, so the highest copy (level \(r.levels.last! + 1)) decides whenever it holds"
            findings.append(Finding(severity: .note, message: "\(r.criterion) is repeated at levels \(where_); \(policy.reading.rawValue) reading: \(counts)"))
        }

        // Evaluate each interval of identical states once under each reading.
        let tuples = states.tuples
        var levels: [[(interval: LintStates.Interval, level: Int)]] = []
        var total = 0
        var differing = 0, differingExamples: [String] = []
        var decides = table.entries.map { $0.map { _ in false } }
        var uncovered: [Observation] = []
        var uncoveredCount = 0
        for headcounts in tuples {
            var row: [(LintStates.Interval, Int)] = []
            for interval in states.intervals(headcounts) {
                let s = states.observation(headcounts, cases: interval.first)
                let e = table.evaluate(s)
                let otherLevel = other.evaluate(s).level
                row.append((interval, e.level))
                total += interval.count
                if e.level != otherLevel {
                    differing += interval.count
                    if differingExamples.count < examples {
                        differingExamples.append("\(PolicyLint.describe(s, names)) → \(e.level + 1) vs \(otherLevel + 1)")
                    }
                }
                if e.level > 0 {
                    for (i, c) in e.outcomes[e.level - 1].criteria.enumerated() where c.holds && c.entry.counts { decides[e.level][i] = true }
                } else if !e.baselineDescribed {
                    uncoveredCount += interval.count
                    if uncovered.count < examples { uncovered.append(s) }
                }
            }
            levels.append(row)
        }

        // 2. Criteria that can never decide a level under this reading.
        for l in 1..<table.entries.count {
            for (i, entry) in table.entries[l].enumerated() where entry.counts && !decides[l][i] {
                findings.append(Finding(severity: .warning, message: "\(entry.criterion) at level \(l + 1) can never decide a level: whenever it holds, a higher level is declared"))
            }
        }

        // 3. Where the two readings differ.
        if differing > 0 {
            findings.append(Finding(severity: .note, message: "the first-level and literal readings differ on \(differing) of \(total) input states (\(policy.reading.rawValue) vs other), e.g. \(differingExamples.joined(separator: "; "))"))
        }

        // 4. Baseline states its own description does not cover.
        if uncoveredCount > 0 {
            let shown = uncovered.map { PolicyLint.describe($0, names) }
            findings.append(Finding(severity: .warning, message: "\(uncoveredCount) input states are declared level 1 although its description (\(policy.levels[0].criteria.map(\.description).joined(separator: ", "))) does not hold, e.g. \(shown.joined(separator: "; "))"))
        }

        // 5. A better situation (one more SE, one fewer case) must never reach a higher level.
        var inversions = InversionCount(examples: examples)
        let tupleIndex = Dictionary(uniqueKeysWithValues: tuples.enumerated().map { ($1, $0) })
        for (t, headcounts) in tuples.enumerated() {
            // One fewer case: only where an interval ends can the level change.
            for (below, above) in zip(levels[t], levels[t].dropFirst()) where below.level > above.level {
                let better = states.observation(headcounts, cases: above.interval.first - 1)
                let worse = states.observation(headcounts, cases: above.interval.first)
                inversions.add(1, better: better, below.level, worse: worse, above.level, names)
            }
            // One more SE of each group, where that tuple is checked too.
            for k in headcounts.indices {
                var more = headcounts
                more[k] += 1
                guard let m = tupleIndex[more] else { continue }
                for (first, last) in Self.commonIntervals(levels[t].map(\.interval), levels[m].map(\.interval)) {
                    let level = levels[t].first { $0.interval.last >= first }!.level
                    let betterLevel = levels[m].first { $0.interval.last >= first }!.level
                    guard betterLevel > level else { continue }
                    inversions.add(last - first + 1, better: states.observation(more, cases: first), betterLevel,
                                   worse: states.observation(headcounts, cases: first), level, names)
                }
            }
        }
        counts = Counts(states: total, differingReadings: differing, uncoveredBaseline: uncoveredCount, inversions: inversions.count)
        if inversions.count > 0 {
            findings.append(Finding(severity: .error, message: "\(inversions.count) times a better situation (one more SE working or one fewer open case) reaches a higher level, e.g. \(inversions.shown.joined(separator: "; "))"))
        }
        switch states.coverage {
        case .every: break
        case .criticalCombinations:
            let axes = zip(states.headcountInputs, states.axes).map { "\(names[$0]) at \($1.count) of \(grid[$0].count) values" }
            findings.append(Finding(severity: .note, message: "too many headcount combinations to check each one; checked \(axes.joined(separator: ", ")): 0, around every threshold and at the top"))
        case .oneAxisAtATime:
            findings.append(Finding(severity: .note, message: "too many headcount combinations to check each one, or every combination of their critical values; "
                + "checked each of the \(states.axes.count) headcounts at 0, around every threshold and at the top, one at a time with the others all at 0 "
                + "and then all at their tops (\(tuples.count) combinations)"))
        }
    }

    /// Inversions found so far, and the first few as examples.
    private struct InversionCount {
        let examples: Int
        var count = 0
        var shown: [String] = []

        mutating func add(_ states: Int, better: Observation, _ betterLevel: Int, worse: Observation, _ level: Int, _ names: [String]) {
            count += states
            if shown.count < examples {
                shown.append("\(PolicyLint.describe(better, names)) is level \(betterLevel + 1) but \(PolicyLint.describe(worse, names)) is level \(level + 1)")
            }
        }
    }

    /// The pieces both partitions of the cases axis agree on, as (first, last) case counts.
    private static func commonIntervals(_ a: [LintStates.Interval], _ b: [LintStates.Interval]) -> [(Int, Int)] {
        let starts = Set(a.map(\.first) + b.map(\.first)).sorted()
        let end = a.last!.last
        return starts.enumerated().map { i, first in (first, i + 1 < starts.count ? starts[i + 1] - 1 : end) }
    }

    /// Each input from 0 to three past its highest threshold; the cases input up to the largest
    /// finite ratio threshold times the largest denominator, plus three.
    static func grid(for policy: Policy) -> [ClosedRange<Int>] {
        var highest = Array(repeating: 0.0, count: policy.metricNames.count)
        for level in policy.levels {
            for c in level.criteria {
                let m = policy.metricIndex(named: c.metric)!
                highest[m] = max(highest[m], c.comparison.thresholds.filter(\.isFinite).max() ?? 0)
            }
        }
        var grid = policy.inputs.indices.map { 0...Int(max(0, highest[$0]).rounded(.down)) + 3 }
        for (r, ratio) in policy.ratios.enumerated() {
            let denominator = ratio.denominator.reduce(0) { $0 + grid[policy.metricIndex(named: $1)!].upperBound }
            let k = policy.metricIndex(named: ratio.numerator)!
            let reach = Int((max(0, highest[policy.inputs.count + r]) * Double(denominator)).rounded(.up)) + 3
            grid[k] = 0...max(grid[k].upperBound, reach)
        }
        return grid
    }

    static func describe(_ s: Observation, _ names: [String]) -> String {
        "(" + zip(names, s.values).map { "\($0) \($1)" }.joined(separator: ", ") + ")"
    }
}
