import OutputFormats

extension Sensitivity {
    /// `--format json`: the tornado and the stress run as one document for tools, keys in snake case.
    public var json: String { get throws { try encodeJSON(Document(self)) + "\n" } }

    private struct Document: Encodable {
        let scenario: String
        let level: Int
        let levelName: String
        let trials: Int
        let seed: UInt64
        let checks: Int
        let baseExpectedChecks: Double
        @NullWhenAbsent var worstCheck: Worst?
        let inputs: [Input]
        let notApplicable: [NotApplicable]
        @NullWhenAbsent var stress: Stress?

        struct Worst: Encodable {
            let date: String
            let window: String
            let probability: Double
        }

        struct Input: Encodable {
            let path: String
            let label: String
            let value: Double
            let range: [Double]
            let rangeFrom: String
            let unused: Bool
            let low: End
            let high: End

            enum CodingKeys: String, CodingKey {
                case path, label, value, range, unused, low, high
                case rangeFrom = "range_from"
            }
        }

        struct End: Encodable {
            let value: Double
            let expectedChecks: Double
            let change: Double
            @NullWhenAbsent var worst: Change?
            let unchanged: Bool

            init(_ end: Sensitivity.End) {
                (value, expectedChecks, change, unchanged) = (end.value, end.expectedChecks, end.change, end.isUnchanged)
                worst = end.worst.map { Change(base: $0.base, variant: $0.variant, change: $0.difference.estimate, ciLow: $0.difference.low, ciHigh: $0.difference.high) }
            }

            enum CodingKeys: String, CodingKey {
                case value, change, worst, unchanged
                case expectedChecks = "expected_checks"
            }
        }

        struct Change: Encodable {
            let base: Double
            let variant: Double
            let change: Double
            let ciLow: Double
            let ciHigh: Double

            enum CodingKeys: String, CodingKey {
                case base, variant, change
                case ciLow = "ci_low", ciHigh = "ci_high"
            }
        }

        struct NotApplicable: Encodable {
            let path: String
            let reason: String
        }

        struct Stress: Encodable {
            let settings: [String: Double]
            let outcome: End
        }

        init(_ s: Sensitivity) {
            (scenario, level, levelName, trials, seed, checks) = (s.scenarioName, s.level, s.levelName, s.trials, s.seed, s.checkCount)
            baseExpectedChecks = s.baseExpectedChecks
            worstCheck = s.worstCheck.map { Worst(date: "\($0.date)", window: $0.window, probability: $0.probability) }
            inputs = s.rows.map { row in
                Input(path: row.input.path, label: row.input.label, value: row.value, range: [row.range.lowerBound, row.range.upperBound],
                      rangeFrom: row.fromFit ? "fit" : "default", unused: row.isUnused, low: End(row.low), high: End(row.high))
            }
            notApplicable = s.notApplicable.map { NotApplicable(path: $0.input.path, reason: $0.reason) }
            stress = s.stress.map { stress in
                Stress(settings: Dictionary(uniqueKeysWithValues: stress.settings.map { ($0.input.path, $0.value) }), outcome: End(stress.outcome))
            }
        }

        enum CodingKeys: String, CodingKey {
            case scenario, level, trials, seed, checks, inputs, stress
            case levelName = "level_name", baseExpectedChecks = "base_expected_checks", worstCheck = "worst_check"
            case notApplicable = "not_applicable"
        }
    }
}
