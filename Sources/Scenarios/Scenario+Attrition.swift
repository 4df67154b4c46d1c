import Calendars
import Foundation

extension Scenario {
    /// SEs of a group leaving at random (docs/MODEL.md §2): resignations come at a constant hazard,
    /// so that a yearly rate r means P(still on the team a year on) = 1 − r, and a leaver works
    /// `noticeDays` more days after resigning, then is gone for the rest of the horizon.
    public struct Attrition: Sendable, Hashable {
        /// The share of the group that would leave in a year, in [0, 1).
        public var ratePerYear: Double
        /// Days a leaver works between resigning and leaving.
        public var noticeDays: Int

        public init(ratePerYear: Double, noticeDays: Int = 0) {
            self.ratePerYear = ratePerYear
            self.noticeDays = noticeDays
        }

        /// The probability of resigning on a given day: 1 − (1 − r)^(1/365).
        public var dailyProbability: Double { -expm1(log1p(-ratePerYear) / 365) }

        /// P(still on the team `days` days after their clock started: the horizon's first day, or
        /// their first day for a later hire) = (1 − r)^(max(0, days − notice) / 365).
        public func survival(days: Int) -> Double {
            exp(log1p(-ratePerYear) * Double(max(0, days - noticeDays)) / 365)
        }
    }

    /// The attrition of group `name`, or none.
    public func attrition(ofGroup name: String) -> Attrition? {
        attrition[name].flatMap { $0.ratePerYear > 0 ? $0 : nil }
    }

    /// The expected number of SEs of `group` on the team on `date`: each SE on the team that day
    /// by their `joins` and `leaves` dates, times the chance that attrition has not taken them.
    /// Hires' clocks start on their first day, everyone else's on the horizon's first day.
    public func expectedHeadcount(group: String, on date: CivilDate) -> Double {
        let rates = attrition(ofGroup: group)
        return team.reduce(0) { sum, se in
            guard se.group == group, se.isOnTeam(date) else { return sum }
            let clock = max(horizon.first, se.joins ?? horizon.first)
            return sum + (rates?.survival(days: clock.days(to: date)) ?? 1)
        }
    }
}
