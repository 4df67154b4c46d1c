/// Comma-separated values as RFC 4180 defines them: fields separated by commas, records by line
/// breaks, and a field in double quotes may hold commas, line breaks and quotes written twice (`""`).
///
/// Spreadsheets are lenient where the RFC is strict, and so is this reader where nothing can be
/// misread: records may end in CRLF, LF or a lone CR (older Mac exports), a UTF-8 byte order mark is
/// dropped (Excel writes one), and empty lines are skipped. A quote inside an unquoted field or text
/// after a closing quote is an error, because such a file was not written as CSV.
public struct CSVTable: Equatable, Sendable {
    /// One record and the line it starts on (a quoted field can make a record span lines).
    public struct Record: Equatable, Sendable {
        public let fields: [String]
        public let line: Int

        public init(fields: [String], line: Int) {
            self.fields = fields
            self.line = line
        }
    }

    /// The records in file order, the header (if the file has one) included.
    public let records: [Record]

    /// Splits `text` into records.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public init(text: String, source: String) throws(CSVError) {
        let scalars = Array(text.unicodeScalars)
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var index = scalars.first == "\u{FEFF}" ? 1 : 0
        var line = 1
        var recordLine = 1
        /// Whether the record so far has a quoted field, which makes even `""` a record, not a blank line.
        var recordHasQuote = false

        func endRecord() {
            fields.append(String(field))
            if fields != [""] || recordHasQuote { records.append(Record(fields: fields, line: recordLine)) }
            fields = []
            field = String.UnicodeScalarView()
            recordHasQuote = false
        }
        /// Steps over a line break at `index`, if there is one (CRLF counts once).
        func skipLineBreak() -> Bool {
            guard index < scalars.count, scalars[index] == "\r" || scalars[index] == "\n" else { return false }
            index += scalars[index] == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
            line += 1
            return true
        }

        var atFieldStart = true
        while index < scalars.count {
            let scalar = scalars[index]
            if atFieldStart && scalar == "\"" {
                let openingLine = line
                recordHasQuote = true
                index += 1
                while true {
                    guard index < scalars.count else {
                        throw CSVError(
                            source: source, line: openingLine,
                            message: "expected a closing quote for the field that opens on this line, found the end of the file")
                    }
                    if scalars[index] == "\"" {
                        if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                            field.append("\"")
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if skipLineBreak() {
                        field.append("\n")
                    } else {
                        field.append(scalars[index])
                        index += 1
                    }
                }
                guard index == scalars.count || scalars[index] == "," || scalars[index] == "\r" || scalars[index] == "\n" else {
                    throw CSVError(
                        source: source, line: line,
                        message: "expected a comma or the end of the line after the closing quote of field \(fields.count + 1), found \"\(Character(scalars[index]))\"")
                }
                atFieldStart = false
            } else if scalar == "," {
                fields.append(String(field))
                field = String.UnicodeScalarView()
                index += 1
                atFieldStart = true
            } else if skipLineBreak() {
                endRecord()
                recordLine = line
                atFieldStart = true
            } else if scalar == "\"" {
                throw CSVError(
                    source: source, line: line,
                    message: "expected a quote only around a whole field, found one inside field \(fields.count + 1) (write it as \"\" inside a quoted field)")
            } else {
                field.append(scalar)
                index += 1
                atFieldStart = false
            }
        }
        if !fields.isEmpty || !field.isEmpty || recordHasQuote { endRecord() }
        self.records = records
    }
}

extension CSVTable {
    /// The first record, which names the columns in the files this tool reads.
    public var header: [String] { records.first?.fields ?? [] }

    /// The records after the header.
    public var rows: ArraySlice<Record> { records.dropFirst() }

    /// Index of a column by name, ignoring case and surrounding spaces.
    public func column(_ name: String) -> Int? {
        header.firstIndex { $0.trimmingSpaces.lowercased() == name.lowercased() }
    }

    /// Throws when two columns of the header have the same name (ignoring case and surrounding
    /// spaces): which of them to read, or to pass through, would be a guess.
    public func requireDistinctColumns(source: String) throws(CSVError) {
        var first: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = name.trimmingSpaces.lowercased()
            if let j = first[key] {
                throw CSVError(source: source, line: records.first?.line ?? 1, message: "the header names the column \"\(name.trimmingSpaces)\" twice (columns \(j + 1) and \(i + 1))")
            }
            first[key] = i
        }
    }

    /// Index of a required column; the error names every column the caller needs.
    public func requireColumn(_ name: String, of required: [String], source: String) throws(CSVError) -> Int {
        guard let i = column(name) else {
            throw CSVError(source: source, line: records.first?.line ?? 1, message: "missing column \"\(name)\"; the header must name \(required.joined(separator: ","))")
        }
        return i
    }
}

/// A problem in a CSV file: `days.csv:7: expected 3 fields as in the header, found 2`.
public typealias CSVError = LineMessage

extension String {
    /// Without leading and trailing spaces and tabs, which spreadsheets leave around values.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
