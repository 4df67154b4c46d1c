import Calendars
import OutputFormats

extension HTMLReport {
    /// "Why these days": for each check whose planning level raises an alert, what the schedule
    /// alone implies (the floor level), P(level ≥ k) with the planned team and the backlog it builds
    /// (no sickness), and the full figure — so a reader sees whether a red day is the rota's doing,
    /// the workload's, or sickness's, and which lever (cover, backlog, slack) moves it. Empty for a
    /// run without `why.csv` or without such checks.
    var whySection: String {
        let alerting = policy.levels.first { !$0.alerts.isEmpty }?.level ?? levelCount + 1
        let risky = why.filter { $0.level >= alerting }
        guard !risky.isEmpty else { return "" }
        var lines = [
            "<section id=\"why\">",
            "<h2>Why these days</h2>",
            "<p class=\"note\">Each check at level \(alerting) or above, at its planning level k: the level the schedule alone implies "
                + "(planned headcount, no open case), P(level ≥ k) with the planned team and the backlog it builds (no sickness), "
                + "and P(level ≥ k) with sickness too. The first says how much the rota explains, the step to the second the "
                + "backlog, the step to the third sickness.</p>",
            "<div class=\"scroll\">",
            "<table class=\"why\">",
            "<thead><tr><th>Day</th><th>Schedule alone</th>"
                + scenario.windows.map { "<th>\($0.name.htmlEscaped): no sickness → with</th>" }.joined() + "</tr></thead>",
            "<tbody>",
        ]
        // One row a day, a cell a window, so that the table stays short enough to print.
        var dates: [CivilDate] = []
        for check in risky where dates.last != check.date { dates.append(check.date) }
        for date in dates {
            let cells = scenario.windows.map { window -> String in
                guard let check = risky.first(where: { $0.date == date && $0.window == window.name }) else { return "<td></td>" }
                return "<td class=\"number\">P(≥ \(check.level)) \(NumberFormat.percent(check.withoutSickness)) → \(NumberFormat.percent(check.full))</td>"
            }
            let floor = risky.first { $0.date == date }!.floorLevel
            lines.append("<tr><td>\(HTMLReport.day(date))</td><td>\(swatch(floor))</td>\(cells.joined())</tr>")
        }
        lines += ["</tbody>", "</table>", "</div>", "</section>"]
        return lines.joined(separator: "\n")
    }
}
