import OutputFormats
import RunArtifacts

extension RunDiff {
    /// What `plan diff` prints: the runs, what changed in their inputs, and the checks that moved.
    public func terminalText(earlierName: String, laterName: String) -> String {
        func run(_ name: String, _ report: StoredRun) -> String {
            "\(name) (run \(report.record.execution.started.prefix(10)), \(report.record.scenario.horizon.start)…\(report.record.scenario.horizon.end))"
        }
        var lines = [
            "From \(run(earlierName, earlier)) to \(run(laterName, later)): \(shared) shared check\(shared == 1 ? "" : "s").",
            changedInputs.isEmpty ? "Inputs: the same scenario facts, policy, assumptions and sampling."
                : "Inputs that changed: \(changedInputs.joined(separator: ", ")).",
        ]
        if !atTheLine.isEmpty {
            lines.append("At the line, not a change of level (the 95% interval of a deciding probability contains the planning risk, so the levels differ only within the noise): "
                + atTheLine.map { "\($0.date) \($0.window) \($0.planning.replacingOccurrences(of: " at the line", with: ""))" }.joined(separator: ", ") + ".")
        }
        guard !moves.isEmpty else {
            lines.append("No shared check changed its planning level or moved by \(NumberFormat.fixed(threshold * 100, 0)) points or more.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("Checks whose planning level changed or whose P(level ≥ k) moved by \(NumberFormat.fixed(threshold * 100, 0)) points or more:")
        var table = [["date", "day", "window", "planning", "largest move"]]
        for move in moves {
            table.append(["\(move.date)", move.date.weekday.abbreviation, move.window, move.planning,
                          "P(level ≥ \(move.level)) \(NumberFormat.percent(move.before)) → \(NumberFormat.percent(move.after)) "
                              + "(\(NumberFormat.signed((move.after - move.before) * 100, 1)) points)"])
        }
        let widths = table[0].indices.map { c in table.map { $0[c].count }.max()! + 2 }
        lines += table.map { row in row.enumerated().map { $0.element.column(widths[$0.offset]) }.joined().trimmingTrailingSpaces }
        lines.append("Unchanged: \(shared - moves.count) of \(shared) shared checks\(atTheLine.isEmpty ? "" : " (\(atTheLine.count) at the line)").")
        return lines.joined(separator: "\n") + "\n"
    }
}
