import Calendars
import OutputFormats
import Simulation

/// A channel that becomes worth briefing ahead (or stops being) between the base and the variant:
/// consecutive checks of one window where P(its alert is needed) crosses the recommendation
/// threshold (docs/MODEL.md §8) in one run and not in the other.
///
/// Compared check by check rather than as the two runs' lists of recommended ranges, so that a
/// range that grows by two days reads as those two days added, not as one range removed and a
/// longer one added.
public struct RecommendationChange: Sendable, Hashable {
    public enum Kind: String, Sendable { case added, removed }

    public let kind: Kind
    public let channel: String
    /// The 1-based level whose alert this is.
    public let level: Int
    public let window: String
    public let first: CivilDate
    public let last: CivilDate
    public let checks: Int
    /// The highest P(needed) over these checks in each run.
    public let baseProbability: Double
    public let variantProbability: Double

    /// Each run uses its own scenario's threshold and its own policy's channels; a channel only
    /// one policy has is never needed in the other.
    ///
    /// - Complexity: O(channels × checks).
    public static func changes(from base: Estimates, to variant: Estimates) -> [RecommendationChange] {
        let baseThreshold = base.model.scenario.recommendationThreshold
        let variantThreshold = variant.model.scenario.recommendationThreshold
        var channels = base.model.alertChannels.map { (name: $0.channel, level: $0.level) }
        for channel in variant.model.alertChannels where !channels.contains(where: { $0.name == channel.channel }) {
            channels.append((channel.channel, channel.level))
        }
        var result: [RecommendationChange] = []
        for channel in channels {
            let baseIndex = base.model.alertChannels.firstIndex { $0.channel == channel.name }
            let variantIndex = variant.model.alertChannels.firstIndex { $0.channel == channel.name }
            for window in base.model.windows.map(\.name) {
                let series = base.checks.indices.filter { base.checks[$0].window == window }
                let p = series.map { c in
                    (base: baseIndex.map { base.checks[c].alerts[$0] } ?? 0, variant: variantIndex.map { variant.checks[c].alerts[$0] } ?? 0)
                }
                for kind in [Kind.added, .removed] {
                    let runs = p.runs { pair in
                        let neededBase = pair.base >= baseThreshold, neededVariant = pair.variant >= variantThreshold
                        return kind == .added ? neededVariant && !neededBase : neededBase && !neededVariant
                    }
                    for run in runs {
                        result.append(RecommendationChange(
                            kind: kind, channel: channel.name, level: channel.level + 1, window: window,
                            first: base.checks[series[run.lowerBound]].date, last: base.checks[series[run.upperBound]].date,
                            checks: run.count, baseProbability: p[run].map(\.base).max()!, variantProbability: p[run].map(\.variant).max()!))
                    }
                }
            }
        }
        return result.sorted { ($0.first, $0.level, $0.window, $0.kind.rawValue) < ($1.first, $1.level, $1.window, $1.kind.rawValue) }
    }
}
