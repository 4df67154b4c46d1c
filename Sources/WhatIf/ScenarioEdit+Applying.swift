import Calendars
import OutputFormats
import Scenarios

extension ScenarioEdit {
    /// The scenario with `edits` applied in order. Throws for an edit naming an SE the team does
    /// not have (or no longer has), a new SE whose name is taken or whose group is not defined,
    /// dates outside the simulated days, and time off that overlaps the SE's existing time off.
    ///
    /// SEs keep their places in the team: a removed SE stays in it but is never scheduled, and a new
    /// SE is appended. The absence stream draws each SE's sickness in team order, so this keeps every
    /// other SE's draws, and the comparison tight (common random numbers, docs/MODEL.md §7).
    ///
    /// - Complexity: O(edits × team size × time-off ranges per SE).
    public static func apply(_ edits: [ScenarioEdit], to scenario: Scenario) throws(WhatIfError) -> Scenario {
        var edited = scenario
        var removed: Set<String> = []
        let simulated = DateRange(scenario.simulationStart.adding(days: -1)...scenario.horizon.last)
        for edit in edits {
            switch edit {
            case .timeOff(let name, let dates):
                let flag: Wording<WhatIfErrorTopic.Term> = "\(term: .timeOff) \(name):\(dates.first)..\(dates.last)"
                let i = try index(of: name, in: edited, removed: removed, flag: flag)
                try checkInside(dates, simulated, flag: flag)
                if let clash = edited.team[i].timeOff.first(where: { $0.first <= dates.last && dates.first <= $0.last }) {
                    throw WhatIfError("\(flag): overlaps \(name)'s time off \(clash) already in the scenario")
                }
                edited.team[i].timeOff.append(dates)

            case .addEngineer(let name, let group, let country, let dates):
                let flag: Wording<WhatIfErrorTopic.Term> = "\(term: .addSE) \(name)"
                guard !edited.team.contains(where: { $0.name == name }) else {
                    throw WhatIfError("\(flag): the team already has an SE named \"\(name)\"; choose another name")
                }
                guard edited.groups.contains(where: { $0.name == group }) else {
                    throw WhatIfError("\(flag): the group \"\(group)\" is not defined; the groups are \(edited.groups.map(\.name).joined(separator: ", "))")
                }
                var timeOff: [DateRange] = []
                if let dates {
                    try checkInside(dates, simulated, flag: flag)
                    if simulated.first < dates.first { timeOff.append(DateRange(simulated.first...dates.first.adding(days: -1))) }
                    if dates.last < simulated.last { timeOff.append(DateRange(dates.last.adding(days: 1)...simulated.last)) }
                }
                edited.team.append(SupportEngineer(
                    name: name, group: group, holidays: try! HolidayCalendar(country: country), timeOff: timeOff))

            case .removeEngineer(let name):
                let i = try index(of: name, in: edited, removed: removed, flag: "\(term: .removeSE) \(name)")
                edited.team[i].timeOff = [simulated]
                edited.team[i].rota = []
                removed.insert(name)

            case .inflowFactor(let factor):
                edited.inflow.basePerDay *= factor
                edited.inflow.spikeMean *= factor
                // The scenario's own limit holds for the edited one too: the engine's bounds rest on it.
                let limit = ScenarioLimits.casesPerDay.upperBound
                for (key, value) in [("base_per_day", edited.inflow.basePerDay), ("a spike's mean", edited.inflow.spikeMean)] where value > limit {
                    throw WhatIfError("\(term: .inflowFactor) \(factor) makes \(key) \(Int(value.rounded())), above the \(Int(limit)) cases a day a scenario may have")
                }

            case .policy(let policy, let source):
                edited.policy = policy
                edited.policySource = source
            }
        }
        return edited
    }

    private static func index(of name: String, in scenario: Scenario, removed: Set<String>, flag: Wording<WhatIfErrorTopic.Term>) throws(WhatIfError) -> Int {
        guard !removed.contains(name) else { throw WhatIfError("\(flag): \(name) is removed by \(term: .removeSE) \(name)") }
        guard let i = scenario.team.firstIndex(where: { $0.name == name }) else {
            throw WhatIfError("\(flag): the team has no SE named \"\(name)\"; its SEs are \(scenario.team.map(\.name).joined(separator: ", "))")
        }
        return i
    }

    private static func checkInside(_ dates: DateRange, _ simulated: DateRange, flag: Wording<WhatIfErrorTopic.Term>) throws(WhatIfError) {
        guard dates.first <= simulated.last, simulated.first <= dates.last else {
            throw WhatIfError("\(flag): \(dates) is outside the simulated days \(simulated)")
        }
    }
}
