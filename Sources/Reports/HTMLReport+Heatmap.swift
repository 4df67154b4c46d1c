import Calendars
import OutputFormats
import RunArtifacts
import Simulation

extension HTMLReport {
    /// Width and height of a day cell, the gap between cells, and the room for week labels and the
    /// weekday header, in CSS pixels at natural size.
    private static let cell = (width: 60.0, height: 52.0, gap: 4.0)
    private static let weekLabelWidth = 106.0
    private static let weekdayHeaderHeight = 20.0
    /// The palest fill, for a planning level reached in almost no trial: still the level's hue.
    static let faintest = 0.25

    /// How strongly a check is filled: from `faintest` for a planning level almost never reached
    /// to full for one reached in every trial.
    static func strength(_ probability: Double) -> Double { faintest + (1 - faintest) * probability }

    /// A calendar heatmap per window — weeks as rows, Monday to Sunday as columns — each check
    /// coloured by its planning level with the level printed on it, the probability of reaching it,
    /// and the most likely level where that is lower, so that the page reads the same on a phone
    /// and on paper as on hover; every P(level ≥ k) is on hover. Weekends, days without checks,
    /// company closures and public holidays are marked and named, so a pale cell always means a
    /// quiet check, never a missing one. The note states the two tiers: the planning level is what
    /// to prepare for, the recommendations above are what to arrange.
    var heatmaps: String {
        let risk = NumberFormat.percent(policy.planningRisk)
        var lines = [
            "<section id=\"heatmap\" class=\"heatmap\">",
            "<h2>Planning level by day</h2>",
            "<p class=\"note\">Two tiers. <strong>Prepare</strong>: each check shows its planning level, the lowest level k "
                + "with P(level &gt; k) ≤ \(risk) — the level to be ready for; the darker the hue, the higher the level. "
                + "Beside it, the probability of reaching that level, and under it the most likely level when that is lower "
                + "(\"likely 2\"). <strong>How sure</strong>: the fill is as strong as that probability — full when the level is "
                + "reached in every trial, pale when rarely; a black frame marks a check the calendar alone decides (the planned "
                + "team is at that level with no case open); \"2–3\" marks a check at the line, whose P(level &gt; 2) has a 95% "
                + "interval containing \(risk), so within the noise it is either. <strong>Arrange</strong>: a channel goes under \"What to arrange\" where its alert is needed "
                + "with probability \(NumberFormat.percent(policy.recommendationThreshold)) or more. "
                + "Hover over a day for every P(level ≥ k).</p>",
            "<div class=\"heatmaps\">",
        ]
        for (i, window) in scenario.windows.enumerated() {
            lines.append("<figure>")
            lines.append("<figcaption>\(windowTitle(window).htmlEscaped)</figcaption>")
            lines.append(heatmap(window, index: i))
            lines.append("</figure>")
        }
        lines.append("</div>")
        lines.append("<ul class=\"legend\">")
        for level in policy.levels {
            let alerts = level.alerts.isEmpty ? "" : " (alerts \(level.alerts.joined(separator: ", ")))"
            lines.append("<li class=\"legend-entry\">\(swatch(level.level))\((level.name + alerts).htmlEscaped)</li>")
        }
        let top = levelCount
        lines.append("<li class=\"legend-entry\">" + [1.0, 0.5, 0.14].map { p in
            "<span class=\"swatch\" style=\"background:\(Palette.fill(level: top, of: top, strength: HTMLReport.strength(p)));"
                + "color:\(Palette.ink(level: top, of: top, strength: HTMLReport.strength(p)))\">\(NumberFormat.percent(p))</span>"
        }.joined() + "fill strength: P(reaching the planning level)</li>")
        lines.append("<li class=\"legend-entry\"><span class=\"swatch\" style=\"background:\(Palette.fill(level: top, of: top));"
            + "color:\(Palette.ink(level: top, of: top));border:3px solid #111111\">\(top)</span>framed: the calendar alone decides</li>")
        lines.append("<li class=\"legend-entry\"><span class=\"swatch off\">–</span>weekend or no checks</li>")
        lines.append("<li class=\"legend-entry\"><span class=\"swatch closed\">×</span>company closed</li>")
        lines.append("<li class=\"legend-entry\"><span class=\"swatch off\">*</span>public holiday for some SEs</li>")
        lines.append("</ul>")
        lines += holidayList
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    /// The public holidays in the horizon, named, with the calendars that have them and the
    /// company's closures: what the `*` and the hatched cells stand for.
    private var holidayList: [String] {
        var days = scenario.holidays.map { "\(HTMLReport.day($0.date)) \($0.name) (\($0.calendars.joined(separator: ", ")))" }
        days += scenario.closures.map { closure in
            let name = closure.name.isEmpty ? "" : " \(closure.name)"
            let dates = closure.start == closure.end ? HTMLReport.day(closure.start) : "\(HTMLReport.day(closure.start))–\(HTMLReport.day(closure.end))"
            return "\(dates)\(name): company closed"
        }
        guard !days.isEmpty else { return [] }
        return ["<p class=\"note holidays\">Holidays and closures: \(days.joined(separator: "; ").htmlEscaped).</p>"]
    }

    /// The calendar of one window: every week from the Monday on or before the horizon's first day
    /// to the Sunday on or after its last.
    private func heatmap(_ window: RunRecord.Window, index: Int) -> String {
        let s = scenario
        let (w, h, gap) = HTMLReport.cell
        let firstMonday = s.horizon.start.adding(days: 1 - s.horizon.start.weekday.rawValue)
        let weeks = (firstMonday.days(to: s.horizon.end) / 7) + 1
        let width = HTMLReport.weekLabelWidth + 7 * (w + gap)
        let height = HTMLReport.weekdayHeaderHeight + Double(weeks) * (h + gap)
        let checks = Dictionary(checks.filter { $0.window == window.name }.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
        let c = HTMLReport.coordinate
        let hatch = "hatch-\(index)"

        var svg = [
            "<svg class=\"calendar\" width=\"\(c(width))\" height=\"\(c(height))\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" "
                + "aria-label=\"\(("Planning level by day, " + windowTitle(window)).htmlEscaped)\">",
            "<defs><pattern id=\"\(hatch)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(Palette.closedHatch)\" stroke-width=\"2\"/></pattern></defs>",
        ]
        for weekday in Weekday.allCases {
            let x = HTMLReport.weekLabelWidth + Double(weekday.rawValue - 1) * (w + gap) + w / 2
            svg.append("<text x=\"\(c(x))\" y=\"14\" text-anchor=\"middle\" font-size=\"13\" fill=\"#444444\">\(weekday.abbreviation)</text>")
        }
        for week in 0..<weeks {
            let monday = firstMonday.adding(days: 7 * week)
            let y = HTMLReport.weekdayHeaderHeight + Double(week) * (h + gap)
            svg.append("<text x=\"\(c(HTMLReport.weekLabelWidth - 8))\" y=\"\(c(y + h / 2 + 5))\" text-anchor=\"end\" font-size=\"13\" fill=\"#444444\">"
                + "\(TerminalSummary.range(monday, monday.adding(days: 6)))</text>")
            for offset in 0..<7 {
                let date = monday.adding(days: offset)
                let x = HTMLReport.weekLabelWidth + Double(offset) * (w + gap)
                svg += dayCell(date, x: x, y: y, check: checks[date], window: window, hatch: hatch)
            }
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// One day of the calendar, as a group whose `<title>` is the hover text. A check is
    /// `class="cell check"`; the other kinds are `outside` (before or after the horizon), `closed`
    /// and `off` (weekend, or a weekday without checks).
    private func dayCell(_ date: CivilDate, x: Double, y: Double, check: CheckRow?, window: RunRecord.Window, hatch: String) -> [String] {
        let s = scenario
        let (w, h, _) = HTMLReport.cell
        let c = HTMLReport.coordinate
        let rect = "x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(w))\" height=\"\(c(h))\""
        let holiday = s.holidays.contains { $0.date == date } ? "*" : ""
        let dayNumber = { (ink: String) in
            "<text x=\"\(c(x + 5))\" y=\"\(c(y + 14))\" font-size=\"12\" fill=\"\(ink)\">\(date.day)\(holiday)</text>"
        }
        let label = { (text: String, ink: String) in
            "<text x=\"\(c(x + w / 2))\" y=\"\(c(y + h - 9))\" text-anchor=\"middle\" font-size=\"12\" fill=\"\(ink)\">\(text)</text>"
        }

        if date < s.horizon.start || date > s.horizon.end {
            return ["<g class=\"cell outside\"><title>\(HTMLReport.day(date)): outside the horizon</title>",
                    "<rect \(rect) fill=\"#ffffff\" stroke=\"#d4d4d4\" stroke-dasharray=\"3 3\"/>", dayNumber("#9a9a9a"), "</g>"]
        }
        if let closure = s.closures.first(where: { $0.start <= date && date <= $0.end }) {
            let name = closure.name.isEmpty ? "" : " (\(closure.name))"
            return ["<g class=\"cell closed\"><title>\((HTMLReport.day(date) + ": company closed" + name + ", no checks").htmlEscaped)</title>",
                    "<rect \(rect) fill=\"url(#\(hatch))\" stroke=\"#8a8a8a\"/>", dayNumber("#111111"),
                    "<rect x=\"\(c(x + 8))\" y=\"\(c(y + h - 22))\" width=\"\(c(w - 16))\" height=\"16\" fill=\"#ffffff\"/>",
                    label("closed", "#111111"), "</g>"]
        }
        guard let check else {
            let why = date.weekday.isWeekend ? "weekend" : "no checks"
            return ["<g class=\"cell off\"><title>\(HTMLReport.day(date)): \(why)</title>",
                    "<rect \(rect) fill=\"\(Palette.off)\"/>", dayNumber("#555555"), label(why, "#555555"), "</g>"]
        }

        let level = check.planningLevel
        let range = planningRange(check)
        let reached = check.atLeast[level - 1]
        let strength = HTMLReport.strength(reached)
        let ink = Palette.ink(level: level, of: levelCount, strength: strength)
        let reaching = NumberFormat.percent(reached)
        // Above the baseline only: every check is at level 1 or higher whatever happens.
        let decided = level > 1 && why.contains { $0.date == date && $0.window == window.name && $0.floorLevel >= level }
        // The most likely level; ties go to the lower level, the one the team sees more often.
        let likely = check.exactly.indices.max { (check.exactly[$0], -$0) < (check.exactly[$1], -$1) }.map { $0 + 1 } ?? level
        var hover = ["\(HTMLReport.day(date)), \(windowTitle(window))",
                     "planning level \(level): \(policy.levels[level - 1].name)",
                     "P(level ≥ \(level)) \(reaching); most likely level \(likely) (\(NumberFormat.percent(check.exactly[likely - 1])))"]
        if range.count > 1 {
            hover.append("at the line: within the noise the planning level is \(range.lowerBound) to \(range.upperBound)")
        }
        if decided { hover.append("the calendar alone decides: the planned team is at level \(level) or higher with no case open") }
        if let name = s.holidays.filter({ $0.date == date }).map({ "\($0.name) (\($0.calendars.joined(separator: ", ")))" }).first {
            hover.append("public holiday: \(name)")
        }
        hover += stride(from: 2, through: levelCount, by: 1).map { "P(level ≥ \($0)) \(NumberFormat.percent(check.atLeast[$0 - 1]))" }
        let shown = range.count > 1 ? "\(range.lowerBound)–\(range.upperBound)" : "\(level)"
        let marks = [decided ? "decided" : nil, range.count > 1 ? "at-line" : nil].compactMap { $0 }.joined(separator: " ")
        var cell = ["<g class=\"cell check\"\(marks.isEmpty ? "" : " data-mark=\"\(marks)\"")><title>\(hover.joined(separator: "\n").htmlEscaped)</title>",
                    "<rect \(rect) fill=\"\(Palette.fill(level: level, of: levelCount, strength: strength))\" stroke=\"#ffffff\"/>"]
        if decided {
            cell.append("<rect x=\"\(c(x + 1.5))\" y=\"\(c(y + 1.5))\" width=\"\(c(w - 3))\" height=\"\(c(h - 3))\" fill=\"none\" stroke=\"#111111\" stroke-width=\"3\"/>")
        }
        cell += [dayNumber(ink),
                 "<text x=\"\(c(x + w - 4))\" y=\"\(c(y + 14))\" text-anchor=\"end\" font-size=\"11\" fill=\"\(ink)\">\(reaching)</text>",
                 "<text x=\"\(c(x + w / 2))\" y=\"\(c(y + 35))\" text-anchor=\"middle\" font-size=\"\(range.count > 1 ? 17 : 20)\" font-weight=\"700\" fill=\"\(ink)\">\(shown)</text>"]
        if likely < level {
            cell.append("<text x=\"\(c(x + w / 2))\" y=\"\(c(y + h - 5))\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(ink)\">likely \(likely)</text>")
        }
        cell.append("</g>")
        return cell
    }
}
