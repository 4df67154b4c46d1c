import Calendars
import OutputFormats

/// The two ways `plan calendar` prints the view. Kept in the library so that the exact output is
/// tested without running the tool.
extension CalendarView {
    public enum Format: String, CaseIterable, Sendable {
        /// One block per day, for reading.
        case text
        /// One row per day (RFC 4180 fields, ISO dates), for spreadsheets.
        case csv
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .text: return text()
        case .csv: return csv()
        }
    }

    /// One block per day, blocks separated by a blank line:
    ///
    ///     2026-12-28 Mon  check day, floor level 6: Sales collaboration required
    ///       scheduled  emea  1/3   emea-za
    ///                  us    5/11  us-07, us-08, us-09, us-10, us-11
    ///       not        public holiday (Boxing Day (observed)): emea-gb
    ///                  time off: emea-nl, us-01, us-02, us-03, us-04, us-05, us-06
    ///
    /// SEs who are not scheduled are grouped by reason, in the order of the first SE with each reason.
    /// A closed day is one line: nobody is scheduled and there is no check.
    public func text() -> String {
        let nameWidth = groups.map(\.count).max() ?? 0
        let countWidth = groupSizes.map { "\($0)/\($0)".count }.max() ?? 0
        return days.map { day in
            var heading = "\(day.date) \(day.date.weekday.abbreviation)  "
            if let closure = day.closure {
                return heading + "\(Availability.Reason.companyClosed(closure.name)), no checks\n"
            }
            if let level = day.floorLevel {
                heading += "check day, floor level \(level): \(levelNames[level - 1])"
            } else {
                heading += "no checks"
            }
            var lines = [heading]
            for (g, group) in groups.enumerated() {
                let label = g == 0 ? "  scheduled  " : "             "
                let names = day.scheduled[g].joined(separator: ", ")
                let row = label + group.padded(to: nameWidth) + "  " + "\(day.scheduled[g].count)/\(groupSizes[g])".padded(to: countWidth)
                lines.append(names.isEmpty ? row.trimmingTrailingSpaces : row + "  " + names)
            }
            for (r, reason) in Self.byReason(day.notScheduled).enumerated() {
                lines.append((r == 0 ? "  not        " : "             ") + "\(reason.reason): " + reason.names.joined(separator: ", "))
            }
            return lines.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    /// Columns: `date`, `weekday` (Mon…Sun), `check_day` and `closed` (true/false), then for each group
    /// `<group>_scheduled` (a count), then for each group `<group>_names` (scheduled SEs, "; "-separated),
    /// `not_scheduled` ("name: reason" for each SE who is not, "; "-separated), `floor_level` (the
    /// 1-based level headcount alone implies; empty without a check) and `floor_level_name`.
    public func csv() -> String {
        let header = ["date", "weekday", "check_day", "closed"] + groups.map { "\($0)_scheduled" }
            + groups.map { "\($0)_names" } + ["not_scheduled", "floor_level", "floor_level_name"]
        let rows = days.map { day in
            CSVWriter.row(
                ["\(day.date)", day.date.weekday.abbreviation, "\(day.isCheckDay)", "\(day.closure != nil)"]
                    + day.scheduled.map { "\($0.count)" }
                    + day.scheduled.map { $0.joined(separator: "; ") }
                    + [day.notScheduled.map { "\($0.name): \($0.reason)" }.joined(separator: "; "),
                       day.floorLevel.map(String.init) ?? "", day.floorLevel.map { levelNames[$0 - 1] } ?? ""])
        }
        return CSVWriter.row(header) + rows.joined()
    }

    static func byReason(_ absences: [Absence]) -> [(reason: Availability.Reason, names: [String])] {
        var grouped: [(reason: Availability.Reason, names: [String])] = []
        for absence in absences {
            if let index = grouped.firstIndex(where: { $0.reason == absence.reason }) {
                grouped[index].names.append(absence.name)
            } else {
                grouped.append((absence.reason, [absence.name]))
            }
        }
        return grouped
    }
}
