import CGSL
import Foundation

/// `resolve_per_shift` from the cases solved in the segments in which the backlog never ran dry
/// (docs/MODEL.md §5: in such a segment the solved count is Poisson with mean resolve_per_shift ×
/// the working SE-shifts that fall in it; when the queue empties, solved counts measure the work
/// that was there, not the capacity).
public struct ResolutionFit: Sendable {
    public let resolvePerShift: Estimate
    public let usableSegments: Int
    public let segments: Int
    /// Each usable segment's day, segment, solved cases and SE-shifts, for the chart.
    public let usable: [(day: Int, segment: Int, solved: Int, shifts: Double)]

    /// Each argument holds one value per segment of each day, `[day × segmentCount + segment]`.
    /// Nil when no segment is usable.
    public init?(solved: [Int], busy: [Bool], shifts: [Double], segmentCount: Int) {
        var usable: [(day: Int, segment: Int, solved: Int, shifts: Double)] = []
        for i in solved.indices where busy[i] && shifts[i] > 0 {
            usable.append((i / segmentCount, i % segmentCount, solved[i], shifts[i]))
        }
        guard !usable.isEmpty else { return nil }
        self.usable = usable
        usableSegments = usable.count
        segments = solved.count
        let count = usable.reduce(0) { $0 + $1.solved }
        let exposure = usable.reduce(0) { $0 + $1.shifts }
        // Garwood's exact Poisson interval: χ²(2S) and χ²(2S + 2) quantiles over twice the exposure.
        let low = count == 0 ? .success(0) : Quantile.chiSquared(0.025, degreesOfFreedom: Double(2 * count)).map { $0 / 2 / exposure }
        let high = Quantile.chiSquared(0.975, degreesOfFreedom: Double(2 * count + 2)).map { $0 / 2 / exposure }
        resolvePerShift = Estimate(
            value: Double(count) / exposure, low: low, high: high,
            method: "cases solved over working SE-shifts in the \(usable.count) segments whose backlog stayed above zero (scheduled SEs less their absences, shares of each shift by segment); exact Poisson (Garwood) interval")
    }
}
