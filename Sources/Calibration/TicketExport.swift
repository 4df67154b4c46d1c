import InputFormats
import OutputFormats

/// Reading a helpdesk export row by row into `TicketEvents`: the file is streamed in chunks, so a
/// million-row export needs the memory of one chunk and the per-minute counts, not of its rows.
public enum TicketExport {
    /// Adds the cases of the export at `path` to `events`. Throws `CalibrationError` for a missing
    /// column (naming the columns found and the flag to set), a row with another number of fields
    /// than the header, or a timestamp in none of the accepted formats (naming file, line and value).
    /// A case `register` has seen (same id, or same row without an id column) is counted once.
    ///
    /// - Complexity: O(file size) time; O(longest record) memory beyond `events`.
    public static func read(
        path: String, columns: TicketColumns, filters: [RowFilter],
        timestamps: inout TicketTimestampParser, register: inout CaseRegister, into events: inout TicketEvents
    ) throws {
        var layout: (created: Int, solved: Int, id: Int?, filters: [(Int, String)], count: Int)?
        try CSVRecordStream.forEachRecord(path: path, source: path) { record in
            guard let (created, solved, idColumn, filterColumns, count) = layout else {
                layout = try Self.layout(of: record, columns: columns, filters: filters, path: path)
                return
            }
            guard record.fields.count == count else {
                throw CalibrationError("\(path):\(record.line): expected \(count) fields as in the header, found \(record.fields.count)")
            }
            for (column, value) in filterColumns where record.fields[column].trimmingSpaces != value { return }
            func time(_ column: Int, _ name: String) throws -> Int? {
                let text = record.fields[column].trimmingSpaces
                if text.isEmpty { return nil }
                guard let seconds = timestamps.seconds(text) else {
                    throw CalibrationError("\(path):\(record.line): \(name) \"\(text.quotedInMessage)\" is not a timestamp (expected \(TicketTimestampParser.acceptedFormats))")
                }
                return seconds
            }
            guard let createdAt = try time(created, columns.created) else {
                throw CalibrationError("\(path):\(record.line): the case has no \(columns.created); every row needs a creation time")
            }
            let solvedAt = try time(solved, columns.solved)
            // Without an id column, the whole row is the case: an export read twice still counts once.
            let id = idColumn.map { record.fields[$0].trimmingSpaces } ?? record.fields.joined(separator: "\u{1F}")
            switch register.register(id: id, created: createdAt, solved: solvedAt, path: path, line: record.line) {
            case .new: events.add(created: createdAt, solved: solvedAt, line: record.line)
            case .repeated: break
            case .replaces(let earlierCreated, let earlierSolved):
                events.remove(created: earlierCreated, solved: earlierSolved)
                events.add(created: createdAt, solved: solvedAt, line: record.line)
            }
        }
        guard layout != nil else { throw CalibrationError("\(path):1: the file is empty; expected a header row naming \(columns.created) and \(columns.solved)") }
    }

    private static func layout(
        of header: CSVTable.Record, columns: TicketColumns, filters: [RowFilter], path: String
    ) throws -> (Int, Int, Int?, [(Int, String)], Int) {
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        func index(_ name: String, setting: CalibrationErrorTopic.Term) throws -> Int {
            guard let i = names.firstIndex(of: name.lowercased()) else {
                let found = header.fields.prefix(20).map { "\"\($0.trimmingSpaces.quotedInMessage)\"" }.joined(separator: ", ")
                    + (header.fields.count > 20 ? " and \(header.fields.count - 20) more" : "")
                let place = "\(path):\(header.line): no column \"\(name)\"; the columns are \(found)".escapingControlCharacters
                throw CalibrationError("\(place). Name the column with \(term: setting) or choose \(term: .preset) (\(TicketColumns.presets.map(\.name).joined(separator: ", ")))")
            }
            return i
        }
        let created = try index(columns.created, setting: .createdColumn)
        let solved = try index(columns.solved, setting: .solvedColumn)
        let filterColumns = try filters.map { (try index($0.column, setting: .filterColumn), $0.value) }
        return (created, solved, names.firstIndex(of: columns.id.lowercased()), filterColumns, header.fields.count)
    }
}

/// A problem with calibration input: one line naming the file and line, or the setting, and what was expected.
public typealias CalibrationError = ErrorMessage<CalibrationErrorTopic>

/// A note or warning of a fit: a sentence whose settings are terms (`CalibrationFit.settingNames`).
public typealias CalibrationNote = Wording<CalibrationErrorTopic.Term>

public enum CalibrationErrorTopic: ErrorTopic {
    /// The settings of a `CalibrationRequest` a message can name.
    public enum Term: Sendable, Hashable, CaseIterable {
        case from, to, horizon, allowShort, trend, season, filter, createdColumn, solvedColumn, filterColumn, preset
        case absences, requestedColumn, sicknessType, leaveType
    }

    public static func words(_ term: Term) -> String {
        switch term {
        case .from: "from"
        case .to: "to"
        case .horizon: "the horizon"
        case .allowShort: "allowing a short history"
        case .trend: "trend"
        case .season: "season"
        case .filter: "the row filters"
        case .createdColumn: "the name of the creation time's column"
        case .solvedColumn: "the name of the solved time's column"
        case .filterColumn: "a row filter's column"
        case .preset: "a preset"
        case .absences: "absence export"
        case .requestedColumn: "the requested-date column's name"
        case .sicknessType: "a sickness type of"
        case .leaveType: "a leave type of"
        }
    }
}
