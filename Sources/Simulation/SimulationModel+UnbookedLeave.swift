import Calendars
import Scenarios

extension SimulationModel {
    /// Per simulated date, the daily start probability of unbooked leave for an SE with one leave
    /// day a year: 1/365 / mean spell × the month's factor × P(lead time < d − as_of) (docs/MODEL.md
    /// §3a); and the first day it can be above 0. Empty and `dates.count` without the model.
    static func unbookedLeave(_ scenario: Scenario, dates: [CivilDate]) -> (rate: [Double], firstDay: Int) {
        guard let leave = scenario.unbookedLeave, let asOf = scenario.asOf else { return ([], dates.count) }
        let rate = dates.map { leave.startProbability(daysPerYear: 1, on: $0, daysAfterAsOf: asOf.days(to: $0)) }
        let firstDay = dates.first.map { min(dates.count, max(0, $0.days(to: asOf) + 1)) } ?? 0
        return (rate, firstDay)
    }
}
