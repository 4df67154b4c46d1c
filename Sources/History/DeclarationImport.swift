import Calendars
import CapacityPolicy
import InputFormats
import OutputFormats

/// Past declarations from a CSV file (`date,window,<policy inputs>[,level]`, as a team's log of
/// checks holds them, or all of `plan history export`'s columns), checked row by row against the
/// policy that declares levels now.
///
/// The inputs are read as `plan level --input` reads them (`CheckColumns`). A window is one of
/// `windows` (the scenario's, or the handbook's), or any window when the file gives its check time
/// (`check_time`, HH:MM UTC), as an export does. The level is the policy's when the file gives
/// none. A recorded level that the policy would not declare is kept as recorded (it is what the
/// team did) and reported, so that a log from an older policy, or a mistake, is seen rather than
/// silently rewritten. What an export adds (`alerts`, `policy_sha256`, `source`, `recorded_at`)
/// is kept where given, so that an export imports back as it was.
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

    /// Reads every row of `text`; the first bad row is an error naming its line, and nothing is
    /// imported. A check given twice (same date and window) is an error naming both lines.
    ///
    /// - Complexity: O(rows × (inputs + criteria)).
    public init(text: String, source: String, table: EffectiveTable, windows: [CheckWindow] = CheckWindow.handbook, recordedAt: String) throws {
        let csv = try CSVTable(text: text, source: source)
        let policy = table.policy
        let inputs = try CheckColumns(csv, policy: policy, source: source, leading: ["date", "window"])
        let required = ["date", "window"] + CheckColumns.names(policy.inputs.map { ($0.name, $0.kind) })
        let dateColumn = try csv.requireColumn("date", of: required, source: source)
        let windowColumn = try csv.requireColumn("window", of: required, source: source)
        let optional = ExportColumns(csv)
        let compiled = CompiledPolicy(table)
        let policySHA256 = try table.sha256
        var checks: [DeclaredCheck] = []
        var disagreements: [Disagreement] = []
        // The line of each check read, by date and window: a second row of one check is an error,
        // since which of the two was declared would otherwise be decided by the order of the rows.
        var lines: [String: Int] = [:]
        // The windows the file defined with a check time, and the line that first did.
        var defined: [String: (window: CheckWindow, line: Int)] = [:]
        for record in csv.rows {
            func problem(_ message: String) -> CSVError { CSVError(source: source, line: record.line, message: message) }
            let values = try inputs.values(record)
            let dateText = record.fields[dateColumn].trimmingSpaces
            guard let date = CivilDate(supported: dateText) else {
                throw problem("column \"date\": expected a date \(CivilDate.expectation), found \"\(dateText.quotedInMessage)\"")
            }
            let windowText = record.fields[windowColumn].trimmingSpaces
            let window: CheckWindow
            if let clock = optional.field(optional.checkTime, of: record) {
                guard let minute = CheckWindow.minute(ofClock: clock) else {
                    throw problem("column \"check_time\": expected a time HH:MM (UTC) such as 10:00, found \"\(clock.quotedInMessage)\"")
                }
                guard !windowText.isEmpty else { throw problem("column \"window\": the window's name is empty") }
                let known = CheckWindow.named(windowText, in: windows) ?? defined[windowText.lowercased()]?.window
                if let known, known.checkMinute != minute {
                    let earlier = defined[windowText.lowercased()].map { " on line \($0.line)" } ?? ""
                    throw problem("column \"check_time\": the \(known.name) check is at \(CheckWindow.clock(known.checkMinute)) UTC\(earlier), not \(clock)")
                }
                window = known ?? CheckWindow(name: windowText, checkMinute: minute, coverage: minute..<minute)
                if defined[windowText.lowercased()] == nil { defined[windowText.lowercased()] = (window, record.line) }
            } else {
                guard let known = CheckWindow.named(windowText, in: windows) else {
                    throw problem("column \"window\": unknown window \"\(windowText.quotedInMessage)\"; expected \(windows.map(\.name).joined(separator: " or ")), "
                        + "or a column check_time with the window's check time")
                }
                window = known
            }
            if let earlier = lines.updateValue(record.line, forKey: "\(date) \(window.name)") {
                throw problem("the \(window.name) check of \(date) is also on line \(earlier); give each check once")
            }
            let computed = compiled.level(Observation(values)) + 1
            var level = computed
            var alerts = policy.alerts(upTo: computed - 1)
            if let text = optional.field(optional.level, of: record) {
                guard let recorded = Int(text), (1...policy.levels.count).contains(recorded) else {
                    throw problem("column \"level\": expected a level from 1 to \(policy.levels.count), found \"\(text.quotedInMessage)\"")
                }
                if recorded != computed { disagreements.append(Disagreement(source: source, line: record.line, recorded: recorded, policy: computed)) }
                level = recorded
                // The channels alerted are the recorded ones where the file has them (an export),
                // else those of the recorded level.
                alerts = optional.alerts.map { record.fields[$0].split(separator: " ").map(String.init) } ?? policy.alerts(upTo: level - 1)
            }
            let sha = optional.field(optional.policySHA256, of: record)
            if let sha, !(sha.count == 64 && sha.allSatisfy(\.isHexDigit)) {
                throw problem("column \"policy_sha256\": expected 64 hexadecimal digits, found \"\(sha.quotedInMessage)\"")
            }
            checks.append(DeclaredCheck(
                date: date, window: window.name, checkMinute: window.checkMinute,
                inputs: zip(policy.inputs, values).map { DeclaredCheck.Input(name: $0.name, value: $1, kind: $0.kind) },
                level: level, alerts: alerts, policySHA256: sha?.lowercased() ?? policySHA256,
                source: optional.field(optional.source, of: record) ?? "\(source):\(record.line)",
                recordedAt: optional.field(optional.recordedAt, of: record) ?? recordedAt))
        }
        self.checks = checks
        self.disagreements = disagreements
    }

    /// The columns a file may add to `date,window,<inputs>`: `level`, and what an export writes.
    private struct ExportColumns {
        let level, checkTime, alerts, policySHA256, source, recordedAt: Int?

        init(_ csv: CSVTable) {
            (level, checkTime, alerts) = (csv.column("level"), csv.column("check_time"), csv.column("alerts"))
            (policySHA256, source, recordedAt) = (csv.column("policy_sha256"), csv.column("source"), csv.column("recorded_at"))
        }

        /// The trimmed field of `column` on `record`; nil when the file has no such column or the field is empty.
        func field(_ column: Int?, of record: CSVTable.Record) -> String? {
            guard let column else { return nil }
            let text = record.fields[column].trimmingSpaces
            return text.isEmpty ? nil : text
        }
    }
}
