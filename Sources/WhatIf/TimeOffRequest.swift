import CalendarImport
import Calendars
import InputFormats
import OutputFormats
import Scenarios

/// A request for time off awaiting approval: who, which days, and how much it matters to them.
public struct TimeOffRequest: Sendable, Equatable {
    public let name: String
    public let dates: DateRange
    /// Higher is considered first; 0 when the file gives none. Within `priorities`.
    public let priority: Int
    /// The priorities a requests file may give: any ranking people use, and far enough from
    /// `Int`'s ends that ordering by them (which negates them) cannot overflow.
    public static let priorities = -1_000_000_000...1_000_000_000
    /// The requester's note ("family visit"), as the file gives it without surrounding spaces; empty
    /// when it gives none. Kept through to `approvals.csv`, so the decision sits beside the reason asked.
    public let note: String
    /// The line of the requests file, for messages.
    public let line: Int

    public init(name: String, dates: DateRange, priority: Int = 0, note: String = "", line: Int) {
        self.name = name
        self.dates = dates
        self.priority = priority
        self.note = note
        self.line = line
    }

    /// `scenario` with the requested days the SE is not already off added to their time off: an
    /// overlap with planned time off is merged, so shared days count once. Days outside the
    /// simulated days (after the horizon) change nothing and are left out, so a request that runs
    /// past the horizon is charged for the days within it (`horizonWarnings` says so).
    ///
    /// - Complexity: O(team size + requested days × the SE's time-off ranges).
    public func applied(to scenario: Scenario) throws(WhatIfError) -> Scenario {
        guard let i = scenario.team.firstIndex(where: { $0.name == name }) else {
            throw WhatIfError("line \(line): \(summary): the team has no SE named \"\(name)\"")
        }
        let simulated = DateRange(scenario.simulationStart.adding(days: -1)...scenario.horizon.last)
        let days = dates.days.filter(simulated.contains)
        var edited = scenario
        for run in days.runs(where: { day in !scenario.team[i].timeOff.contains { $0.contains(day) } }) {
            edited.team[i].timeOff.append(DateRange(days[run.lowerBound]...days[run.upperBound]))
        }
        return edited
    }

    /// One `file:line:` warning per request that runs past the horizon: its days after it are not
    /// simulated, so only the days within it are charged.
    public static func horizonWarnings(_ requests: [TimeOffRequest], horizon: DateRange, source: String) -> [String] {
        requests.filter { $0.dates.last > horizon.last }.map { request in
            let past = DateRange(max(request.dates.first, horizon.last.adding(days: 1))...request.dates.last)
            return "\(source):\(request.line): \(request.summary): \(past) is after the horizon \(horizon), where no check is simulated; only the days up to \(horizon.last) are charged"
        }
    }

    /// "us-09 2026-12-21…2026-12-24"
    public var summary: String { "\(name) \(dates)" }

    /// Reads a requests file: a time-off export (`name,start,end`, RFC 4180, any column order, other
    /// columns ignored) with an optional `priority` column of whole numbers and an optional `note`
    /// column of free text (a mark a spreadsheet guard put before a formula-like note is removed, as
    /// for names); `columns` names the
    /// columns as the export calls them. Throws for every problem at once, `file:line:` each, in line
    /// order: a row with the wrong number of fields, an empty name, a date that does not parse or an
    /// end before its start, a name that is not in `team`, and a priority that is not a whole
    /// number. A request with no day in `horizon` changes no check: it is skipped with a warning,
    /// or refused with the others when `strict`.
    ///
    /// - Complexity: O(length of `text` + rows × team size).
    public static func read(
        csv text: String, source: String, columns: RequestColumns = RequestColumns(), team: [String], horizon: DateRange, strict: Bool = false
    ) throws(WhatIfError) -> RequestsFile {
        var problems: [LineMessage] = []
        let file: TimeOffCSV
        do throws(LineMessages) {
            file = try TimeOffCSV(text: text, source: source, columns: [columns.name, columns.start, columns.end], rowProblems: &problems)
        } catch {
            throw WhatIfError(error.description)
        }
        do throws(LineMessages) { try file.checkNames(against: team) } catch { problems += error.messages }
        guard !file.rows.isEmpty || !problems.isEmpty else { throw WhatIfError("\(source): no requests (expected one row per request after the header)") }
        // TimeOffCSV has read the file, so the table reads and lines up.
        let table = try! CSVTable(text: text, source: source)
        let priorityColumn = table.column(columns.priority)
        let noteColumn = table.column(columns.note)
        let records = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.line, $0) })
        var requests: [TimeOffRequest] = []
        var warnings: [Wording<WhatIfErrorTopic.Term>] = []
        for row in file.rows {
            func fail(_ message: String) { problems.append(LineMessage(source: source, line: row.line, message: message)) }
            var priority = 0
            if let priorityColumn, let record = records[row.line] {
                let field = record.fields[priorityColumn].trimmingSpaces
                if !field.isEmpty, Int(field).map(TimeOffRequest.priorities.contains) != true {
                    fail("\(columns.priority) \"\(field.quotedInMessage)\" is not a whole number from \(TimeOffRequest.priorities.lowerBound) to \(TimeOffRequest.priorities.upperBound)")
                }
                priority = Int(field).flatMap { TimeOffRequest.priorities.contains($0) ? $0 : nil } ?? 0
            }
            var note = ""
            if let noteColumn, let record = records[row.line] { note = CSVWriter.restoredText(record.fields[noteColumn].trimmingSpaces) }
            let dates = DateRange(row.dates)
            if dates.last < horizon.first || horizon.last < dates.first {
                let message = "\(row.name) \(dates) is outside the horizon \(horizon); it would change no check"
                if strict { fail(message) } else { warnings.append("\(source):\(row.line): \(message); skipped (\(term: .strict) refuses it)") }
                continue
            }
            requests.append(TimeOffRequest(name: row.name, dates: dates, priority: priority, note: note, line: row.line))
        }
        guard problems.isEmpty else {
            // Stable: the problems of one line keep the order they were found in.
            let ordered = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
            throw WhatIfError(LineMessages(ordered).description)
        }
        return RequestsFile(requests: requests, warnings: warnings)
    }
}

/// The requests of a file, and a warning for each request skipped (outside the horizon), naming
/// the strict reading as a term that the tool words as its option.
public struct RequestsFile: Sendable, Equatable {
    public let requests: [TimeOffRequest]
    public let warnings: [Wording<WhatIfErrorTopic.Term>]
}

/// The header names of a requests file's columns, for HR exports that do not say `name,start,end`:
/// `--columns name=employee,start=from,end=to,priority=rank,note=comment`.
public struct RequestColumns: Sendable, Equatable {
    public var name = "name"
    public var start = "start"
    public var end = "end"
    public var priority = "priority"
    public var note = "note"

    public init() {}

    /// `field=header` pairs separated by commas, fields among name, start, end, priority and note; fields
    /// not given keep their own names.
    public init(parsing text: String) throws(WhatIfError) {
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw WhatIfError("\(text): expected field=header pairs such as name=employee,start=from,end=to, found \"\(pair)\"")
            }
            switch parts[0].lowercased() {
            case "name": name = parts[1]
            case "start": start = parts[1]
            case "end": end = parts[1]
            case "priority": priority = parts[1]
            case "note": note = parts[1]
            default:
                throw WhatIfError("\(text): \"\(parts[0])\" is not a field; the fields are name, start, end, priority and note")
            }
        }
    }
}
