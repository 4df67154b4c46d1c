import Calendars
import CapacityPolicy

extension Scenario {
    /// What the schedule alone says about the horizon's checks, before any simulation, for
    /// `plan validate` and `plan simulate` to warn about:
    /// - a group with nobody scheduled on a check day, by group, naming the days (the policy then
    ///   counts 0 SEs of that group, which is rarely what a planner meant);
    /// - a policy that does not fit the team: with everyone scheduled at work and no open cases at
    ///   all, more than half of the checks are at level 3 or above. The warning names the
    ///   criteria that declare those levels, the thresholds to edit.
    /// Complexity: O(days × team × (closures + time off)), as the schedule.
    public var scheduleWarnings: [String] {
        let schedule = TeamSchedule(engineers: team, company: company, dates: horizon)
        let checkDays = horizon.days.filter { self.checkDays.contains($0.weekday) && !schedule.isClosed($0) }
        guard !checkDays.isEmpty else { return [] }
        var warnings: [String] = []
        for group in groups {
            let empty = checkDays.filter { schedule.scheduledCount(group: group.name, on: $0) == 0 }
            guard !empty.isEmpty else { continue }
            warnings.append("nobody in group \"\(group.name)\" is scheduled on \(empty.count) of the \(checkDays.count) check days: "
                + Self.listed(empty) + "; the policy counts 0 \(group.name) SEs at those checks")
        }
        if let fit = policyFitWarning(schedule: schedule, checkDays: checkDays) { warnings.append(fit) }
        return warnings
    }

    /// Level 3 in the policy's 1-based numbering: the first level a planner acts on beyond an alert.
    static let policyFitLevel = 3

    private func policyFitWarning(schedule: TeamSchedule, checkDays: [CivilDate]) -> String? {
        guard policy.levels.count >= Self.policyFitLevel else { return nil }
        let table = EffectiveTable(policy)
        var evaluations: [Observation: Evaluation] = [:]
        var high = 0
        var criteria: [(level: Int, text: String)] = []
        for date in checkDays {
            let observation = Observation(policy.inputs.map { input in
                input.kind == .cases ? 0 : schedule.scheduledCount(group: input.name, on: date)
            })
            let evaluation = evaluations[observation] ?? table.evaluate(observation)
            evaluations[observation] = evaluation
            guard evaluation.level + 1 >= Self.policyFitLevel else { continue }
            high += 1
            for reason in evaluation.reasons {
                let text = "level \(evaluation.level + 1): \(reason.entry.criterion)"
                if !criteria.contains(where: { $0.text == text }) { criteria.append((evaluation.level, text)) }
            }
        }
        guard 2 * high > checkDays.count else { return nil }
        return "the policy does not fit this team: with everyone scheduled at work and no open cases, \(high) of the \(checkDays.count) check days "
            + "are at level \(Self.policyFitLevel) or above from the schedule alone; edit the thresholds that declare them "
            + "(\(criteria.sorted { $0.level < $1.level }.map(\.text).joined(separator: "; "))) in a policy file, or the team"
    }

    /// Dates as a reader scans them: runs of consecutive days as ranges, at most 12 items then "and N more".
    static func listed(_ dates: [CivilDate]) -> String {
        var runs: [(CivilDate, CivilDate)] = []
        for date in dates {
            if let last = runs.last, last.1.adding(days: 1) == date { runs[runs.count - 1].1 = date } else { runs.append((date, date)) }
        }
        let shown = runs.prefix(12).map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)…\($0.1)" }
        return shown.joined(separator: ", ") + (runs.count > 12 ? " and \(runs.count - 12) more" : "")
    }
}
