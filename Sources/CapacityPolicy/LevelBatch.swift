import InputFormats

/// `plan level --input days.csv`: a season of checks in one call. Each row's counts come from the
/// columns named after the policy's inputs (`open_cases` is accepted for the cases input `open`);
/// other columns, such as date and window, are passed through, and `level` and `alerts` added.
public struct LevelBatch: Sendable {
    public let table: EffectiveTable

    /// A record of the input with the level its counts give and the channels alerted up to it.
    public struct Row: Sendable, Equatable {
        public let fields: [String]
        /// 1-based, as the handbook numbers levels.
        public let level: Int
        public let alerts: [String]
    }

    /// The columns the rows are written with: the input's, then `level` and `alerts`.
    public static let addedColumns = ["level", "alerts"]

    public init(table: EffectiveTable) { self.table = table }

    /// The column a CSV of checks names an input by: its name, but `open_cases` for the cases
    /// input `open`, as a team's log of checks calls it. The input's own name is accepted too.
    public static func columnName(for input: Input) -> String {
        input.kind == .cases && input.name == "open" ? "open_cases" : input.name
    }

    /// Every record of `csv`, evaluated; the first record that cannot be is an error naming its line.
    ///
    /// - Complexity: O(records × criteria).
    public func evaluate(_ csv: CSVTable, source: String) throws(CSVError) -> [Row] {
        let policy = table.policy
        let required = policy.inputs.map(Self.columnName)
        try csv.requireDistinctColumns(source: source)
        var columns: [Int] = []
        for (input, name) in zip(policy.inputs, required) {
            if let c = csv.column(name) ?? csv.column(input.name) { columns.append(c); continue }
            _ = try csv.requireColumn(name, of: required, source: source)
        }
        for extra in Self.addedColumns where csv.column(extra) != nil {
            throw CSVError(source: source, line: csv.records.first?.line ?? 1, message: "the input already has a column \"\(extra)\", which the output adds")
        }
        let compiled = CompiledPolicy(table)
        var rows: [Row] = []
        for record in csv.rows {
            guard record.fields.count == csv.header.count else {
                throw CSVError(source: source, line: record.line, message: "expected \(csv.header.count) fields as in the header, found \(record.fields.count)")
            }
            var values: [Int] = []
            for (k, c) in columns.enumerated() {
                let text = record.fields[c].trimmingSpaces
                guard let v = Int(text), v >= 0, v <= Observation.maximumCount else {
                    throw CSVError(source: source, line: record.line, message: "column \"\(csv.header[c])\": \"\(text)\" is not a whole number from 0 to \(Observation.maximumCount) (\(policy.inputs[k].description))")
                }
                values.append(v)
            }
            let level = compiled.level(Observation(values))
            rows.append(Row(fields: record.fields, level: level + 1, alerts: policy.alerts(upTo: level)))
        }
        return rows
    }
}
