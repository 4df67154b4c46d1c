import Testing
import CapacityPolicy

/// docs/POLICY.md's worked examples: (emea, us, open) → level (1-based) under each reading.
@Suite struct WorkedExampleTests {
    static let examples: [(emea: Int, us: Int, open: Int, firstLevel: Int, literal: Int)] = [
        (3, 10, 40, 1, 1),
        (3, 12, 10, 1, 1),
        (3, 10, 65, 1, 1),
        (3, 10, 66, 2, 2),
        (2, 10, 40, 2, 4),
        (3, 5, 30, 3, 3),
        (1, 10, 30, 5, 6),
        (3, 2, 10, 6, 6),
        (0, 1, 5, 6, 6),
        (0, 1, 12, 7, 7),
        (0, 0, 1, 8, 8),
        (0, 0, 0, 6, 6),
    ]

    @Test(arguments: examples)
    func explainedEvaluatorMatchesPolicyExamples(example: (emea: Int, us: Int, open: Int, firstLevel: Int, literal: Int)) {
        let observation = Observation([example.emea, example.us, example.open])
        #expect(EffectiveTable(Policy.handbook).evaluate(observation).level + 1 == example.firstLevel)
        #expect(EffectiveTable(Policy.handbook.with(reading: .literal)).evaluate(observation).level + 1 == example.literal)
    }

    @Test(arguments: examples)
    func compiledEvaluatorMatchesPolicyExamples(example: (emea: Int, us: Int, open: Int, firstLevel: Int, literal: Int)) {
        let observation = Observation([example.emea, example.us, example.open])
        #expect(CompiledPolicy(Policy.handbook).level(observation) + 1 == example.firstLevel)
        #expect(CompiledPolicy(Policy.handbook.with(reading: .literal)).level(observation) + 1 == example.literal)
    }

    @Test func explanationNamesTheDecidingCriteria() {
        let evaluation = EffectiveTable(Policy.handbook).evaluate(Observation([2, 10, 40]))
        #expect(evaluation.reasons.map(\.entry.criterion.description) == ["emea ≤ 2"])
        // emea ≤ 2 is written again at levels 3 and 4 and counts at level 2 only.
        let level4 = evaluation.outcomes[2]
        #expect(level4.criteria[0].holds && level4.criteria[0].entry.collapsedInto == 1)
        #expect(!level4.triggered)
    }

    @Test func nobodyWorkingWithCasesOpenIsInfiniteLoad() {
        let evaluation = EffectiveTable(Policy.handbook).evaluate(Observation([0, 0, 1]))
        #expect(evaluation.metricValues[3] == .infinity)
        #expect(EffectiveTable(Policy.handbook).evaluate(Observation([0, 0, 0])).metricValues[3] == 0)
    }

    @Test func baselineDescriptionDoesNotCoverMoreUSSEsThanPlanned() {
        let evaluation = EffectiveTable(Policy.handbook).evaluate(Observation([3, 12, 10]))
        #expect(evaluation.level == 0)
        #expect(!evaluation.baselineDescribed)
        #expect(EffectiveTable(Policy.handbook).evaluate(Observation([3, 10, 40])).baselineDescribed)
    }
}
