import Calendars

extension Scenario {
    /// Leave that the scenario's time off does not hold yet because it was not booked by
    /// `Scenario.asOf` (docs/MODEL.md §3a).
    ///
    /// A forecast made on day D knows the leave booked by D; more will be booked for the weeks
    /// ahead, the more the further ahead. On a day d after `asOf`, an SE not already in such a
    /// spell starts one with probability `days_per_year` / 365 / `mean_spell_days` × the month's
    /// factor × P(lead time < d − asOf): the spells that start on d and were booked after `asOf`.
    public struct UnbookedLeave: Sendable, Hashable {
        /// Leave days a year per SE (calendar days in leave spells, as the absence export records
        /// them), unless an SE gives their own (`SupportEngineer.leaveDaysPerYear`).
        public var daysPerYear: Double
        /// Mean spell length in calendar days (≥ 1); a spell lasts 1 + Geometric days, as sickness.
        public var meanSpellDays: Double
        /// Factor per calendar month (1 = January) on the daily start probability; missing months
        /// have factor 1. `plan calibrate` writes them averaging 1 over the year's days.
        public var monthFactors: [Int: Double]
        /// The booking lead time (a spell's first day minus the day it was requested, whole days)
        /// as bins of integer days, each uniform over its days.
        public var leadTime: [LeadTimeBin]

        public init(daysPerYear: Double, meanSpellDays: Double, monthFactors: [Int: Double] = [:], leadTime: [LeadTimeBin] = UnbookedLeave.assumedLeadTime) {
            self.daysPerYear = daysPerYear
            self.meanSpellDays = meanSpellDays
            self.monthFactors = monthFactors
            self.leadTime = leadTime
        }

        /// Bin i covers the lead times `previous upTo + 1 … upTo` (the first from 0), holding
        /// `share` of the spells spread evenly over those days.
        public struct LeadTimeBin: Sendable, Hashable {
            public var upTo: Int
            public var share: Double

            public init(upTo: Int, share: Double) {
                self.upTo = upTo
                self.share = share
            }
        }

        /// The lead time assumed when none is given: evenly 0 to 90 days, a quarter ahead at most.
        /// `plan calibrate` states it whenever the absence export has no booking dates.
        public static let assumedLeadTime = [LeadTimeBin(upTo: 90, share: 1)]

        /// P(lead time < `days`): the share of the spells starting `days` days after `asOf` that
        /// were booked after it (requested on start − lead > asOf). 0 for `days` ≤ 0.
        public func bookedLater(daysAfterAsOf days: Int) -> Double {
            var below = 0.0
            var first = 0
            for bin in leadTime {
                let width = bin.upTo - first + 1
                let covered = min(max(days - first, 0), width)
                below += bin.share * Double(covered) / Double(width)
                first = bin.upTo + 1
            }
            return min(1, below)
        }

        /// The daily start probability, before its clamp to 1, of an SE with `daysPerYear` leave
        /// days on `date`, `daysAfterAsOf` days after `asOf`.
        public func startProbability(daysPerYear: Double, on date: CivilDate, daysAfterAsOf days: Int) -> Double {
            daysPerYear / 365 / meanSpellDays * (monthFactors[date.month] ?? 1) * bookedLater(daysAfterAsOf: days)
        }
    }
}
