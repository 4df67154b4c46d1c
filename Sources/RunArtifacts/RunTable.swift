import OutputFormats

/// One table of a run's output — the rows of a CSV file and the same rows in the JSON document —
/// built once, so that `checks.csv` and the `checks` of `--format json` cannot say different things.
public struct RunTable: Sendable, Equatable {
    public let columns: [String]
    public let rows: [[Value]]

    public init(columns: [String], rows: [[Value]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row has one value per column")
        self.columns = columns
        self.rows = rows
    }

    /// RFC 4180 text with a header record and LF line ends; text that a spreadsheet would run as
    /// a formula is neutralised (`CSVWriter`).
    ///
    /// - Complexity: O(rows × columns).
    public var csv: String {
        CSVWriter.row(columns) + rows.map { CSVWriter.row($0.map(\.text)) }.joined()
    }

    /// The rows as JSON objects keyed by column name.
    public var records: [Record] { rows.map { Record(columns: columns, values: $0) } }

    /// A value in a table. Numbers carry their decimals, so the CSV text and the JSON number are
    /// the same rounded value.
    public enum Value: Sendable, Equatable, Encodable {
        case text(String)
        case integer(Int)
        /// Written with exactly `digits` decimals; +infinity is "inf" in CSV, and JSON refuses it
        /// (`encodeJSON`): a value that may be infinite is a `load`.
        case number(Double, digits: Int)
        /// No value: an empty CSV field, JSON null.
        case empty

        /// The CSV field.
        public var text: String {
            switch self {
            case .text(let text): return text
            case .integer(let value): return String(value)
            case .number(let value, let digits): return NumberFormat.fixed(value, digits)
            case .empty: return ""
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .integer(let value): try container.encode(value)
            case .number(let value, let digits):
                // The rounded decimal read back, so JSON prints "0.1235" rather than the unrounded binary value.
                try container.encode(value.isFinite ? Double(NumberFormat.fixed(value, digits))! : value)
            case .empty: try container.encodeNil()
            }
        }

        /// Probabilities and their interval bounds: 4 decimals, enough for the 1/10,000 of a large run.
        static func probability(_ value: Double) -> Value { .number(value, digits: 4) }
        /// Means of counts, loads and expected numbers of checks: 2 decimals.
        static func mean(_ value: Double) -> Value { .number(value, digits: 2) }
        /// A percentile of a count, which is itself a count.
        static func wholeNumber(_ value: Double) -> Value { .integer(Int(value)) }
        /// A load: 2 decimals, and an empty cell (JSON null) when it is +infinity, nobody working
        /// while cases are open, which `nobody_working` counts instead: "inf" is text to a spreadsheet.
        static func load(_ value: Double) -> Value { value.isFinite ? .mean(value) : .empty }
    }

    /// One row of a table as a JSON object keyed by column name.
    public struct Record: Sendable, Encodable {
        let columns: [String]
        let values: [Value]

        private struct Key: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (column, value) in zip(columns, values) { try container.encode(value, forKey: Key(stringValue: column)) }
        }
    }
}
