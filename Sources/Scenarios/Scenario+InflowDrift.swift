import Calendars
import Foundation

extension Scenario.Inflow {
    /// Demand that grows (or shrinks) by a constant share a year: on date d the mean is multiplied
    /// by (1 + perYear)^((d − reference) / 365.25), so `base_per_day` is the rate on `reference`.
    /// Log-linear because that is how `plan calibrate` fits it (a straight line in log λ).
    public struct Trend: Sendable, Hashable {
        /// Relative growth a year: 0.15 for +15% a year, −0.1 for −10%.
        public var perYear: Double
        /// The date on which the trend's factor is 1.
        public var reference: CivilDate

        public init(perYear: Double, reference: CivilDate) {
            self.perYear = perYear
            self.reference = reference
        }

        /// The factor on `date`.
        public func factor(on date: CivilDate) -> Double {
            let years = Double(date.dayNumber - reference.dayNumber) / Self.daysPerYear
            return exp(years * log1p(perYear))
        }

        /// The mean length of a Gregorian-ish year, so that a trend's factor a year on is 1 + perYear
        /// to within a quarter of a day.
        public static let daysPerYear = 365.25
    }

    /// A known event's factor on every day of `dates` (inclusive).
    public struct Period: Sendable, Hashable {
        public var dates: DateRange
        public var factor: Double

        public init(dates: DateRange, factor: Double) {
            self.dates = dates
            self.factor = factor
        }
    }

    /// The product of the trend, month and period factors on `date`: what turns the stationary
    /// λ_d of docs/MODEL.md §4 into the drifting one. 1 when the scenario has none of them.
    /// Complexity: O(periods).
    public func driftFactor(on date: CivilDate) -> Double {
        var factor = trend?.factor(on: date) ?? 1
        factor *= monthFactors[date.month] ?? 1
        for period in periods where period.dates.contains(date) { factor *= period.factor }
        return factor
    }
}
