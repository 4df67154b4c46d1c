import CalendarImport
import Calendars
import Foundation
import InputFormats
import Reports
import RunArtifacts
import Scenarios

/// `plan outlook --open-cases-at TIME`: the instant the open-case count was read, as
/// `YYYY-MM-DDTHH:MMZ`, from a time of day on `--from` (`HH:MM`, UTC), `now`, or an ISO 8601
/// timestamp with its offset (`2026-12-14T08:00+01:00`).
func parseOpenCasesInstant(_ text: String, from: CivilDate, now: Date = Date()) throws -> String {
    func iso(_ minutesSinceEpochDay: Int) -> String {
        let day = CivilDate(dayNumber: minutesSinceEpochDay >= 0 ? minutesSinceEpochDay / 1440 : (minutesSinceEpochDay - 1439) / 1440)
        let minute = minutesSinceEpochDay - day.dayNumber * 1440
        return "\(day)T\(String(format: "%02d:%02d", minute / 60, minute % 60))Z"
    }
    if text.lowercased() == "now" {
        return iso(Int((now.timeIntervalSince1970 / 60).rounded(.down)))
    }
    let clock = /([01][0-9]|2[0-3]):([0-5][0-9])/
    if let m = text.wholeMatch(of: clock) {
        return iso(from.dayNumber * 1440 + Int(m.1)! * 60 + Int(m.2)!)
    }
    let stamp = /([0-9]{4}-[0-9]{2}-[0-9]{2})T([01][0-9]|2[0-3]):([0-5][0-9])(?::[0-5][0-9](?:\.[0-9]+)?)?(Z|([+-])([01][0-9]|2[0-3]):?([0-5][0-9]))/
    guard let m = text.wholeMatch(of: stamp), let date = CivilDate(iso: String(m.1)) else {
        throw CommandError("--open-cases-at \(text): expected a time HH:MM (UTC, on --from), now, or a timestamp YYYY-MM-DDTHH:MMZ (or with an offset, +01:00)")
    }
    var minutes = date.dayNumber * 1440 + Int(m.2)! * 60 + Int(m.3)!
    if m.4 != "Z", let sign = m.5, let hours = m.6, let mins = m.7 {
        minutes -= (sign == "-" ? -1 : 1) * (Int(hours)! * 60 + Int(mins)!)
    }
    return iso(minutes)
}

/// Minutes after 00:00 UTC of `from` of a `YYYY-MM-DDTHH:MMZ` instant `parseOpenCasesInstant` wrote.
func minutes(ofInstant text: String, after from: CivilDate) -> Int? {
    guard text.utf8.count == 17, text.hasSuffix("Z"), let date = CivilDate(iso: String(text.prefix(10))),
          let hours = Int(text.dropFirst(11).prefix(2)), let minutes = Int(text.dropFirst(14).prefix(2)) else { return nil }
    return (date.dayNumber - from.dayNumber) * 1440 + hours * 60 + minutes
}

/// `plan outlook --time-off FILE`: the leave known today, from a time-off export (`name,start,end`,
/// as `time_off_csv`) or an iCalendar file whose events' SUMMARY is the SE's name (text after a
/// ":" is a note: "alice: vacation"). Every name must be an SE of the team.
func readKnownLeave(_ path: String, team: [String], horizon: DateRange) throws -> [OutlookStart.Leave] {
    let text = try readTextFile(path)
    if path.lowercased().hasSuffix(".ics") {
        let calendar: ImportedCalendar
        do {
            calendar = try ICalendarReader.read(text, source: path, horizon: horizon.first...horizon.last)
        } catch {
            throw CommandError(error.description)
        }
        var problems: [String] = []
        var leave: [OutlookStart.Leave] = []
        for event in calendar.events {
            let name = String(event.summary.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: .whitespaces)
            guard let known = team.first(where: { $0.lowercased() == name.lowercased() }) else {
                let hint = NameSuggestion.closest(to: name, among: team).map { "; did you mean \"\($0)\"?" } ?? ""
                problems.append("\(path):\(event.line): the event's SUMMARY \"\(event.summary)\" does not name an SE of the team\(hint)")
                continue
            }
            for run in dateRuns(event.dates) { leave.append(OutlookStart.Leave(name: known, first: run.first.description, last: run.last.description)) }
        }
        guard problems.isEmpty else { throw CommandError(problems.joined(separator: "\n")) }
        return leave
    }
    do throws(LineMessages) {
        let csv = try TimeOffCSV(text: text, source: path)
        try csv.checkNames(against: team)
        return csv.rows.filter { $0.dates.upperBound >= horizon.first && $0.dates.lowerBound <= horizon.last }
            .map { OutlookStart.Leave(name: $0.name, first: $0.dates.lowerBound.description, last: $0.dates.upperBound.description) }
    } catch {
        throw CommandError(error.description)
    }
}

/// Sorted dates as runs of consecutive days.
private func dateRuns(_ dates: [CivilDate]) -> [DateRange] {
    var runs: [DateRange] = []
    for date in dates.sorted() {
        if let last = runs.last, last.last.adding(days: 1) == date { runs[runs.count - 1] = DateRange(last.first...date) } else { runs.append(DateRange(day: date)) }
    }
    return runs
}
