import Calendars
import InputFormats
import OutputFormats

/// One row of a time-off export: a person and the days they are away, first and last inclusive.
public struct TimeOffRow: Equatable, Sendable {
    /// The name as written, without surrounding spaces; the caller matches it against the team.
    public let name: String
    public let dates: ClosedRange<CivilDate>
    /// The line the row starts on, for messages about it (such as a name that matches no SE).
    public let line: Int
    /// The optional `type` column (an HR export's "sick", "vacation", …), without surrounding spaces.
    public let type: String?
    /// The day the absence was requested (booked), from the column the reader was asked to read
    /// (`plan calibrate --requested-column`); nil without that column or when its field is empty.
    public let requested: CivilDate?

    public init(name: String, dates: ClosedRange<CivilDate>, line: Int, type: String? = nil, requested: CivilDate? = nil) {
        self.name = name
        self.dates = dates
        self.line = line
        self.type = type
        self.requested = requested
    }
}

/// A CSV export of planned time off with the columns `name`, `start` and `end`.
///
/// HR tools and spreadsheets export such files with their own column order and extra columns, so the
/// header row is required and decides the layout: the three names are matched without regard to
/// case or surrounding spaces, in any order, and other columns are ignored. Dates are ISO 8601
/// (`YYYY-MM-DD`); an empty `end` means a single day. An optional `type` column is kept with each row.
public struct TimeOffCSV: Equatable, Sendable {
    public static let requiredColumns = ["name", "start", "end"]
    /// The columns of the time-off CSV plan writes (`plan approve --write-time-off`): the three it
    /// reads and the request each row approves (`file:line`), which the reader ignores. The header
    /// is how plan recognises such a file as its own before replacing it.
    public static let writtenColumns = ["name", "start", "end", "request"]
    /// The column of booking dates an HR export may have (`plan calibrate --requested-column`).
    public static let requestedColumn = "requested"

    /// The name given to the input, used in messages.
    public let source: String
    /// The rows in file order.
    public let rows: [TimeOffRow]
    /// Whether the header names the requested-date column the reader was asked for.
    public let hasRequestedColumn: Bool

    /// Reads `text`, the content of a CSV file. Throws on a missing column, and for every row with
    /// another number of fields than the header, an empty name, a date that does not parse or an end
    /// before its start: all of them at once, `file:line:` each. `columns` are the header names of
    /// the name, start and end columns, for exports that call them otherwise (`employee,from,to`).
    ///
    /// - Complexity: O(n) in the length of `text`.
    /// `requestedColumn` names an optional column of booking dates (an empty field is allowed); a
    /// booking date after its absence's start is a problem of its row.
    public init(text: String, source: String, columns headerNames: [String] = TimeOffCSV.requiredColumns, requestedColumn: String? = nil) throws(LineMessages) {
        var problems: [ImportError] = []
        try self.init(text: text, source: source, columns: headerNames, requestedColumn: requestedColumn, rowProblems: &problems)
        guard problems.isEmpty else { throw LineMessages(problems) }
    }

    /// Reads `text` as `init(text:source:columns:)` does, but past bad rows: their problems are
    /// appended to `rowProblems` and the other rows kept, so that a reader checking more (names,
    /// dates against a horizon) can report every problem of the file at once. Throws only for the
    /// file as a whole: CSV syntax, a missing column.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public init(text: String, source: String, columns headerNames: [String], requestedColumn: String? = nil, rowProblems: inout [ImportError]) throws(LineMessages) {
        let table: CSVTable
        do throws(CSVError) {
            table = try CSVTable(text: text, source: source)
            try table.requireDistinctColumns(source: source)
        } catch {
            throw LineMessages([error])
        }
        let required = headerNames.joined(separator: ",")
        guard let header = table.records.first else {
            throw LineMessages([ImportError(source: source, line: 1, message: "expected a header row naming the columns \(required), found an empty file")])
        }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        var columns: [Int] = []
        for column in headerNames {
            guard let index = names.firstIndex(of: column.lowercased()) else {
                let semicolons = header.fields.count == 1 && header.fields[0].contains(";")
                    ? " (this header is separated by semicolons; export with commas)" : ""
                throw LineMessages([ImportError(
                    source: source, line: header.line,
                    message: "missing column \"\(column)\"; the header must name \(required)\(semicolons)")])
            }
            columns.append(index)
        }

        let typeColumn = names.firstIndex(of: "type")
        let requestedIndex = requestedColumn.flatMap { names.firstIndex(of: $0.trimmingSpaces.lowercased()) }
        var rows: [TimeOffRow] = []
        var problems: [ImportError] = []
        defer { rowProblems += problems }
        for record in table.records.dropFirst() {
            func fail(_ message: String) -> ImportError { ImportError(source: source, line: record.line, message: message) }
            guard record.fields.count == header.fields.count else {
                problems.append(fail("expected \(header.fields.count) fields as in the header, found \(record.fields.count)"))
                continue
            }
            // A name a spreadsheet would run as a formula was written with a mark, which plan removes.
            let name = CSVWriter.restoredText(record.fields[columns[0]].trimmingSpaces)
            let startText = record.fields[columns[1]].trimmingSpaces
            let endText = record.fields[columns[2]].trimmingSpaces
            guard !name.isEmpty else {
                problems.append(fail("expected a name, found an empty \"\(headerNames[0])\" field"))
                continue
            }
            func date(_ text: String) -> CivilDate? {
                guard let date = CivilDate(supported: text) else {
                    problems.append(fail("\"\(text.quotedInMessage)\" is not a date (expected \(CivilDate.expectation))"))
                    return nil
                }
                return date
            }
            guard let start = date(startText), let end = endText.isEmpty ? start : date(endText) else { continue }
            guard start <= end else {
                problems.append(fail("end \(end) is before start \(start)"))
                continue
            }
            var requested: CivilDate?
            if let requestedIndex, case let text = record.fields[requestedIndex].trimmingSpaces, !text.isEmpty {
                guard let date = date(text) else { continue }
                guard date <= start else {
                    problems.append(fail("requested \(date) is after the absence's start \(start); a booking comes before the leave it books"))
                    continue
                }
                requested = date
            }
            rows.append(TimeOffRow(name: name, dates: start...end, line: record.line, type: typeColumn.map { record.fields[$0].trimmingSpaces }, requested: requested))
        }
        self.source = source
        self.rows = rows
        hasRequestedColumn = requestedIndex != nil
    }

    /// Throws for every row whose name is none of `knownNames` (compared exactly, as the caller
    /// looks names up), naming the file, the line and the name, and suggesting the closest known name
    /// when one is a likely typo, or else listing the known names.
    public func checkNames(against knownNames: [String]) throws(LineMessages) {
        let known = Set(knownNames)
        let unknown = rows.filter { !known.contains($0.name) }
        guard !unknown.isEmpty else { return }
        throw LineMessages(unknown.map { row in
            let hint: String
            if let suggestion = NameSuggestion.closest(to: row.name, among: knownNames) {
                hint = "did you mean \"\(suggestion)\"?"
            } else if knownNames.isEmpty {
                hint = "the team has no SEs"
            } else {
                hint = "the team's SEs are " + knownNames.map { "\"\($0)\"" }.joined(separator: ", ")
            }
            return ImportError(source: source, line: row.line, message: "\"\(row.name.quotedInMessage)\" is not the name of an SE in the team; \(hint)")
        })
    }
}
