import OutputFormats

extension Sensitivity {
    public static let csvHeader = [
        "input", "label", "value", "low", "high", "range_from", "end", "end_value", "expected_checks", "change",
        "worst_date", "worst_window", "p_worst_base", "p_worst", "p_worst_change", "ci_low", "ci_high", "unchanged", "level", "level_name",
    ]

    /// `sensitivity.csv`: two rows per input (its low and high end), in tornado order, then one
    /// row `stress`. Probabilities 0–1 with 4 decimals; `unchanged` is true when no trial reached
    /// another level at any check; `worst_date,worst_window` name the worst check; `level,level_name` is the
    /// k of "expected checks at ≥ k" and P(≥ k).
    ///
    /// - Complexity: O(inputs).
    public var csv: String {
        var text = CSVWriter.row(Self.csvHeader)
        func cells(_ end: End) -> [String] {
            let worst = end.worst
            return [
                NumberFormat.fixed(end.expectedChecks, 4), NumberFormat.fixed(end.change, 4),
                worstCheck.map { "\($0.date)" } ?? "", worstCheck?.window ?? "",
                worst.map { NumberFormat.fixed($0.base, 4) } ?? "", worst.map { NumberFormat.fixed($0.variant, 4) } ?? "",
                worst.map { NumberFormat.fixed($0.difference.estimate, 4) } ?? "",
                worst.map { NumberFormat.fixed($0.difference.low, 4) } ?? "", worst.map { NumberFormat.fixed($0.difference.high, 4) } ?? "",
                end.isUnchanged ? "true" : "false", "\(level)", levelName,
            ]
        }
        for row in rows {
            for (name, end) in [("low", row.low), ("high", row.high)] {
                text += CSVWriter.row([
                    row.input.path, row.input.label, NumberFormat.plain(row.value), NumberFormat.plain(row.range.lowerBound),
                    NumberFormat.plain(row.range.upperBound), row.fromFit ? "fit" : "default", name, NumberFormat.plain(end.value),
                ] + cells(end))
            }
        }
        if let stress {
            text += CSVWriter.row(["stress", "every input at its adverse end", "", "", "", "", "adverse", ""] + cells(stress.outcome))
        }
        return text
    }
}
