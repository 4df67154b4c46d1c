import CalendarImport
import Calendars
import InputFormats

/// A request for time off awaiting approval: who, which days, and how much it matters to them.
public struct TimeOffRequest: Sendable, Equatable {
    public let name: String
    public let dates: DateRange
    /// Higher is considered first; 0 when the file gives none.
    public let priority: Int
    /// The line of the requests file, for messages.
    public let line: Int

    public init(name: String, dates: DateRange, priority: Int = 0, line: Int) {
        self.name = name
        self.dates = dates
        self.priority = priority
        self.line = line
    }

    /// The request as a scenario edit.
    public var edit: ScenarioEdit { .timeOff(name: name, dates: dates) }

    /// "us-09 2026-12-21…2026-12-24"
    public var summary: String { "\(name) \(dates)" }

    /// Reads a requests file: a time-off export (`name,start,end`, RFC 4180, any column order, other
    /// columns ignored) with an optional `priority` column of whole numbers. Throws `file:line:`
    /// errors as `TimeOffCSV` does, and for a name that is not in `team`.
    ///
    /// - Complexity: O(length of `text` + rows + team size).
    public static func read(csv text: String, source: String, team: [String]) throws(WhatIfError) -> [TimeOffRequest] {
        let rows: [TimeOffRow]
        do {
            let file = try TimeOffCSV(text: text, source: source)
            try file.checkNames(against: team)
            rows = file.rows
        } catch {
            throw WhatIfError(error.description)
        }
        guard !rows.isEmpty else { throw WhatIfError("\(source): no requests (expected one row per request after the header)") }
        // TimeOffCSV has read the file and checked its fields, so the table reads and lines up.
        let table = try! CSVTable(text: text, source: source)
        let priorityColumn = table.column("priority")
        let records = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.line, $0) })
        var requests: [TimeOffRequest] = []
        for row in rows {
            var priority = 0
            if let priorityColumn, let record = records[row.line] {
                let field = record.fields[priorityColumn].trimmingSpaces
                guard field.isEmpty || Int(field) != nil else {
                    throw WhatIfError("\(source):\(row.line): priority \"\(field)\" is not a whole number")
                }
                priority = Int(field) ?? 0
            }
            requests.append(TimeOffRequest(
                name: row.name, dates: DateRange(row.dates), priority: priority, line: row.line))
        }
        return requests
    }
}
