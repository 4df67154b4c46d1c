import CapacityPolicy
import InputFormats
import OutputFormats

extension LevelBatch {
    /// `plan level --input --format text`: one line a row, the input's columns aligned under its
    /// header, then the level with its name and the channels alerted, for a person to read (`csv`
    /// is the same rows for a program). Control characters in the input are shown escaped, so that
    /// a field cannot move the terminal's cursor.
    ///
    /// - Complexity: O(records × (fields + criteria)).
    public func text(_ input: CSVTable, source: String) throws(CSVError) -> String {
        let rows = try evaluate(input, source: source)
        let levels = table.policy.levels
        let lines = [input.header + ["level", "alerts"]] + rows.map { row in
            row.fields + ["\(row.level) \(levels[row.level - 1].name)", row.alerts.isEmpty ? "no channel" : row.alerts.joined(separator: ", ")]
        }.map { $0.map(\.escapingControlCharacters) }
        let widths = lines[0].indices.map { c in lines.map { $0[c].count }.max()! + 2 }
        return lines.map { line in zip(line, widths).map { $0.column($1) }.joined().trimmingTrailingSpaces + "\n" }.joined()
    }
}
