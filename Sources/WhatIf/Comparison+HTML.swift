import OutputFormats

extension Comparison {
    /// `compare.html`: a self-contained page (inline CSS, no script) with the significant changes in
    /// P(level ≥ k) and the change in recommendations. A rise is marked in red *and* by "▲ rise", a
    /// fall in green and by "▼ fall", so the table reads the same without colour.
    ///
    /// - Complexity: O(checks × levels).
    public func html(baseName: String, variantName: String) -> String {
        let title = "Comparison: \(baseName) → \(variantName)"
        var rows: [String] = []
        for check in checks {
            for change in check.changes where change.difference.isSignificant {
                let d = change.difference
                let (kind, mark) = d.estimate > 0 ? ("rise", "▲ rise") : ("fall", "▼ fall")
                let planning = check.planningLevelBase == check.planningLevelVariant
                    ? "\(check.planningLevelBase)" : "\(check.planningLevelBase) → \(check.planningLevelVariant)"
                rows.append("<tr class=\"\(kind)\"><td>\(check.date)</td><td>\(check.window.htmlEscaped)</td><td>≥ \(change.level)</td>"
                    + "<td>\(NumberFormat.percent(change.base))</td><td>\(NumberFormat.percent(change.variant))</td>"
                    + "<td>\(mark) \(NumberFormat.signed(d.estimate * 100, 1))</td><td>\(NumberFormat.signed(d.low * 100, 1)) to \(NumberFormat.signed(d.high * 100, 1))</td>"
                    + "<td>\(planning)</td></tr>")
            }
        }
        var body = [
            "<section class=\"comparison\">",
            "<h2>\(title.htmlEscaped)</h2>",
            "<p>\(trials) paired trials, seed \(seed); both runs of each trial draw the same random numbers. "
                + "Changes in P(level ≥ k) whose 95% paired interval excludes 0. \(unchangedSummary.htmlEscaped)</p>",
        ]
        if rows.isEmpty {
            body.append("<p>No significant change.</p>")
        } else {
            body.append("<table>")
            body.append("<thead><tr><th>Date</th><th>Window</th><th>Level</th><th>Base</th><th>Variant</th><th>Change (points)</th><th>95% interval (points)</th><th>Planning level (base → variant)</th></tr></thead>")
            body.append("<tbody>")
            body += rows
            body.append("</tbody>")
            body.append("</table>")
        }
        body.append("<h3>Recommendations</h3>")
        if recommendationChanges.isEmpty {
            body.append("<p>Unchanged.</p>")
        } else {
            body.append("<ul>")
            for change in recommendationChanges {
                let (kind, mark) = change.kind == .added ? ("rise", "▲ added") : ("fall", "▼ removed")
                let dates = change.first == change.last ? "\(change.first)" : "\(change.first) to \(change.last)"
                body.append("<li class=\"\(kind)\">\(mark): \(change.channel.htmlEscaped) (level \(change.level)), \(change.window.htmlEscaped), \(dates); "
                    + "P(needed) up to \(NumberFormat.fixed(change.variantProbability, 2)), was \(NumberFormat.fixed(change.baseProbability, 2))</li>")
            }
            body.append("</ul>")
        }
        body.append("</section>")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(title.htmlEscaped)</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
            th { background: #f2f2f2; }
            td:nth-child(2) { text-align: left; }
            .rise { background: #fde2e1; color: #8a1c14; }
            .fall { background: #e0f2e3; color: #1d5e2a; }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }
}
