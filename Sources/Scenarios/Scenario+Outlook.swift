import Calendars

/// An SE known to be out from the outlook's first day until a date (sick, called away): what
/// CS-triage knows today and the planned calendar does not.
public struct KnownAbsence: Sendable, Equatable {
    public var name: String
    /// The last day out, inclusive.
    public var until: CivilDate

    public init(name: String, until: CivilDate) {
        self.name = name
        self.until = until
    }
}

extension Scenario {
    /// The scenario of a rolling outlook: the same team, calendars, inflow, work and policy, over
    /// `days` days from `start`, starting from today's state instead of a guessed one: no warm-up,
    /// the backlog fixed at today's `openCases`, and each known absence as time off from `start`
    /// until its end. Deriving a scenario, rather than changing the simulation, means the outlook
    /// is simulated, reported and reproduced exactly as `plan simulate` does any scenario.
    ///
    /// Absences that change nothing (a name not in the team, an end before `start`) come back as
    /// warnings naming them. Complexity: O(team × absences).
    public func outlook(from start: CivilDate, days: Int, openCases: Int, absences: [KnownAbsence]) -> (scenario: Scenario, warnings: [String]) {
        var outlook = self
        outlook.name = "\(name)-outlook"
        outlook.horizon = DateRange(start...start.adding(days: days - 1))
        outlook.warmupDays = 0
        outlook.initialOpenCases = .fixed(openCases)
        var warnings: [String] = []
        if let past = pastHorizon(outlook.horizon) { warnings.append("the outlook \(outlook.horizon) \(past)") }
        for absence in absences {
            guard let index = teamIndex(named: absence.name) else {
                warnings.append(unknownAbsentee(absence.name) + "; ignored")
                continue
            }
            guard absence.until >= start else {
                warnings.append("--absent \(team[index].name):\(absence.until): ends before \(start); ignored")
                continue
            }
            outlook.team[index].timeOff.append(DateRange(start...absence.until))
        }
        return (outlook, warnings)
    }

    /// Why days of `range` outside the horizon are planned with less than the scenario says: its
    /// `.ics` calendars are read for the simulated days only, so their time off and closures after
    /// (or before) them are unknown, and the team is counted as if nobody were away. Nil when
    /// `range` is within the simulated days.
    func pastHorizon(_ range: DateRange) -> String? {
        let known = DateRange(simulationStart...horizon.last)
        guard !known.contains(range.first) || !known.contains(range.last) else { return nil }
        return "goes outside \(name)'s days \(known): time off and closures of its .ics calendars are known only within them; extend the scenario's horizon to cover it"
    }
}
