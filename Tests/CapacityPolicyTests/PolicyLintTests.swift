import Testing
@testable import CapacityPolicy

/// The lint counts states by intervals of identical states; a plain walk over every state of the
/// same grid must give the same numbers.
@Suite struct PolicyLintTests {
    /// Every state of the grid, one by one, as the lint counted before it grouped states.
    static func reference(_ policy: Policy, grid: [ClosedRange<Int>]) -> PolicyLint.Counts {
        let table = EffectiveTable(policy)
        let other = EffectiveTable(policy.with(reading: policy.reading == .firstLevel ? .literal : .firstLevel))
        var counts = PolicyLint.Counts()
        var levels: [Observation: Int] = [:]
        var states: [Observation] = [Observation([])]
        for range in grid { states = states.flatMap { s in range.map { Observation(s.values + [$0]) } } }
        for s in states {
            let e = table.evaluate(s)
            levels[s] = e.level
            counts.states += 1
            if e.level != other.evaluate(s).level { counts.differingReadings += 1 }
            if e.level == 0 && !e.baselineDescribed { counts.uncoveredBaseline += 1 }
        }
        for s in states {
            for (k, input) in policy.inputs.enumerated() {
                var better = s.values
                better[k] += input.kind == .headcount ? 1 : -1
                if let level = levels[Observation(better)], level > levels[s]! { counts.inversions += 1 }
            }
        }
        return counts
    }

    /// A random policy over emea, us, open and load = open / (emea + us), thresholds small enough
    /// for the reference to walk the grid.
    static func randomPolicy(_ generator: inout SplitMix, reading: Reading) -> Policy {
        let metrics = ["emea", "us", "open", "load"]
        let ops: [(Double) -> ThresholdComparison] = [
            { .lessThan($0) }, { .atMost($0) }, { .greaterThan($0) }, { .atLeast($0) }, { .equal($0) },
            { .between($0, $0 + 3) },
        ]
        func threshold(_ metric: String) -> Double {
            let whole = Double(generator.next() % (metric == "open" ? 40 : metric == "load" ? 12 : 7))
            return generator.next() % 3 == 0 ? whole + 0.5 : whole
        }
        var levels = [Level(name: "ok", trigger: .all, criteria: [
            Criterion(metric: "emea", comparison: .atLeast(2)), Criterion(metric: "load", comparison: .atMost(threshold("load"))),
        ], contingency: "none", alerts: [], coordination: [])]
        for l in 1...(2 + Int(generator.next() % 4)) {
            let criteria = (0...Int(generator.next() % 3)).map { _ in
                let metric = metrics[Int(generator.next() % 4)]
                return Criterion(metric: metric, comparison: ops[Int(generator.next() % UInt64(ops.count))](threshold(metric)))
            }
            levels.append(Level(name: "l\(l)", trigger: generator.next() % 3 == 0 ? .all : .any, criteria: criteria, contingency: "c", alerts: [], coordination: []))
        }
        return Policy(
            name: "random", reading: reading,
            inputs: [Input(name: "emea", kind: .headcount, description: ""), Input(name: "us", kind: .headcount, description: ""),
                     Input(name: "open", kind: .cases, description: "")],
            ratios: [Ratio(name: "load", numerator: "open", denominator: ["emea", "us"], description: "")],
            levels: levels)
    }

    @Test func handbookCountsEqualTheReference() {
        for reading in Reading.allCases {
            let lint = PolicyLint(Policy.handbook.with(reading: reading))
            #expect(lint.checkedEveryState)
            #expect(lint.counts == Self.reference(lint.policy, grid: lint.grid), "\(reading)")
        }
    }

    @Test(arguments: Reading.allCases)
    func randomPoliciesCountEqualTheReference(reading: Reading) {
        var generator = SplitMix(seed: reading == .literal ? 7 : 11)
        for _ in 0..<30 {
            let lint = PolicyLint(Self.randomPolicy(&generator, reading: reading))
            #expect(lint.counts == Self.reference(lint.policy, grid: lint.grid), "\(lint.policy.levels.map(\.criteria))")
        }
    }

    /// Huge thresholds cost what small ones do: the cases axis is cut at breakpoints found by
    /// bisection, and headcounts beyond `LintStates.maximumTuples` combinations are sampled near
    /// their thresholds (and the lint says so).
    @Test func hugeThresholdsAreCheckedWithoutEnumeratingThem() {
        var policy = Policy.handbook
        policy.levels[7].criteria.append(Criterion(metric: "open", comparison: .greaterThan(1e9)))
        policy.levels[6].criteria.append(Criterion(metric: "emea", comparison: .atMost(1000)))
        policy.levels[5].criteria.append(Criterion(metric: "us", comparison: .atLeast(1e9)))
        let lint = PolicyLint(policy)
        #expect(!lint.checkedEveryState)
        #expect(lint.grid[2].upperBound > 1_000_000_000)
        #expect(lint.findings.last?.description.hasPrefix("note: too many headcount combinations to check each one; checked emea at ") == true)
        #expect(lint.counts.states > 0)
    }

    /// Fifty headcount inputs (a team split by country): 6 critical values on each axis are 10^39
    /// combinations, which once aborted at 4 GiB. Each axis is now checked on its own with the others
    /// all at 0 and all at their tops: 0–5 on 49 axes and 0–7 on g7 (thresholds 2 and 4) make
    /// 2 × (1 + 49 × 5 + 7) = 506 tuples, and an inversion planted on one axis (level 2 when g7 ≥ 4,
    /// with everyone else at the top) is still found.
    @Test func manyHeadcountInputsAreCheckedOneAxisAtATime() {
        let names = (0..<50).map { "g\($0)" }
        let policy = Policy(
            name: "fifty", reading: .firstLevel,
            inputs: names.map { Input(name: $0, kind: .headcount, description: "") } + [Input(name: "open", kind: .cases, description: "")],
            ratios: [Ratio(name: "load", numerator: "open", denominator: names, description: "")],
            levels: [
                Level(name: "ok", trigger: .all, criteria: [Criterion(metric: "load", comparison: .atMost(5))], contingency: "c", alerts: [], coordination: []),
                Level(name: "busy", trigger: .any,
                      criteria: names.map { Criterion(metric: $0, comparison: .atMost(2)) }
                          + [Criterion(metric: "g7", comparison: .atLeast(4)), Criterion(metric: "load", comparison: .greaterThan(5))],
                      contingency: "c", alerts: [], coordination: []),
            ])
        let lint = PolicyLint(policy)
        #expect(!lint.checkedEveryState)
        #expect(lint.grid.prefix(50).enumerated().allSatisfy { $0.element == ($0.offset == 7 ? 0...7 : 0...5) })
        #expect(lint.findings.contains { $0.description.hasPrefix("note: too many headcount combinations to check each one, or every combination of their critical values; checked each of the 50 headcounts") && $0.description.hasSuffix("(506 combinations)") })
        #expect(lint.hasErrors)
        #expect(lint.findings.contains { $0.severity == .error && $0.message.contains("g7 4") })
    }
}
