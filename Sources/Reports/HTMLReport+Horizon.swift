import OutputFormats

extension HTMLReport {
    private static let reachBarWidth = 160.0

    /// The horizon as a whole, per level k ≥ 2: the chance of reaching it at least once (with its
    /// 95% interval and a bar), how many checks are expected at ≥ k, and the longest run of
    /// consecutive checks at ≥ k — how long a stretch the team should be ready to sustain.
    var horizonSection: String {
        let c = HTMLReport.coordinate
        let total = scenario.checks
        var lines = [
            "<section id=\"horizon\">",
            "<h2>Over the horizon</h2>",
            "<p class=\"note\">Across all \(total) checks. Longest run: the longest stretch of consecutive checks at level k or above "
                + "(mean, median and 90th percentile over the trials).</p>",
            "<div class=\"scroll\">",
            "<table class=\"horizon\">",
            "<thead><tr><th>Level k</th><th>P(level ≥ k at least once)</th><th class=\"bar\"></th><th>95% interval</th>"
                + "<th>Expected checks at ≥ k</th><th>Longest run: mean</th><th>median</th><th>90th pct</th></tr></thead>",
            "<tbody>",
        ]
        for row in horizon {
            let bar = "<svg width=\"\(c(HTMLReport.reachBarWidth))\" height=\"14\" viewBox=\"0 0 \(c(HTMLReport.reachBarWidth)) 14\" aria-hidden=\"true\">"
                + "<rect width=\"\(c(HTMLReport.reachBarWidth))\" height=\"14\" fill=\"#f4f4f4\" stroke=\"#8a8a8a\" stroke-width=\"0.5\"/>"
                + "<rect width=\"\(c(row.reached * HTMLReport.reachBarWidth))\" height=\"14\" fill=\"\(Palette.fill(level: row.level, of: levelCount))\"/></svg>"
            lines.append("<tr><td>\(swatch(row.level))\(policy.levels[row.level - 1].name.htmlEscaped)</td>"
                + "<td class=\"number\">\(NumberFormat.percent(row.reached))</td><td class=\"bar\">\(bar)</td>"
                + "<td class=\"number\">\(NumberFormat.points(row.reachedLow))–\(NumberFormat.points(row.reachedHigh))%</td>"
                + "<td class=\"number\">\(NumberFormat.fixed(row.expectedChecks, 1)) of \(total)</td>"
                + "<td class=\"number\">\(NumberFormat.fixed(row.longestRunMean, 1))</td>"
                + "<td class=\"number\">\(row.longestRunP50)</td><td class=\"number\">\(row.longestRunP90)</td></tr>")
        }
        lines += ["</tbody>", "</table>", "</div>", "</section>"]
        return lines.joined(separator: "\n")
    }
}
