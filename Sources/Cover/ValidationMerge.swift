import RunArtifacts
import Simulation

/// The validation parts of every shard of one `plan hire` or `plan cover`, checked to make up
/// exactly its validation runs: the same inputs, seed and trials (`ShardMerge.check`), the same
/// settings, the same plans, each shard once with its blocks. Their tallies then add up, plan by
/// plan, to the single run's validation tallies count for count; `PlanValidation` uses them
/// instead of simulating those plans again.
public struct ValidationMerge: Sendable {
    public let identity: RunIdentity
    public let settings: [String]
    /// Per validated plan, the parts' tallies, in shard order.
    private let parts: [(counts: [Int], tallies: [(path: String, tally: Tally)])]

    /// Throws naming the file(s) when the parts are of different runs or settings, validated other
    /// plans, or when a shard is given twice, is missing or does not hold its blocks.
    public init(parts: [(path: String, part: ValidationPart)]) throws(PartialResultError) {
        guard let (firstPath, first) = parts.first else { throw PartialResultError("no validation parts to merge") }
        for (path, part) in parts {
            if let (a, b) = Self.firstDifference(first.settings, part.settings) {
                throw PartialResultError("\(path) is not of the same run as \(firstPath): settings: \(a), \(b)")
            }
        }
        identity = try ShardMerge.check(parts.map { ($0.path, $0.part.identity, $0.part.shard, $0.part.plans.map(\.tally.trials)) })
        for (path, part) in parts where part.plans.map(\.counts) != first.plans.map(\.counts) {
            throw PartialResultError("\(path) validated other plans than \(firstPath): the searches of the shards differ; run every shard with the same plan")
        }
        settings = first.settings
        self.parts = first.plans.indices.map { index in
            (first.plans[index].counts, parts.sorted { $0.part.shard.index < $1.part.shard.index }.map { ($0.path, $0.part.plans[index].tally) })
        }
    }

    /// The first setting in which `a` and `b` differ, as (a's, b's); "none" for one that is absent.
    public static func firstDifference(_ a: [String], _ b: [String]) -> (String, String)? {
        for i in 0..<max(a.count, b.count) where a.indices.contains(i) != b.indices.contains(i) || a[i] != b[i] {
            return (a.indices.contains(i) ? a[i] : "none", b.indices.contains(i) ? b[i] : "none")
        }
        return nil
    }

    /// The sum of the parts' tallies of the plan `counts` for `model`, its scenario as the merge
    /// compiled it; nil when the shards did not validate that plan.
    ///
    /// - Complexity: O(parts × size of a tally).
    func tally(of counts: [Int], model: SimulationModel) throws(PartialResultError) -> Tally? {
        guard let plan = parts.first(where: { $0.counts == counts }) else { return nil }
        var total = Tally(model: model)
        for (path, tally) in plan.tallies {
            guard tally.fits(model) else {
                throw PartialResultError("\(path): the tallies do not have the shape of the scenario's checks, levels and groups")
            }
            if let problem = tally.invariantViolation() {
                throw PartialResultError("\(path): the counts cannot come from a run (\(problem)); the file was changed after the shard wrote it")
            }
            total.merge(tally)
        }
        return total
    }
}
