import Calendars
import OutputFormats

/// Who is counted at a real check on a date: the SEs the scenario's calendar schedules on the date, minus
/// those CS-triage reports absent (sick, called away) that morning. It lets `plan level` take the
/// headcounts from the calendar the team already maintains for `plan simulate` instead of having
/// them typed in, so the two cannot disagree about who works.
public struct CheckRoster: Sendable {
    public let date: CivilDate
    /// The names counted, per group in the scenario's group order (a group may be empty).
    public let counted: [(group: String, names: [String])]
    /// Reported absentees who changed nothing (not scheduled that day anyway), and a date past
    /// the calendars' reach, worded for the user.
    public let warnings: [String]
    /// The team's SEs not counted (time off, a holiday, not a working day, reported absent), in team
    /// order: who is out, which the Slack message names.
    public let out: [String]

    /// The policy's headcount inputs from the roster, keyed by input name (= group name).
    public var headcounts: [String: Int] {
        Dictionary(uniqueKeysWithValues: counted.map { ($0.group, $0.names.count) })
    }
}

/// A date on which no level is declared: not one of the check days, or the company is closed.
public typealias NoCheckError = ErrorMessage<NoCheckErrorTopic>
public enum NoCheckErrorTopic: ErrorTopic {}

extension Scenario {
    /// Who is counted at the checks of `date` (every window of a day counts the same SEs).
    /// Absentees are matched to the team's names ignoring case; a name no SE has throws
    /// `UnknownSEError` (checked first, so a typo is reported whatever the date), a date without
    /// checks `NoCheckError`. Complexity: O(team × (closures + time-off ranges) + absentees × team).
    public func roster(on date: CivilDate, absent: [String]) throws -> CheckRoster {
        let absentIndices = try absent.map { name throws(UnknownSEError) in try knownSE(named: name) }
        if let closure = company.closure(on: date) {
            throw NoCheckError("no check on \(date): company closed\(closure.name.map { " (\($0))" } ?? "")")
        }
        guard checkDays.contains(date.weekday) else {
            let days = checkDays.sorted().map(\.abbreviation).joined(separator: " ")
            throw NoCheckError("no check on \(date): a \(date.weekday.abbreviation), and the scenario's check days are \(days)")
        }
        var warnings: [String] = []
        if let past = pastHorizon(DateRange(day: date)) { warnings.append("\(date) \(past)") }
        var absentees = Set<Int>()
        for index in absentIndices {
            if case .notScheduled(let reason) = team[index].availability(on: date, company: company) {
                warnings.append("\(team[index].name), reported absent, is not scheduled on \(date) anyway (\(reason)); already not counted")
            } else {
                absentees.insert(index)
            }
        }
        let counted = groups.map { group in
            (group: group.name, names: team.indices.filter {
                team[$0].group == group.name && !absentees.contains($0)
                    && team[$0].availability(on: date, company: company).isScheduled
            }.map { team[$0].name })
        }
        let countedNames = Set(counted.flatMap(\.names))
        return CheckRoster(date: date, counted: counted, warnings: warnings, out: team.map(\.name).filter { !countedNames.contains($0) })
    }
}
