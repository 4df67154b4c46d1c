import Calendars
import OutputFormats

extension HTMLReport {
    /// The top of the page: what period and team, when the planning level peaks, and the decisions to
    /// take now — the recommendations, each with its channel, window, dates and probability — so a
    /// reader who stops here has what they must act on.
    var headline: String {
        let s = scenario
        let windows = s.windows.map { "\($0.name) \($0.check) UTC" }.joined(separator: ", ")
        let team = s.groups.reduce(0) { $0 + $1.members.count }
        let groups = s.groups.map { "\($0.name) \($0.members.count)" }.joined(separator: ", ")
        let days = s.horizon.start.days(to: s.horizon.end) + 1
        var lines = [
            "<header id=\"headline\" class=\"headline\">",
            "<h1>\(s.name.htmlEscaped): capacity outlook, \(TerminalSummary.range(s.horizon.start, s.horizon.end)) \(s.horizon.end.year)</h1>",
        ]
        let facts = (s.description.isEmpty ? [] : [s.description])
            + ["\(s.horizon.start) to \(s.horizon.end), \(days) days, \(s.checks) checks (\(windows))", "team of \(team) SEs (\(groups))"]
        lines.append("<p class=\"facts\">\(facts.joined(separator: " · ").htmlEscaped)</p>")
        lines.append("<p class=\"peak\">\(peak)</p>")
        lines.append("<h2>Decisions to take now</h2>")
        lines += decisions
        lines.append("</header>")
        return lines.joined(separator: "\n")
    }

    /// "Planning level peaks at 5 (…) on Dec 21–31: 16 of 44 checks." Dates with a check at the peak
    /// level are merged into ranges over consecutive check days, so a weekend or a closure inside a
    /// risky stretch does not split it.
    var peak: String {
        guard let top = checks.map(\.planningLevel).max() else { return "No checks in the horizon." }
        let name = policy.levels[top - 1].name.htmlEscaped
        let dates = checkDates
        let atTop = Set(checks.filter { $0.planningLevel == top }.map(\.date))
        let count = checks.filter { $0.planningLevel == top }.count
        if count == checks.count { return "Planning level \(swatch(top)) (\(name)) at every check." }
        let when = dates.runs(where: atTop.contains).map { TerminalSummary.range(dates[$0.lowerBound], dates[$0.upperBound]) }
            .joined(separator: ", ")
        return "Planning level peaks at \(swatch(top)) (\(name)) on <strong>\(when)</strong>: \(count) of \(checks.count) checks."
    }

    /// The recommendations as a table, in `recommendations.csv`'s order (by first date).
    var decisions: [String] {
        let threshold = NumberFormat.percent(policy.recommendationThreshold)
        guard !recommendations.isEmpty else {
            return ["<p>Nothing to arrange ahead: no alert is needed with probability \(threshold) or more at any check.</p>"]
        }
        var lines = [
            "<p class=\"note\">Brief these channels ahead: on these days their alert is needed with probability \(threshold) or more.</p>",
            "<table class=\"decisions\">",
            "<thead><tr><th>Channel</th><th>Window</th><th>Dates</th><th>Raised at</th><th>Probability the alert is needed</th></tr></thead>",
            "<tbody>",
        ]
        for r in recommendations {
            let checks = r.checks == 1 ? "1 check" : "\(r.checks) checks"
            let odds = TerminalSummary.odds(maximum: r.maximumProbability, mean: r.meanProbability)
            lines.append("<tr class=\"decision\"><td>\(r.channel.htmlEscaped)</td><td>\(r.window.htmlEscaped)</td>"
                + "<td>\(TerminalSummary.range(r.first, r.last)) (\(checks))</td>"
                + "<td>\(swatch(r.level)) \(policy.levels[r.level - 1].name.htmlEscaped)</td><td>\(odds)</td></tr>")
        }
        lines += ["</tbody>", "</table>"]
        return lines
    }
}
