import CapacityPolicy
import OutputFormats

extension DeclaredCheck {
    /// Declared checks as CSV, in the columns `plan history import` and `plan level --input` read
    /// back: `date,window,check_time,<inputs>,level,alerts,policy_sha256,source,recorded_at`
    /// (check time HH:MM UTC, so that a window of any name imports back; the cases input as
    /// `open_cases`; alerts space-separated; formula-like text neutralised). The inputs are those
    /// of every check, in the order they first appear; a check without one leaves its field empty.
    ///
    /// - Complexity: O(checks × inputs).
    public static func csv(_ checks: [DeclaredCheck]) -> String {
        let inputs = inputNames(checks)
        let columns = CheckColumns.names(inputs.map { name in (name, checks.lazy.compactMap { $0.inputs.first { $0.name == name }?.kind }.first) })
        var text = CSVWriter.row(["date", "window", "check_time"] + columns + ["level", "alerts", "policy_sha256", "source", "recorded_at"])
        for check in checks {
            text += CSVWriter.row(
                [check.date.description, check.window, CheckWindow.clock(check.checkMinute)] + inputs.map { check.input($0).map(String.init) ?? "" }
                    + [String(check.level), check.alerts.joined(separator: " "), check.policySHA256, check.source, check.recordedAt])
        }
        return text
    }

    /// Declared checks as a terminal table: date, weekday, window, inputs, level, alerts, source.
    public static func table(_ checks: [DeclaredCheck]) -> String {
        let inputs = inputNames(checks)
        var lines = [("date".column(12) + "day".column(5) + "window".column(10) + inputs.map { $0.column(7) }.joined()
            + "level".column(7) + "alerts".column(40) + "source").trimmingTrailingSpaces]
        for check in checks {
            let alerts = check.alerts.isEmpty ? "—" : check.alerts.joined(separator: " ")
            lines.append((check.date.description.column(12) + check.date.weekday.abbreviation.column(5) + check.window.column(10)
                + inputs.map { (check.input($0).map(String.init) ?? "").column(7) }.joined()
                + String(check.level).column(7) + alerts.column(40) + check.source).trimmingTrailingSpaces)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The names of the inputs of every check, in the order they first appear: checks declared
    /// under several policies keep all their inputs.
    private static func inputNames(_ checks: [DeclaredCheck]) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for check in checks {
            for input in check.inputs where seen.insert(input.name).inserted { names.append(input.name) }
        }
        return names
    }
}
