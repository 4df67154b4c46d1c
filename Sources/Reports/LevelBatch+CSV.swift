import CapacityPolicy
import InputFormats
import OutputFormats

extension LevelBatch {
    /// `plan level --input`: the input written back with the columns `level`, `level_name` (as the
    /// policy names it) and `alerts` (the channels alerted up to that level, space-separated). Text
    /// that a spreadsheet would run as a formula, in any column passed through, is neutralised
    /// (`CSVWriter`).
    ///
    /// - Complexity: O(records × (fields + criteria)).
    public func csv(_ input: CSVTable, source: String) throws(CSVError) -> String {
        let rows = try evaluate(input, source: source)
        let names = table.policy.levels.map(\.name)
        return CSVWriter.row(input.header + LevelBatch.addedColumns)
            + rows.map { CSVWriter.row($0.fields + [String($0.level), names[$0.level - 1], $0.alerts.joined(separator: " ")]) }.joined()
    }
}
