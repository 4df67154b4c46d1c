import CapacityPolicy
import InputFormats
import OutputFormats

extension LevelBatch {
    /// `plan level --input … --format json`: one object per input record, in file order, with the
    /// record's fields by column name, its level and the channels alerted up to it. The fields stay
    /// under their own key so that no input column can collide with `level` or `alerts`.
    ///
    /// - Complexity: O(records × (fields + criteria)).
    public func json(_ input: CSVTable, source: String) throws -> String {
        struct Record: Encodable {
            let line: Int
            let fields: [String: String]
            let level: Int
            let alerts: [String]
        }
        let rows = try evaluate(input, source: source)
        let header = input.header.map(\.trimmingSpaces)
        return try encodeJSON(zip(input.rows, rows).map { record, row in
            Record(line: record.line, fields: Dictionary(uniqueKeysWithValues: zip(header, row.fields)), level: row.level, alerts: row.alerts)
        })
    }
}
