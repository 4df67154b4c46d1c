import Calendars

/// An SE known to be out from the outlook's first day (sick, called away): what CS-triage knows
/// today and the planned calendar does not.
public struct KnownAbsence: Sendable, Equatable {
    public var name: String
    /// The last day out, inclusive; nil for "out until further notice": a sickness spell of
    /// unknown length, sampled as the scenario's spells are (docs/MODEL.md §3).
    public var until: CivilDate?

    public init(name: String, until: CivilDate?) {
        self.name = name
        self.until = until
    }
}

/// Leave known on the outlook's day, read from a time-off export or calendar: `dates` off.
public struct KnownLeave: Sendable, Equatable {
    public var name: String
    public var dates: DateRange

    public init(name: String, dates: DateRange) {
        self.name = name
        self.dates = dates
    }
}

extension Scenario {
    /// The scenario of a rolling outlook: the same team, calendars, inflow, work and policy, over
    /// `days` days from `start`, starting from today's state instead of a guessed one: the backlog
    /// fixed at today's `openCases` at the instant `openCasesAt` (minutes after 00:00 UTC of
    /// `start`, negative before it; nil for the last check of the day before), no warm-up but the
    /// days from that instant to `start` when it is older, each known absence as time off
    /// from `start` until its end or as a spell of unknown length begun on `start`, and the known
    /// leave as time off (and, with unbooked leave, `as_of` moved to `start`: what is booked later
    /// is the model's). Deriving a scenario, rather than changing the simulation, means the
    /// outlook is simulated, reported and reproduced exactly as `plan simulate` does any scenario.
    ///
    /// A name not in the team throws `UnknownSEError`; absences that change nothing (an end before
    /// `start`) come back as warnings naming them. Complexity: O(team × (absences + leave)).
    public func outlook(
        from start: CivilDate, days: Int, openCases: Int, openCasesAt: Int? = nil, absences: [KnownAbsence], leave: [KnownLeave] = []
    ) throws(UnknownSEError) -> (scenario: Scenario, warnings: [String]) {
        var outlook = self
        outlook.name = "\(name)-outlook"
        outlook.horizon = DateRange(start...start.adding(days: days - 1))
        outlook.initialOpenCases = .fixed(openCases)
        // A count older than the last check of the day before `start` (Friday evening's, for a
        // Monday outlook) starts the simulation on the day after it, the days before `start` a
        // warm-up: simulated in full, not reported.
        let lastCheck = windows.map(\.checkMinute).max()!
        let warmup = openCasesAt.map { max(0, (lastCheck - 1440 - $0 + 1439) / 1440) } ?? 0
        outlook.warmupDays = warmup
        outlook.openCasesAt = openCasesAt.map { $0 + warmup * 1440 }
        var warnings: [String] = []
        if let past = pastHorizon(outlook.horizon) { warnings.append("the outlook \(outlook.horizon) \(past)") }
        for absence in absences {
            let index = try knownSE(named: absence.name)
            guard let until = absence.until else {
                // An SE who cannot fall sick in the model (falls_sick false) has no spell to run:
                // out until further notice is then out for the whole outlook, said so.
                if team[index].fallsSick {
                    outlook.sickAtStart.insert(index)
                } else {
                    outlook.team[index].timeOff.append(outlook.horizon)
                    warnings.append("\(team[index].name), absent until further notice, cannot fall sick in the scenario (falls_sick false), so no spell length applies; counted as out for the whole outlook (give the last day out)")
                }
                continue
            }
            guard until >= start else {
                warnings.append("\(team[index].name), absent until \(until): that is before \(start); ignored")
                continue
            }
            outlook.team[index].timeOff.append(DateRange(start...until))
        }
        for item in leave {
            outlook.team[try knownSE(named: item.name)].timeOff.append(item.dates)
        }
        // Leave known today is booked leave as of today: unbooked leave is what is booked later.
        if !leave.isEmpty, outlook.unbookedLeave != nil, outlook.asOf.map({ $0 < start }) ?? true { outlook.asOf = start }
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
