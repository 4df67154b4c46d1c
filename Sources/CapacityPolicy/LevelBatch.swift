import InputFormats

/// `plan level --input days.csv`: a season of checks in one call. Each row's counts come from the
/// columns of the policy's inputs (`CheckColumns`: their names, `open_cases` for the cases input);
/// other columns, such as date and window, are passed through, and `level`, `level_name` and `alerts` added.
public struct LevelBatch: Sendable {
    public let table: EffectiveTable

    /// A record of the input with the level its counts give and the channels alerted up to it.
    public struct Row: Sendable, Equatable {
        public let fields: [String]
        /// 1-based, as the handbook numbers levels.
        public let level: Int
        public let alerts: [String]
    }

    /// The columns the rows are written with: the input's, then `level`, `level_name` and `alerts`.
    public static let addedColumns = ["level", "level_name", "alerts"]

    public init(table: EffectiveTable) { self.table = table }

    /// Every record of `csv`, evaluated; the first record that cannot be is an error naming its line.
    ///
    /// - Complexity: O(records × criteria).
    public func evaluate(_ csv: CSVTable, source: String) throws(CSVError) -> [Row] {
        let policy = table.policy
        let inputs = try CheckColumns(csv, policy: policy, source: source)
        for extra in Self.addedColumns where csv.column(extra) != nil {
            throw CSVError(source: source, line: csv.records.first?.line ?? 1, message: "the input already has a column \"\(extra)\", which the output adds")
        }
        let compiled = CompiledPolicy(table)
        var rows: [Row] = []
        for record in csv.rows {
            let values = try inputs.values(record)
            let level = compiled.level(Observation(values))
            rows.append(Row(fields: record.fields, level: level + 1, alerts: policy.alerts(upTo: level)))
        }
        return rows
    }
}
