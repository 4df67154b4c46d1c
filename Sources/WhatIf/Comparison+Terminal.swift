import OutputFormats

extension Comparison {
    /// What `plan compare` and `plan whatif` print: one row per check that changed in any trial,
    /// with the change in P(level ≥ k) for every k in percentage points (`*` significant, `·` equal
    /// in every trial), the unchanged checks in one line, the largest significant changes with their
    /// intervals, and the change in recommendations.
    ///
    /// - Complexity: O(checks × levels).
    public func terminalText(baseName: String, variantName: String) -> String {
        var lines = [
            "Comparison: \(baseName) → \(variantName)",
            "\(trials) paired trials, seed \(seed): both runs of each trial draw the same random numbers (common random numbers),",
            "so a difference comes from the edit, not from chance; where the edit cannot reach, the runs are identical.",
            "",
        ]
        let changed = changedChecks
        if changed.isEmpty {
            lines.append("No check changed in any trial: the variant reaches the same level as the base in every trial.")
        } else {
            let levels = checks.first?.changes.map(\.level) ?? []
            lines.append("Change in P(level ≥ k), percentage points; * significant (95% paired interval excludes 0), · equal in every trial.")
            lines.append("planning: the planning level of \(baseName) → of \(variantName); one number when they agree.")
            lines.append(Self.row(["date", "window", "planning"] + levels.map { "≥\($0)" }))
            for check in changed {
                let planning = check.planningLevelBase == check.planningLevelVariant
                    ? "\(check.planningLevelBase)" : "\(check.planningLevelBase)→\(check.planningLevelVariant)"
                lines.append(Self.row(["\(check.date)", check.window, planning] + check.changes.map(Self.cell)))
            }
            lines.append("")
            lines.append(unchangedSummary)
        }
        let significant = checks.flatMap { check in check.changes.filter(\.difference.isSignificant).map { (check, $0) } }
            .sorted { abs($0.1.difference.estimate) > abs($1.1.difference.estimate) }
        if !significant.isEmpty {
            lines.append("")
            lines.append("Largest significant changes:")
            for (check, change) in significant.prefix(5) {
                let d = change.difference
                lines.append("  \(check.date)  \(check.window.column(9)) P(level ≥ \(change.level)) "
                    + "\(NumberFormat.percent(change.base)) → \(NumberFormat.percent(change.variant))  "
                    + "\(NumberFormat.signed(d.estimate * 100, 1)) points [\(NumberFormat.signed(d.low * 100, 1)), \(NumberFormat.signed(d.high * 100, 1))]")
            }
        }
        lines.append("")
        if recommendationChanges.isEmpty {
            lines.append("Recommendations: unchanged.")
        } else {
            lines.append("Recommendations (channels to brief ahead, P(needed) ≥ threshold):")
            for change in recommendationChanges {
                let dates = change.first == change.last ? "\(change.first)" : "\(change.first)…\(change.last)"
                lines.append("  \(change.kind.rawValue.column(7)) \(change.channel) (level \(change.level)), \(change.window), \(dates): "
                    + "P(needed) up to \(NumberFormat.fixed(change.variantProbability, 2)), was \(NumberFormat.fixed(change.baseProbability, 2))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Unchanged in every trial: 28 of 44 checks (2026-12-01…2026-12-18, 2026-12-28 EMEA)": whole
    /// check days as runs of consecutive check days, single windows by name.
    var unchangedSummary: String {
        let unchanged = checks.filter(\.isUnchanged)
        guard !unchanged.isEmpty else { return "Every check changed in at least one trial." }
        let dates = Array(Set(checks.map(\.date))).sorted()
        let days = dates.map { date in checks.filter { $0.date == date } }
        let wholeDays = days.runs { $0.allSatisfy(\.isUnchanged) }
        var parts: [String] = []
        for (i, day) in days.enumerated() {
            if let run = wholeDays.first(where: { $0.lowerBound == i }) {
                parts.append(run.count == 1 ? "\(dates[i])" : "\(dates[i])…\(dates[run.upperBound])")
            } else if !day.allSatisfy(\.isUnchanged) {
                parts += day.filter(\.isUnchanged).map { "\(dates[i]) \($0.window)" }
            }
        }
        return "Unchanged in every trial: \(unchanged.count) of \(checks.count) checks (\(parts.joined(separator: ", ")))."
    }

    /// A change that rounds to 0.0 percentage points but is not zero reads "+<0.1", so that it is
    /// not mistaken for no change.
    private static func cell(_ change: LevelChange) -> String {
        let d = change.difference
        guard d.baseOnly + d.variantOnly > 0 else { return "·" }
        let points = d.estimate * 100
        let text = abs(points) < 0.05 ? (points < 0 ? "−<0.1" : "+<0.1") : NumberFormat.signed(points, 1)
        return text + (d.isSignificant ? "*" : "")
    }

    private static func row(_ fields: [String]) -> String {
        let widths = [12, 10, 10]
        return fields.enumerated().map { i, field in field.column(i < widths.count ? widths[i] : 8) }.joined().trimmingTrailingSpaces
    }
}
