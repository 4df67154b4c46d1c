import OutputFormats

extension DeclaredCheck {
    /// Declared checks as CSV, in the columns `plan history import` reads back:
    /// `date,window,<inputs>,level,alerts,policy_sha256,source,recorded_at` (alerts space-separated;
    /// formula-like text neutralised). The inputs are those of the first check's policy; with no
    /// checks, the header names none.
    ///
    /// - Complexity: O(checks × inputs).
    public static func csv(_ checks: [DeclaredCheck]) -> String {
        let inputs = checks.first?.inputs.map(\.name) ?? []
        var text = CSVWriter.row(["date", "window"] + inputs + ["level", "alerts", "policy_sha256", "source", "recorded_at"])
        for check in checks {
            text += CSVWriter.row(
                [check.date.description, check.window] + inputs.map { check.input($0).map(String.init) ?? "" }
                    + [String(check.level), check.alerts.joined(separator: " "), check.policySHA256, check.source, check.recordedAt])
        }
        return text
    }

    /// Declared checks as a terminal table: date, weekday, window, inputs, level, alerts, source.
    public static func table(_ checks: [DeclaredCheck]) -> String {
        let inputs = checks.first?.inputs.map(\.name) ?? []
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
}
