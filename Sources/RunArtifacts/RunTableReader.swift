import Calendars
import InputFormats
import OutputFormats

/// A CSV file of a run directory read by column name, each value checked as it is read, so that a
/// damaged file is reported as `checks.csv:7: column "p_ge_3": expected a probability, found "x"`
/// rather than drawn as a wrong page.
struct RunTableReader {
    let rows: [Row]

    /// One record; `value(_:)` and the typed readers look a column up by name.
    struct Row {
        let fields: [String]
        let line: Int
        let source: String
        let columns: [String: Int]

        /// The field as the tool wrote it, with the mark that kept a spreadsheet from reading it as a formula removed.
        func value(_ column: String) -> String { CSVWriter.restoredText(fields[columns[column]!]) }

        func problem(_ column: String, _ message: String) -> RunFileError {
            RunFileError.malformed("\(source):\(line): column \"\(column)\": \(message)")
        }

        func date(_ column: String) throws(RunFileError) -> CivilDate {
            guard let date = CivilDate(iso: value(column)) else { throw problem(column, "expected a date such as 2026-12-01, found \"\(value(column))\"") }
            return date
        }

        /// A finite number, or +infinity written "inf" (a load when nobody works).
        /// A load: a number, or an empty cell for +infinity (nobody working while cases are open).
        func load(_ column: String) throws(RunFileError) -> Double {
            value(column).isEmpty ? .infinity : try number(column)
        }

        func number(_ column: String) throws(RunFileError) -> Double {
            let text = value(column)
            guard let number = Double(text), !number.isNaN, number != -.infinity, text.allSatisfy(\.isASCII),
                  number.isFinite || text == "inf" else {
                throw problem(column, "expected a number, found \"\(text)\"")
            }
            return number
        }

        func probability(_ column: String) throws(RunFileError) -> Double {
            let p = try number(column)
            guard (0...1).contains(p) else { throw problem(column, "expected a probability between 0 and 1, found \(value(column))") }
            return p
        }

        func count(_ column: String) throws(RunFileError) -> Int {
            guard let n = Int(value(column)), n >= 0 else { throw problem(column, "expected a whole number, found \"\(value(column))\"") }
            return n
        }

        func level(_ column: String, of levelCount: Int) throws(RunFileError) -> Int {
            let k = try count(column)
            guard (1...levelCount).contains(k) else { throw problem(column, "expected a level from 1 to \(levelCount), found \(k)") }
            return k
        }
    }

    /// Reads `text`; the header must name every column of `required` (others are allowed) and
    /// every record must have as many fields as the header. `formerNames` maps a column's name to
    /// the name a released version wrote it under (`level` ← `planning_level`): a header without
    /// the name but with the former one is read as if it had the name, so runs written before the
    /// CSV column convention (docs/CLI.md, "CSV files") read back.
    ///
    /// - Complexity: O(size of the text).
    init(text: String, source: String, required: [String], formerNames: [String: String] = [:]) throws(RunFileError) {
        let table: CSVTable
        do {
            table = try CSVTable(text: text, source: source)
        } catch {
            throw RunFileError.malformed(error.description)
        }
        guard let header = table.records.first else {
            throw RunFileError.malformed("\(source):1: empty file; expected a header naming \(required.joined(separator: ","))")
        }
        var columns: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() where columns[name] == nil { columns[name] = i }
        for (name, former) in formerNames where columns[name] == nil { columns[name] = columns[former] }
        for name in required where columns[name] == nil {
            throw RunFileError.malformed("\(source):\(header.line): missing column \"\(name)\"")
        }
        rows = try table.rows.map { record throws(RunFileError) in
            guard record.fields.count == header.fields.count else {
                throw RunFileError.malformed("\(source):\(record.line): expected \(header.fields.count) fields as in the header, found \(record.fields.count)")
            }
            return Row(fields: record.fields, line: record.line, source: source, columns: columns)
        }
    }
}
