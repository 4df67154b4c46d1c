import Calendars
import CapacityPolicy
import InputFormats
import OutputFormats

/// Past declarations from a CSV file (`date,window,<policy inputs>[,level]`, as a team's log of
/// checks holds them), checked row by row against the policy that declares levels now.
///
/// The level is the policy's when the file gives none. A recorded level that the policy would not
/// declare is kept as recorded (it is what the team did) and reported, so that a log from an
/// older policy, or a mistake, is seen rather than silently rewritten.
public struct DeclarationImport: Sendable {
    public let checks: [DeclaredCheck]
    public let disagreements: [Disagreement]

    /// A row whose recorded level is not the one the policy gives for its inputs.
    public struct Disagreement: Sendable, Equatable, CustomStringConvertible {
        public let source: String
        public let line: Int
        public let recorded: Int
        public let policy: Int

        public var description: String {
            "\(source):\(line): level \(recorded) was recorded; the policy gives level \(policy) for these counts (stored as recorded)"
        }
    }

    /// The windows a declaration may name, matched without regard to case.
    public static let windows = [CheckWindow.emea, CheckWindow.americas]

    /// Reads every row of `text`; the first bad row is an error naming its line, and nothing is
    /// imported. A check given twice (same date and window) is an error naming both lines.
    ///
    /// - Complexity: O(rows × (inputs + criteria)).
    public init(text: String, source: String, table: EffectiveTable, recordedAt: String) throws {
        let csv = try CSVTable(text: text, source: source)
        try csv.requireDistinctColumns(source: source)
        let policy = table.policy
        let names = policy.inputs.map(LevelBatch.columnName)
        let required = ["date", "window"] + names
        let dateColumn = try csv.requireColumn("date", of: required, source: source)
        let windowColumn = try csv.requireColumn("window", of: required, source: source)
        var inputColumns: [Int] = []
        for (input, name) in zip(policy.inputs, names) {
            if let c = csv.column(input.name) { inputColumns.append(c); continue }
            inputColumns.append(try csv.requireColumn(name, of: required, source: source))
        }
        let levelColumn = csv.column("level")
        let compiled = CompiledPolicy(table)
        let policySHA256 = try table.sha256
        var checks: [DeclaredCheck] = []
        var disagreements: [Disagreement] = []
        // The line of each check read, by date and window: a second row of one check is an error,
        // since which of the two was declared would otherwise be decided by the order of the rows.
        var lines: [String: Int] = [:]
        for record in csv.rows {
            func problem(_ message: String) -> CSVError { CSVError(source: source, line: record.line, message: message) }
            guard record.fields.count == csv.header.count else {
                throw problem("expected \(csv.header.count) fields as in the header, found \(record.fields.count)")
            }
            let dateText = record.fields[dateColumn].trimmingSpaces
            guard let date = CivilDate(supported: dateText) else {
                throw problem("column \"date\": expected a date \(CivilDate.expectation), found \"\(dateText.quotedInMessage)\"")
            }
            let windowText = record.fields[windowColumn].trimmingSpaces
            guard let window = Self.windows.first(where: { $0.name.lowercased() == windowText.lowercased() }) else {
                throw problem("column \"window\": unknown window \"\(windowText.quotedInMessage)\"; expected \(Self.windows.map(\.name).joined(separator: " or "))")
            }
            if let earlier = lines.updateValue(record.line, forKey: "\(date) \(window.name)") {
                throw problem("the \(window.name) check of \(date) is also on line \(earlier); give each check once")
            }
            var values: [Int] = []
            for (k, c) in inputColumns.enumerated() {
                let text = record.fields[c].trimmingSpaces
                guard let value = Int(text), value >= 0, value <= Observation.maximumCount else {
                    let what = Int(text).map { $0 < 0 ? "a negative count" : "too large" } ?? "not a whole number"
                    throw problem("column \"\(csv.header[c].trimmingSpaces)\": \"\(text.quotedInMessage)\" is \(what); expected a whole number from 0 to \(Observation.maximumCount) (\(policy.inputs[k].description))")
                }
                values.append(value)
            }
            let computed = compiled.level(Observation(values)) + 1
            var level = computed
            if let levelColumn, !record.fields[levelColumn].trimmingSpaces.isEmpty {
                let text = record.fields[levelColumn].trimmingSpaces
                guard let recorded = Int(text), (1...policy.levels.count).contains(recorded) else {
                    throw problem("column \"level\": expected a level from 1 to \(policy.levels.count), found \"\(text.quotedInMessage)\"")
                }
                if recorded != computed { disagreements.append(Disagreement(source: source, line: record.line, recorded: recorded, policy: computed)) }
                level = recorded
            }
            checks.append(DeclaredCheck(
                date: date, window: window.name, checkMinute: window.checkMinute,
                inputs: zip(policy.inputs, values).map { DeclaredCheck.Input(name: $0.name, value: $1) },
                level: level, alerts: policy.alerts(upTo: level - 1), policySHA256: policySHA256,
                source: "\(source):\(record.line)", recordedAt: recordedAt))
        }
        self.checks = checks
        self.disagreements = disagreements
    }
}
