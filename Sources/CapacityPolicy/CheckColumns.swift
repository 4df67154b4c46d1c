import InputFormats

/// The columns of a CSV of checks that hold a policy's inputs, and their values row by row: the
/// one reader of check files, shared by `plan level --input` (`LevelBatch`) and `plan history
/// import` (`DeclarationImport`), so that both accept the same files and report a bad value alike.
///
/// An input is read from the column of its own name or, for the policy's cases input, from
/// `open_cases`, as a team's log of checks and `plan history export` call it whatever the input's
/// name. Other columns are left to the caller.
public struct CheckColumns: Sendable {
    public let policy: Policy
    /// The column of each input, in the policy's order.
    public let columns: [Int]
    /// The header's field count, which every row must have.
    let width: Int
    let header: [String]
    let source: String

    /// The column a CSV of checks is written with for each of `inputs` (name and kind, in order):
    /// the input's name, but `open_cases` for the first cases input unless an input has that name
    /// (checks of several policies can hold several cases inputs; the others keep their names).
    public static func names(_ inputs: [(name: String, kind: Input.Kind?)]) -> [String] {
        var free = !inputs.contains { $0.name.lowercased() == casesColumn }
        return inputs.map { input in
            guard input.kind == .cases, free else { return input.name }
            free = false
            return casesColumn
        }
    }

    /// The column the cases input is read from, whatever its name.
    public static let casesColumn = "open_cases"

    /// Finds every input's column in `csv`; a missing one is an error naming the columns a header
    /// needs, `leading` (such as `date,window`) first.
    public init(_ csv: CSVTable, policy: Policy, source: String, leading: [String] = []) throws(CSVError) {
        try csv.requireDistinctColumns(source: source)
        let names = Self.names(policy.inputs.map { ($0.name, $0.kind) })
        var columns: [Int] = []
        for (input, name) in zip(policy.inputs, names) {
            if let c = csv.column(input.name) ?? csv.column(name) { columns.append(c); continue }
            _ = try csv.requireColumn(name, of: leading + names, source: source)
        }
        (self.policy, self.columns, self.width, self.header, self.source) = (policy, columns, csv.header.count, csv.header, source)
    }

    /// The inputs' values on `record`, in the policy's order; a short or long row, or a value that
    /// is not a count from 0 to `Observation.maximumCount`, is an error naming its line and column.
    public func values(_ record: CSVTable.Record) throws(CSVError) -> [Int] {
        guard record.fields.count == width else {
            throw CSVError(source: source, line: record.line, message: "expected \(width) fields as in the header, found \(record.fields.count)")
        }
        var values: [Int] = []
        for (k, c) in columns.enumerated() {
            let text = record.fields[c].trimmingSpaces
            guard let value = Int(text), value >= 0, value <= Observation.maximumCount else {
                let what = Int(text).map { $0 < 0 ? "a negative count" : "too large" } ?? "not a whole number"
                throw CSVError(source: source, line: record.line, message: "column \"\(header[c].trimmingSpaces)\": \"\(text.quotedInMessage)\" is \(what); "
                    + "expected a whole number from 0 to \(Observation.maximumCount) (\(policy.inputs[k].description))")
            }
            values.append(value)
        }
        return values
    }
}
