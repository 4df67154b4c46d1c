/// `plan policy check`: what a policy author should know before relying on a policy.
///
/// Findings are computed over a finite grid of input states that reaches past every threshold
/// (each input from 0 to a few past its highest threshold; the cases input far enough that every
/// ratio threshold is crossed at the largest headcount), so every cell of the compiled table is
/// visited.
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
    public private(set) var findings: [Finding] = []

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    public init(_ policy: Policy, examples: Int = 3) {
        self.policy = policy
        self.grid = PolicyLint.grid(for: policy)
        let table = EffectiveTable(policy)
        let other = EffectiveTable(policy.with(reading: policy.reading == .firstLevel ? .literal : .firstLevel))
        let states = PolicyLint.states(grid)

        // 1. Repeated criteria.
        for r in table.repeats {
            let where_ = r.levels.map { String($0 + 1) }.joined(separator: ", ")
            let counts = policy.reading == .firstLevel ? "counts at level \(r.countsAt + 1) only" : "every copy counts, so the highest copy (level \(r.levels.last! + 1)) decides whenever it holds"
            findings.append(Finding(severity: .note, message: "\(r.criterion) is repeated at levels \(where_); \(policy.reading.rawValue) reading: \(counts)"))
        }

        // Evaluate every state once under each reading.
        var levels: [Int] = []
        var otherLevels: [Int] = []
        var decides = table.entries.map { $0.map { _ in false } }
        var uncovered: [Observation] = []
        var uncoveredCount = 0
        for s in states {
            let e = table.evaluate(s)
            levels.append(e.level)
            otherLevels.append(other.evaluate(s).level)
            if e.level > 0 {
                for (i, c) in e.outcomes[e.level - 1].criteria.enumerated() where c.holds && c.entry.counts { decides[e.level][i] = true }
            } else if !e.baselineDescribed {
                uncoveredCount += 1
                if uncovered.count < examples { uncovered.append(s) }
            }
        }

        // 2. Criteria that can never decide a level under this reading.
        for l in 1..<table.entries.count {
            for (i, entry) in table.entries[l].enumerated() where entry.counts && !decides[l][i] {
                findings.append(Finding(severity: .warning, message: "\(entry.criterion) at level \(l + 1) can never decide a level: whenever it holds, a higher level is declared"))
            }
        }

        // 3. Where the two readings differ.
        let differing = zip(states, zip(levels, otherLevels)).filter { $1.0 != $1.1 }
        if !differing.isEmpty {
            let names = policy.inputs.map(\.name)
            let shown = differing.prefix(examples).map { s, l in "\(PolicyLint.describe(s, names)) → \(l.0 + 1) vs \(l.1 + 1)" }
            findings.append(Finding(severity: .note, message: "the first-level and literal readings differ on \(differing.count) of \(states.count) input states (\(policy.reading.rawValue) vs other), e.g. \(shown.joined(separator: "; "))"))
        }

        // 4. Baseline states its own description does not cover.
        if uncoveredCount > 0 {
            let shown = uncovered.map { PolicyLint.describe($0, policy.inputs.map(\.name)) }
            findings.append(Finding(severity: .warning, message: "\(uncoveredCount) input states are declared level 1 although its description (\(policy.levels[0].criteria.map(\.description).joined(separator: ", "))) does not hold, e.g. \(shown.joined(separator: "; "))"))
        }

        // 5. A better situation (one more SE, one fewer case) must never reach a higher level.
        var inversions: [String] = []
        var inversionCount = 0
        let strides = PolicyLint.strides(grid)
        for (index, s) in states.enumerated() {
            for (k, input) in policy.inputs.enumerated() {
                let better: Int
                switch input.kind {
                case .headcount: guard s.values[k] < grid[k].upperBound else { continue }; better = index + strides[k]
                case .cases: guard s.values[k] > 0 else { continue }; better = index - strides[k]
                }
                if levels[better] > levels[index] {
                    inversionCount += 1
                    if inversions.count < examples {
                        inversions.append("\(PolicyLint.describe(states[better], policy.inputs.map(\.name))) is level \(levels[better] + 1) but \(PolicyLint.describe(s, policy.inputs.map(\.name))) is level \(levels[index] + 1)")
                    }
                }
            }
        }
        if inversionCount > 0 {
            findings.append(Finding(severity: .error, message: "\(inversionCount) times a better situation (one more SE working or one fewer open case) reaches a higher level, e.g. \(inversions.joined(separator: "; "))"))
        }
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

    /// Mixed-radix strides of the grid, first input slowest.
    static func strides(_ grid: [ClosedRange<Int>]) -> [Int] {
        var strides = Array(repeating: 1, count: grid.count)
        for k in stride(from: grid.count - 2, through: 0, by: -1) { strides[k] = strides[k + 1] * grid[k + 1].count }
        return strides
    }

    static func states(_ grid: [ClosedRange<Int>]) -> [Observation] {
        var states: [Observation] = [Observation([])]
        for range in grid {
            states = states.flatMap { s in range.map { Observation(s.values + [$0]) } }
        }
        return states
    }

    static func describe(_ s: Observation, _ names: [String]) -> String {
        "(" + zip(names, s.values).map { "\($0) \($1)" }.joined(separator: ", ") + ")"
    }
}
