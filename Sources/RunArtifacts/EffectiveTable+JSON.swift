import CapacityPolicy
import OutputFormats

/// The effective table for tools (JSON, `plan policy show --format json`), with the conventions a
/// reader must know to read it: what a run's identity and a declared check's policy digest hash.
extension EffectiveTable {
    /// The conventions every reader of the table must know; docs/POLICY.md requires the product to state them.
    public var conventions: [String] {
        var lines = [
            "The declared level is the highest level whose trigger holds; when none holds it is level 1, the baseline, whose criteria describe business as usual and never trigger.",
            "Reading: \(policy.reading.rawValue). " + (policy.reading == .firstLevel
                ? "A criterion repeated unchanged at a higher \"any\" level is a ditto mark: it counts only at the lowest level where it appears. Criteria of \"all\" levels are never collapsed."
                : "Every copy of a repeated criterion counts, so the highest copy decides whenever it holds."),
        ]
        for ratio in policy.ratios {
            lines.append("\(ratio.name) = \(ratio.numerator) / (\(ratio.denominator.joined(separator: " + "))); when \(ratio.denominator.joined(separator: " + ")) is 0 it is +infinity if \(ratio.numerator) > 0, and 0 if \(ratio.numerator) is 0.")
        }
        lines.append("Contingencies are cumulative: at level k the team does those of levels 1…k and has sent every alert of levels 2…k.")
        return lines
    }

    /// The effective table as JSON, for tools.
    public func json() throws -> String {
        struct Document: Encodable {
            struct CriterionRow: Encodable {
                let metric: String
                let op: String
                let value: [Double]
                let counts: Bool
                let countsAtLevel: Int
            }
            struct LevelRow: Encodable {
                let level: Int
                let name: String
                let trigger: String
                let baseline: Bool
                let criteria: [CriterionRow]
                let contingency: String
                let alerts: [String]
                let coordination: [String]
            }
            let name: String
            let reading: String
            let metrics: [String]
            let conventions: [String]
            let levels: [LevelRow]
        }
        let document = Document(
            name: policy.name, reading: policy.reading.rawValue, metrics: policy.metricNames, conventions: conventions,
            levels: policy.levels.enumerated().map { l, level in
                Document.LevelRow(
                    level: l + 1, name: level.name, trigger: level.trigger.rawValue, baseline: l == 0,
                    criteria: entries[l].map {
                        .init(metric: $0.criterion.metric, op: $0.criterion.comparison.symbol, value: $0.criterion.comparison.thresholds,
                              counts: $0.counts, countsAtLevel: ($0.collapsedInto ?? l) + 1)
                    },
                    contingency: level.contingency, alerts: level.alerts, coordination: level.coordination)
            })
        return try encodeJSON(document)
    }
}
