import Testing
@testable import CapacityPolicy

/// The compiled evaluator must equal the explained one on every state, not on average.
@Suite struct CompiledPolicyTests {
    @Test(arguments: Reading.allCases)
    func agreesWithExplainedOnTheFullGrid(reading: Reading) {
        let table = EffectiveTable(Policy.handbook.with(reading: reading))
        let compiled = CompiledPolicy(table)
        var disagreements: [Observation] = []
        for emea in 0...6 {
            for us in 0...15 {
                for open in 0...200 {
                    let o = Observation([emea, us, open])
                    if compiled.level(o) != table.evaluate(o).level { disagreements.append(o) }
                }
            }
        }
        #expect(disagreements.isEmpty, "first disagreements: \(disagreements.prefix(5))")
    }

    /// Thresholds that are not whole numbers and denominators beyond the cutoff rows (fallback path).
    @Test func agreesOnFractionalThresholdsAndLargeTeams() throws {
        var policy = Policy.handbook
        policy.levels[2].criteria[2] = Criterion(metric: "load", comparison: .greaterThan(7.3))
        policy.levels[3].criteria[2] = Criterion(metric: "load", comparison: .atLeast(0.1))
        policy.levels[4].criteria.append(Criterion(metric: "open", comparison: .equal(17)))
        policy.levels[5].criteria.append(Criterion(metric: "us", comparison: .between(300, 310.5)))
        let table = EffectiveTable(policy)
        let compiled = CompiledPolicy(table)
        var generator = SplitMix(seed: 42)
        for _ in 0..<200_000 {
            let o = Observation([Int(generator.next() % 8), Int(generator.next() % 400), Int(generator.next() % 4000)])
            #expect(compiled.level(o) == table.evaluate(o).level, "\(o)")
        }
    }

    /// The three-input kernel's ratio cell, read from its own fields, is the storage's for every
    /// denominator below the cutoff rows (the small-team table and the cutoff rows) and numerators
    /// around every cutoff and the table's edges, with fractional thresholds and the handbook's.
    @Test func kernelRatioCellIsTheStoragesRatioCell() throws {
        var fractional = Policy.handbook
        fractional.levels[2].criteria[2] = Criterion(metric: "load", comparison: .greaterThan(7.3))
        fractional.levels[3].criteria[2] = Criterion(metric: "load", comparison: .atLeast(0.1))
        #expect(CompiledPolicy.ThreeInputKernel.numeratorLimit == 16 * CompiledPolicy.ThreeInputKernel.denominatorLimit)
        for policy in [Policy.handbook, fractional] {
            let compiled = CompiledPolicy(policy)
            let kernel = try #require(compiled.threeInputKernel), storage = compiled.storage
            let ratio = try #require(storage.ratioLookups.first)
            var holding = 0
            for n in 0..<CompiledPolicy.cutoffRows {
                var numerators = Set([0, 1, 1008, 1023, 1024, 1025, 5000])
                for atom in 0..<ratio.atomCount {
                    let cutoff = Int(storage.cutoffs[ratio.cutoffStart + n * ratio.atomCount + atom])
                    numerators.formUnion([cutoff - 1, cutoff, cutoff + 1].filter { $0 >= 0 })
                }
                for numerator in numerators {
                    let plain = storage.ratioCell(ratio, numerator: Int64(numerator), denominator: n)
                    #expect(kernel.ratioCell(numerator: numerator, denominator: n) == plain, "\(numerator) / \(n)")
                    holding += plain > 0 ? 1 : 0
                }
            }
            #expect(holding > 1000)
        }
    }

    /// Thresholds of a hundred million or a billion compile to tables of the same size as small
    /// ones (values beyond the table are searched among the thresholds), and still agree.
    @Test func hugeThresholdsCompileSmallAndAgree() {
        var policy = Policy.handbook
        policy.levels[7].criteria.append(Criterion(metric: "open", comparison: .greaterThan(1e8)))
        policy.levels[6].criteria.append(Criterion(metric: "us", comparison: .between(5000, 1e9)))
        let table = EffectiveTable(policy)
        let compiled = CompiledPolicy(table)
        #expect(compiled.storage.inputCells.count <= 3 * (Int(CompiledPolicy.Storage.inputTableLimit) + 1))
        var generator = SplitMix(seed: 9)
        let near: [Int] = [0, 1, 2, 7, 4095, 4096, 4097, 4999, 5000, 5001, 99_999_999, 100_000_000, 100_000_001, 999_999_999, 1_000_000_000]
        for _ in 0..<50_000 {
            let o = Observation([Int(generator.next() % 20), near[Int(generator.next() % UInt64(near.count))], near[Int(generator.next() % UInt64(near.count))]])
            #expect(compiled.level(o) == table.evaluate(o).level, "\(o)")
        }
    }

    /// A policy of another shape (four inputs, two ratios) takes the general path, not the three-input kernel.
    @Test func generalPathAgreesOnAnotherShape() throws {
        let text = """
        {
          "reading": "literal",
          "inputs": [
            {"name": "apac", "kind": "headcount"}, {"name": "emea", "kind": "headcount"},
            {"name": "us", "kind": "headcount"}, {"name": "open", "kind": "cases"}
          ],
          "ratios": [
            {"name": "load", "numerator": "open", "denominator": ["apac", "emea", "us"]},
            {"name": "overnight", "numerator": "open", "denominator": ["apac"]}
          ],
          "levels": [
            {"name": "fine", "trigger": "all", "criteria": [], "contingency": "none"},
            {"name": "busy", "trigger": "any", "criteria": [{"metric": "load", "op": ">=", "value": 4.5}, {"metric": "apac", "op": "<", "value": 2}], "contingency": "a"},
            {"name": "thin", "trigger": "any", "criteria": [{"metric": "overnight", "op": ">", "value": 20}, {"metric": "us", "op": "==", "value": 1}], "contingency": "b"},
            {"name": "dire", "trigger": "all", "criteria": [{"metric": "emea", "op": "<=", "value": 0}, {"metric": "load", "op": ">", "value": 9.5}], "contingency": "c"}
          ]
        }
        """
        let table = EffectiveTable(try Policy.decode(json: text, source: "four.json"))
        let compiled = CompiledPolicy(table)
        for apac in 0...4 {
            for emea in 0...3 {
                for us in 0...4 {
                    for open in stride(from: 0, through: 120, by: 1) {
                        let o = Observation([apac, emea, us, open])
                        #expect(compiled.level(o) == table.evaluate(o).level, "\(o)")
                    }
                }
            }
        }
    }

    /// The handbook's dense table covers emea < 16, us < 16 and open < 512: 4, 4 and 9 bits.
    @Test func handbookDenseRegion() throws {
        let bits = try #require(CompiledPolicy(Policy.handbook).dense?.bits)
        #expect([bits.0, bits.1, bits.2] == [4, 4, 9])
    }

    @Test func batchEvaluationMatchesSingleEvaluation() {
        let compiled = CompiledPolicy(Policy.handbook)
        // Inside the dense region, then beyond it (us ≥ 32, open ≥ 512, a team of 64 or more).
        let values: [Int32] = [3, 10, 40, 2, 10, 40, 0, 0, 1, 3, 40, 600, 0, 33, 400, 3, 70, 700, 1, 200, 5000]
        var levels = [UInt8](repeating: 99, count: 7)
        values.withUnsafeBufferPointer { v in levels.withUnsafeMutableBufferPointer { compiled.levels(v, into: $0) } }
        #expect(levels == [0, 1, 7, 4, 4, 4, 4])
        let table = EffectiveTable(Policy.handbook)
        for i in 0..<7 {
            let o = Observation(values[3 * i..<3 * i + 3].map(Int.init))
            #expect(Int(levels[i]) == table.evaluate(o).level, "\(o)")
        }
    }
}

/// A tiny deterministic generator for test inputs (independent of GSL on purpose).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
