import OutputFormats

extension Sensitivity {
    /// The heading sentence every output shares: what was moved, what is measured, and on what.
    public var measure: String {
        "expected checks at level ≥ \(level) (\(levelName)) over \(checkCount) checks"
            + (worstCheck.map { ", and P(level ≥ \(level)) at the worst check, \($0.date) \($0.window) (\(NumberFormat.percent($0.probability)))" } ?? "")
    }

    /// What `plan sensitivity` prints: the tornado as a table, largest swing first (change in
    /// expected checks at ≥ k and in P(≥ k) at the worst check, at each end), the inputs that moved
    /// no trial, and the stress run.
    ///
    /// - Complexity: O(inputs).
    public var text: String {
        var lines = [
            "What the risk of \(scenarioName) hangs on: \(measure).",
            "\(trials) trials per run, seed \(seed); every run on the same random numbers as the scenario's own, so an input the scenario does not use changes nothing.",
            "The scenario itself: \(NumberFormat.fixed(baseExpectedChecks, 1)) expected checks at ≥ \(level).",
            "",
            "Change at each end of the input's range: expected checks at ≥ \(level); P(≥ \(level)) at the worst check in points. Range from the fit, or the default (docs/WHATIF.md).",
            Self.row(["input", "range (now)", "from", "low: checks", "worst", "high: checks", "worst"]),
        ]
        for row in rows where !row.isUnused {
            lines.append(Self.row([
                row.input.path, Self.range(row), row.fromFit ? "fit" : "default",
                NumberFormat.signed(row.low.change, 2), Self.points(row.low.worst),
                NumberFormat.signed(row.high.change, 2), Self.points(row.high.worst),
            ]))
        }
        let unused = rows.filter(\.isUnused)
        if !unused.isEmpty {
            lines.append("")
            lines.append("No effect in any trial (the scenario does not use them over this range): \(unused.map(\.input.path).joined(separator: ", ")).")
        }
        for (input, reason) in notApplicable {
            lines.append("Not applicable: \(input.path) (\(reason)).")
        }
        lines.append("")
        lines.append(stressSentence)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The few lines `plan simulate --intervals` adds to its summary: the three inputs that move the
    /// expected checks most, with both ends' changes, and the stress run.
    public var shortSummary: String {
        let moving = rows.filter { !$0.isUnused }.prefix(3).map { row in
            "\(row.input.path) \(NumberFormat.signed(row.low.change, 1)) / \(NumberFormat.signed(row.high.change, 1))"
        }
        var lines = ["What the risk hangs on: change in expected checks at ≥ \(level), low / high end of its range:"]
        lines += moving.map { "  " + $0 }
        if let stress { lines.append("  every input at its adverse end at once: \(NumberFormat.signed(stress.outcome.change, 1))") }
        lines.append("  plan sensitivity gives every input, the tornado and the change at the worst check.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Stress: every input at its adverse end (…): 14.2 expected checks at ≥ 4 (+4.4); …".
    public var stressSentence: String {
        guard let stress else { return "Stress: no input raises the expected checks at ≥ \(level) at either end; there is no adverse end to combine." }
        let settings = stress.settings.map { "\($0.input.path) \(NumberFormat.plain($0.value))" }.joined(separator: ", ")
        var sentence = "Stress, every input at its adverse end at once (\(settings)): \(NumberFormat.fixed(stress.outcome.expectedChecks, 1)) expected checks at ≥ \(level) "
            + "(\(NumberFormat.signed(stress.outcome.change, 1)))"
        if let worstCheck, let change = stress.outcome.worst {
            sentence += "; P(level ≥ \(level)) at \(worstCheck.date) \(worstCheck.window) \(NumberFormat.percent(change.base)) → \(NumberFormat.percent(change.variant))"
                + " (\(Self.points(change)) points, 95% interval \(NumberFormat.signed(change.difference.low * 100, 1)) to \(NumberFormat.signed(change.difference.high * 100, 1)))"
        }
        return sentence + "."
    }

    /// "27 … 33 (30)".
    static func range(_ row: Row) -> String {
        "\(NumberFormat.plain(row.range.lowerBound))…\(NumberFormat.plain(row.range.upperBound)) (\(NumberFormat.plain(row.value)))"
    }

    /// The change at the worst check in points, "·" when no check has a probability below 100%.
    static func points(_ change: LevelChange?) -> String {
        change.map { NumberFormat.signed($0.difference.estimate * 100, 1) } ?? "·"
    }

    static func row(_ cells: [String]) -> String {
        let widths = [33, 22, 8, 13, 8, 13, 8]
        return zip(cells, widths).map { $0.column($1) }.joined().trimmingTrailingSpaces
    }
}
