import OutputFormats

extension Comparison {
    /// `compare.html`: a self-contained page (inline CSS, no script) with a header naming the
    /// compared files (`inputs`), the filter and the tool version, the significant changes in
    /// P(level ≥ k), largest first, and the change in recommendations. A rise is marked in red *and*
    /// by "▲ rise", a fall in green and by "▼ fall", so the table reads the same without colour. On
    /// a phone each row of the table becomes a block of labelled lines, so the page is no wider
    /// than a 390 px screen.
    ///
    /// - Complexity: O(checks × levels × log(checks × levels)).
    public func html(baseName: String, variantName: String, inputs: [String], toolVersion: String) -> String {
        let title = "Comparison: \(baseName) → \(variantName)"
        var rows: [String] = []
        let significant = checks.flatMap { check in check.changes.filter(\.difference.isSignificant).map { (check: check, change: $0) } }
        // Largest change first; equal ones in time order.
        let order = significant.indices.sorted { i, j in
            let (a, b) = (abs(significant[i].change.difference.estimate), abs(significant[j].change.difference.estimate))
            return a != b ? a > b : i < j
        }
        for (check, change) in order.map({ significant[$0] }) {
            let d = change.difference
            let (kind, mark) = d.estimate > 0 ? ("rise", "▲ rise") : ("fall", "▼ fall")
            let planning = check.planningLevelBase == check.planningLevelVariant
                ? "\(check.planningLevelBase)" : "\(check.planningLevelBase) → \(check.planningLevelVariant)"
            let cells = [
                "\(check.date)", check.window.htmlEscaped, "≥ \(change.level)", NumberFormat.percent(change.base), NumberFormat.percent(change.variant),
                "\(mark) \(NumberFormat.signed(d.estimate * 100, 1))", "\(NumberFormat.signed(d.low * 100, 1)) to \(NumberFormat.signed(d.high * 100, 1))", planning,
            ]
            rows.append("<tr class=\"\(kind)\">" + zip(Self.htmlColumns, cells).map { "<td data-label=\"\($0)\">\($1)</td>" }.joined() + "</tr>")
        }
        var body = [
            "<section class=\"comparison\">",
            "<h1>\(title.htmlEscaped)</h1>",
            "<p class=\"meta\">From \(inputs.joined(separator: ", ").htmlEscaped). Filter: changes in P(level ≥ k) whose 95% paired interval excludes 0, "
                + "largest first. \(trials) paired trials, seed \(seed); both runs of each trial draw the same random numbers. plan \(toolVersion.htmlEscaped).</p>",
            "<p>\(significant.count) significant change\(significant.count == 1 ? "" : "s"). \(unchangedSummary.htmlEscaped)</p>",
        ]
        if rows.isEmpty {
            body.append("<p>No significant change.</p>")
        } else {
            body.append("<table>")
            body.append("<thead><tr>" + Self.htmlColumns.map { "<th>\($0)</th>" }.joined() + "</tr></thead>")
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
        return htmlDocument(title: title, style: Self.htmlStyle, body: body)
    }

    static let htmlColumns = ["Date", "Window", "Level", "Base", "Variant", "Change (points)", "95% interval (points)", "Planning level (base → variant)"]

    static let htmlStyle = """
        body { font-family: system-ui, sans-serif; margin: 0 auto; padding: 0.8em; max-width: 70em; color: #222; }
        h1 { font-size: 1.3em; }
        .meta { color: #444; font-size: 0.9em; overflow-wrap: anywhere; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
        th { background: #f2f2f2; }
        td:nth-child(2) { text-align: left; }
        .rise { background: #fde2e1; color: #8a1c14; }
        .fall { background: #e0f2e3; color: #1d5e2a; }
        li { overflow-wrap: anywhere; }
        @media (max-width: 40em) {
          table, tbody, tr, td { display: block; }
          thead { display: none; }
          tr { margin: 0 0 0.5em 0; border: 1px solid #ccc; }
          td { border: 0; text-align: left; padding: 0.1em 0.5em; }
          td::before { content: attr(data-label) ": "; font-weight: 600; }
        }
        """
}
