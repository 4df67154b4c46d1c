import InputFormats

/// `plan level --input days.csv`: a season of checks in one call. Each row's counts come from the
/// columns named after the policy's inputs (`open_cases` is accepted for the cases input `open`);
/// other columns, such as date and window, are passed through, and `level` and `alerts` added.
public struct LevelBatch: Sendable {
    public let table: EffectiveTable

    public init(table: EffectiveTable) { self.table = table }

    public func evaluate(_ csv: CSVTable, source: String) throws(CSVError) -> String {
        let policy = table.policy
        let required = policy.inputs.map { $0.kind == .cases && $0.name == "open" ? "open_cases" : $0.name }
        var columns: [Int] = []
        for (input, name) in zip(policy.inputs, required) {
            if let c = csv.column(name) ?? csv.column(input.name) { columns.append(c); continue }
            _ = try csv.requireColumn(name, of: required, source: source)
        }
        for extra in ["level", "alerts"] where csv.column(extra) != nil {
            throw CSVError(source: source, line: csv.records.first?.line ?? 1, message: "the input already has a column \"\(extra)\", which the output adds")
        }
        let compiled = CompiledPolicy(table)
        var out = CSVWriter.row(csv.header + ["level", "alerts"])
        for record in csv.rows {
            guard record.fields.count == csv.header.count else {
                throw CSVError(source: source, line: record.line, message: "expected \(csv.header.count) fields as in the header, found \(record.fields.count)")
            }
            var values: [Int] = []
            for (k, c) in columns.enumerated() {
                let text = record.fields[c].trimmingSpaces
                guard let v = Int(text), v >= 0 else {
                    throw CSVError(source: source, line: record.line, message: "column \"\(csv.header[c])\": \"\(text)\" is not a whole number of 0 or more (\(policy.inputs[k].description))")
                }
                values.append(v)
            }
            let level = compiled.level(Observation(values))
            let alerts = LevelReport.cumulative(policy.levels[0...level].map(\.alerts))
            out += CSVWriter.row(record.fields + [String(level + 1), alerts.joined(separator: " ")])
        }
        return out
    }
}
