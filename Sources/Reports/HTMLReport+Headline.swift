import Calendars
import OutputFormats

extension HTMLReport {
    /// The top of the page: what period and team, the run's date and tool version, when the planning
    /// level peaks, and what to arrange by when — each recommendation with its channel, window,
    /// dates, first day needed and the date to brief it by — so a reader who stops here has what
    /// they must act on.
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
        lines.append("<p class=\"run\">\(runLine.htmlEscaped)</p>")
        lines += sinceLastRun
        lines.append("<h2>What to arrange, by when</h2>")
        lines += decisions
        lines += coverDecisions
        lines.append("<p class=\"peak\">\(peak)</p>")
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

    /// "Run on 2026-11-30 with plan 0.9.0, 100,000 trials, seed 1": the date tells a reader how old
    /// the outlook is. It is the only part of the page that differs between identical runs.
    var runLine: String {
        let day = record.execution.started.prefix(10)
        return "Run on \(day) with \(record.tool.name) \(record.tool.version), \(NumberFormat.thousands(record.sampling.trials)) trials, seed \(record.sampling.seed)"
    }

    /// The cheapest cover from the pool (`plan simulate --pool --max-risk`), each purchase with the
    /// date to arrange it by; nothing without a pool.
    var coverDecisions: [String] {
        guard let cover = record.cover else { return [] }
        let items = cover.lines(briefBy: record.briefBy, day: HTMLReport.day).map { "<li class=\"decision\">\($0.htmlEscaped)</li>" }
        return ["<p id=\"cover\">\(cover.heading.htmlEscaped)</p>"] + (items.isEmpty ? [] : ["<ul class=\"decisions\">"] + items + ["</ul>"])
    }

    /// The recommendations, soonest "brief by" first: one line each, which stays readable on a
    /// phone, with the channel, the window, the days it covers, the first day it is needed and the
    /// level that raises it, and how likely the alert is.
    var decisions: [String] {
        let threshold = NumberFormat.percent(policy.recommendationThreshold)
        guard !recommendations.isEmpty else {
            return ["<p>Nothing to arrange ahead: no alert is needed with probability \(threshold) or more at any check.</p>"]
        }
        let days = policy.leadDays == 1 ? "1 working day" : "\(policy.leadDays) working days"
        var lines = [
            "<p class=\"note\">Brief each channel by the date shown (\(days) before it is first needed): on these days its alert "
                + "is needed with probability \(threshold) or more (the \"arrange\" tier of the heatmap).</p>",
            "<ul class=\"decisions\">",
        ]
        let ordered = recommendations.enumerated().sorted { (record.briefBy($0.element.first), $0.offset) < (record.briefBy($1.element.first), $1.offset) }
        for r in ordered.map(\.element) {
            let checks = r.checks == 1 ? "1 check" : "\(r.checks) checks"
            let odds = TerminalSummary.odds(maximum: r.maximumProbability, mean: r.meanProbability)
            lines.append("<li class=\"decision\"><strong>Brief by \(HTMLReport.day(record.briefBy(r.first)))</strong>: "
                + "\(r.channel.htmlEscaped) for \(r.window.htmlEscaped), \(TerminalSummary.range(r.first, r.last)) (\(checks)), "
                + "needed from \(HTMLReport.day(r.first)); raised at \(swatch(r.level)) \(policy.levels[r.level - 1].name.htmlEscaped); "
                + "alert needed \(odds).</li>")
        }
        lines.append("</ul>")
        return lines
    }
}
