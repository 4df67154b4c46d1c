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
        var records: [Record] = []
        var parser = CSVRecordParser(source: source)
        try parser.feed(text.utf8) { records.append($0) }
        try parser.finish { records.append($0) }
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
