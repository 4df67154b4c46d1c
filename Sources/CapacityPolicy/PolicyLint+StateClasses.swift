/// The input states `PolicyLint` examines, grouped so that the work depends on how many thresholds
/// a policy has, not on how large they are.
///
/// Along the cases axis nothing changes between two *breakpoints*: the smallest case counts at
/// which an atom (`metric > t` or `metric ≥ t`) of a metric that depends on the cases input
/// starts or stops holding. Each such metric is monotone in the cases (a ratio with the cases on
/// top grows with them, one with them below shrinks), so a binary search finds each breakpoint
/// with the same floating-point test the evaluators make. For one headcount tuple, the cases range
/// is then a few intervals of identical states, each evaluated once and counted by its length.
///
/// Headcount axes are enumerated in full when the tuples fit `maximumTuples`; otherwise each axis
/// is checked at 0, its thresholds' neighbourhoods and its top, every combination of those while
/// they fit `maximumTuples`, and beyond that (many headcount inputs: 3 values on each of 50 axes
/// are 7 × 10^23 tuples) one axis at a time, the others all at 0 or all at their tops. The lint
/// says which.
struct LintStates {
    /// How the headcount tuples were chosen.
    enum Coverage: Equatable {
        /// Every tuple of the grid.
        case every
        /// Every combination of each axis's critical values.
        case criticalCombinations
        /// Each axis's critical values with the other axes all at 0, then all at their tops.
        case oneAxisAtATime
    }

    /// One interval of the cases axis at one headcount tuple: the states `(headcounts, first…last)`.
    struct Interval {
        let first: Int
        let last: Int
        var count: Int { last - first + 1 }
    }

    /// Headcount tuples examined at most; with two headcount inputs, every tuple up to about 140 each.
    static let maximumTuples = 20_000

    let policy: Policy
    let casesInput: Int
    let headcountInputs: [Int]
    /// Values checked on each headcount axis (sorted), parallel to `headcountInputs`.
    let axes: [[Int]]
    /// True when every integer value of every headcount axis's range is checked.
    var complete: Bool { coverage == .every }
    let coverage: Coverage
    /// The headcount tuples examined, first axis slowest when they are combinations.
    let tuples: [[Int]]
    let casesRange: ClosedRange<Int>
    /// Atoms of the metrics that depend on the cases input: (metric index, atom).
    private let casesAtoms: [(metric: Int, atom: Atom)]

    init(policy: Policy, grid: [ClosedRange<Int>]) {
        self.policy = policy
        let casesInput = policy.inputs.firstIndex { $0.kind == .cases }!
        let headcountInputs = policy.inputs.indices.filter { $0 != casesInput }
        self.casesInput = casesInput
        self.headcountInputs = headcountInputs
        casesRange = grid[casesInput]
        let everyTuple = headcountInputs.reduce(1.0) { $0 * Double(grid[$1].count) }
        let axes = everyTuple <= Double(Self.maximumTuples)
            ? headcountInputs.map { Array(grid[$0]) }
            : headcountInputs.map { Self.criticalValues(policy: policy, input: $0, range: grid[$0]) }
        self.axes = axes
        let combinations = axes.reduce(1.0) { $0 * Double($1.count) }
        if combinations <= Double(Self.maximumTuples) {
            coverage = everyTuple <= Double(Self.maximumTuples) ? .every : .criticalCombinations
            tuples = axes.reduce([[]]) { tuples, axis in tuples.flatMap { t in axis.map { t + [$0] } } }
        } else {
            coverage = .oneAxisAtATime
            var seen: Set<[Int]> = []
            var tuples: [[Int]] = []
            for base in [axes.map { _ in 0 }, headcountInputs.map { grid[$0].upperBound }] {
                for (k, axis) in axes.enumerated() {
                    for value in axis {
                        var tuple = base
                        tuple[k] = value
                        if seen.insert(tuple).inserted { tuples.append(tuple) }
                    }
                }
            }
            self.tuples = tuples
        }

        let casesName = policy.inputs[casesInput].name
        var atoms: [(Int, Atom)] = []
        for level in policy.levels {
            for criterion in level.criteria {
                let metric = policy.metricIndex(named: criterion.metric)!
                let dependsOnCases = metric == casesInput || (metric >= policy.inputs.count && {
                    let ratio = policy.ratios[metric - policy.inputs.count]
                    return ratio.numerator == casesName || ratio.denominator.contains(casesName)
                }())
                if dependsOnCases { atoms += criterion.comparison.atoms.map { (metric, $0) } }
            }
        }
        casesAtoms = atoms
    }

    /// 0, the top of the range, and each threshold of a criterion on this input ±2, each with its
    /// successor so that "one more SE" can be compared. Ratios with this input below are followed
    /// only at these values.
    private static func criticalValues(policy: Policy, input: Int, range: ClosedRange<Int>) -> [Int] {
        var values: Set<Int> = [0, range.upperBound - 1, range.upperBound]
        for level in policy.levels {
            for criterion in level.criteria where policy.metricIndex(named: criterion.metric) == input {
                for t in criterion.comparison.thresholds where t.isFinite {
                    let base = Int(t.rounded(.down))
                    for v in (base - 2)...(base + 3) { values.insert(v) }
                }
            }
        }
        return values.filter(range.contains).sorted()
    }

    /// The observation with these headcounts and `cases` open cases.
    func observation(_ headcounts: [Int], cases: Int) -> Observation {
        var values = Array(repeating: 0, count: policy.inputs.count)
        for (k, input) in headcountInputs.enumerated() { values[input] = headcounts[k] }
        values[casesInput] = cases
        return Observation(values)
    }

    /// The cases axis at `headcounts`, cut at every breakpoint into intervals of identical states.
    func intervals(_ headcounts: [Int]) -> [Interval] {
        var cuts: Set<Int> = [casesRange.lowerBound]
        for (metric, atom) in casesAtoms {
            let holds = { (cases: Int) in atom.holds(policy.metricValues(observation(headcounts, cases: cases))[metric]) }
            // The atom's truth changes at most once along the axis: find the first case count where
            // it differs from its value at the bottom.
            let atBottom = holds(casesRange.lowerBound)
            guard holds(casesRange.upperBound) != atBottom else { continue }
            var (low, high) = (casesRange.lowerBound, casesRange.upperBound)
            while high - low > 1 {
                let middle = low + (high - low) / 2
                if holds(middle) == atBottom { low = middle } else { high = middle }
            }
            cuts.insert(high)
        }
        let starts = cuts.sorted()
        return starts.enumerated().map { i, first in
            Interval(first: first, last: i + 1 < starts.count ? starts[i + 1] - 1 : casesRange.upperBound)
        }
    }
}
