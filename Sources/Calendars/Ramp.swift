/// How a new hire comes up to speed (docs/MODEL.md §2): their capacity rises linearly from
/// `startFraction` of their capacity factor on their first day to all of it `weeks` weeks later.
///
/// Whether a hire still ramping counts as a working SE in the policy's headcount is a reading of
/// the handbook, not a fact, so it is a setting: by default they count from their first day (the
/// handbook counts the SEs working, and a new hire takes cases from day one); with
/// `countsInHeadcount` false they add capacity but count only once the ramp is over.
public struct Ramp: Sendable, Hashable {
    /// Weeks from the first day to full capacity; 0 for none (then `startFraction` is 1).
    public var weeks: Int
    /// Share of their capacity on their first day, in (0, 1].
    public var startFraction: Double
    public var countsInHeadcount: Bool

    public init(weeks: Int, startFraction: Double, countsInHeadcount: Bool = true) {
        self.weeks = weeks
        self.startFraction = startFraction
        self.countsInHeadcount = countsInHeadcount
    }

    /// The share of their capacity `days` days after their first day (0 on the first day):
    /// f + (1 − f) × min(1, days / (7 × weeks)).
    public func fraction(daysSinceJoining days: Int) -> Double {
        let length = 7 * weeks
        guard days < length else { return 1 }
        return startFraction + (1 - startFraction) * Double(max(0, days)) / Double(length)
    }

    /// Whether they count in the headcount `days` days after their first day.
    public func counts(daysSinceJoining days: Int) -> Bool { countsInHeadcount || days >= 7 * weeks }
}
