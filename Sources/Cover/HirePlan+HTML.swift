import Calendars
import OutputFormats
import Simulation

/// `hire.html`: one self-contained page (inline CSS and SVG, no script) that fits a 390 px phone:
/// per group, the expected headcount with and without the hires against the need and its band by
/// month; the hires on a timeline (requisition open, start, ramp); the worst risk by month with
/// and without them; the monthly table, one group per table so that no row outgrows the screen.
extension HirePlan {
    public var html: String {
        var body = ["<main id=\"hire\">", "<h1>Hiring plan for \(scenarioName.htmlEscaped)</h1>"]
        let total = counts.reduce(0, +)
        body.append("<p id=\"summary\">\(limitsDescription.htmlEscaped) at every check through \(problem.scenario.horizon.last). "
            + (total == 0 ? "No hire needed." : "\(total) hire\(total == 1 ? "" : "s"), cost <b>\(CoverPlan.money(cost).htmlEscaped)</b>.") + "</p>")
        body.append("<p class=\"\(isFeasible ? "ok" : "bad")\">" + (validated
            ? "Validated on \(NumberFormat.thousands(settings.validationTrials)) independent trials: every check\(unfixable.isEmpty ? "" : " hiring can fix") within the limit (upper 95% bound ≤ limit + \(settings.tolerance))."
            : "Not validated: a check stays over the limit on independent trials.").htmlEscaped + "</p>")
        body += tightenings.map { "<p>Tightened: \($0.htmlEscaped).</p>" }
        if !unfixable.isEmpty {
            body.append("<p class=\"bad\">\(unfixable.count) check\(unfixable.count == 1 ? "" : "s") no hire can bring within the limit (before the first possible start, or beyond \(problem.settings.maxPerMonth) hires a month); hire.csv and the JSON document list them.</p>")
        }
        body.append("<h2>The hires</h2>")
        body.append(timelineSVG)
        if !hires.isEmpty {
            body.append("<ul id=\"hires\">" + hires.map {
                "<li>Open by <b>\($0.openBy)</b>: \($0.count) \($0.group.htmlEscaped) starting \($0.start) (cost \(CoverPlan.money($0.cost).htmlEscaped))</li>"
            }.joined() + "</ul>")
        }
        for (g, group) in (months.first?.groups ?? []).enumerated() {
            body.append("<h2>\(group.group.htmlEscaped): SEs on the team against the need</h2>")
            body.append(headcountSVG(group: g))
        }
        body.append("<h2>Worst P(level ≥ \(limits[0].level)) by month</h2>")
        body.append(riskSVG)
        for (g, group) in (months.first?.groups ?? []).enumerated() {
            var rows = "<tr><th>month</th><th>without</th><th>planned</th><th>need (95% band)</th></tr>"
            for month in months {
                let cell = month.groups[g]
                rows += "<tr><td>\(Self.monthName(month.first))</td><td>\(Self.headcount(cell.without))</td><td>\(Self.headcount(cell.planned))</td>"
                    + "<td>\(Self.needText(cell.need, planned: cell.planned).htmlEscaped)</td></tr>"
            }
            body.append("<h2>\(group.group.htmlEscaped) by month</h2><table class=\"months\">\(rows)</table>")
        }
        body.append("<p class=\"method\">\(method.htmlEscaped). Expected SEs on the team on each month's first day, attrition taken out; the need is the planned headcount plus the fewest SEs (−2 to +3) that keep every check of the month within the limit on the sample (docs/HIRE.md).</p>")
        body.append("</main>")
        return htmlDocument(title: "Hiring plan for \(scenarioName)", style: Self.style, body: body)
    }

    static let (width, height, pad) = (360.0, 180.0, 32.0)

    /// x of a date on the horizon.
    func x(_ date: CivilDate) -> Double {
        let horizon = problem.scenario.horizon
        return Self.pad + Double(horizon.first.days(to: date)) / Double(max(1, horizon.dayCount - 1)) * (Self.width - 2 * Self.pad)
    }

    func monthTicks(y: Double) -> String {
        months.enumerated().map { i, month in
            let label = i % 3 == 0 ? "<text x=\"\(x(month.first))\" y=\"\(y + 12)\" text-anchor=\"middle\">\(Self.monthName(month.first))</text>" : ""
            return "<line x1=\"\(x(month.first))\" y1=\"\(y)\" x2=\"\(x(month.first))\" y2=\"\(y + 3)\" stroke=\"#888\"/>" + label
        }.joined()
    }

    /// Each hire as a bar from the requisition's opening to the start, then the ramp shaded to full.
    var timelineSVG: String {
        let rows = max(1, hires.count)
        let height = 24 + Double(rows) * 18
        var svg = "<svg id=\"timeline\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height + 16))\" role=\"img\" aria-label=\"the hires on a timeline\">"
        for (i, hire) in hires.enumerated() {
            let y = 8 + Double(i) * 18
            let open = max(Self.pad, x(hire.openBy)), start = x(hire.start)
            let full = min(Self.width - Self.pad, x(hire.start.adding(days: 7 * problem.settings.ramp.weeks)))
            svg += "<rect x=\"\(open)\" y=\"\(y)\" width=\"\(max(1, start - open))\" height=\"12\" fill=\"#ccc\"/>"
            svg += "<rect x=\"\(start)\" y=\"\(y)\" width=\"\(max(1, full - start))\" height=\"12\" fill=\"#2a6fb0\" opacity=\"0.6\"/>"
            svg += "<text x=\"\(min(start + 3, Self.width - Self.pad - 40))\" y=\"\(y + 10)\">\(hire.count) \(hire.group.htmlEscaped)</text>"
        }
        if hires.isEmpty { svg += "<text x=\"\(Self.width / 2)\" y=\"20\" text-anchor=\"middle\">no hire needed</text>" }
        return svg + "<line x1=\"\(Self.pad)\" y1=\"\(height)\" x2=\"\(Self.width - Self.pad)\" y2=\"\(height)\" stroke=\"#888\"/>" + monthTicks(y: height) + "</svg>"
    }

    /// Expected headcount without (grey) and with (blue) the hires, the need (red) and its band (pink).
    func headcountSVG(group g: Int) -> String {
        let cells = months.map { $0.groups[g] }
        let values = cells.flatMap { [$0.without, $0.planned, $0.need?.needed ?? $0.planned, $0.need?.high ?? $0.planned] }
        let (lo, hi) = (max(0, (values.min() ?? 0) - 1), (values.max() ?? 1) + 1)
        func y(_ v: Double) -> Double { Self.height - Self.pad - (v - lo) / max(1e-9, hi - lo) * (Self.height - 2 * Self.pad) }
        func line(_ points: [(CivilDate, Double)], _ colour: String, dash: Bool = false) -> String {
            "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash ? " stroke-dasharray=\"4 3\"" : "") points=\""
                + points.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ") + "\"/>"
        }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-label=\"headcount against the need\">"
        for (month, cell) in zip(months, cells) {
            if let need = cell.need, let high = need.high {
                svg += "<rect x=\"\(x(month.first) - 3)\" y=\"\(y(high))\" width=\"6\" height=\"\(max(1, y(need.low) - y(high)))\" fill=\"#f4b6b6\"/>"
            }
        }
        svg += line(zip(months, cells).map { ($0.first, $1.without) }, "#999", dash: true)
        svg += line(zip(months, cells).map { ($0.first, $1.planned) }, "#2a6fb0")
        svg += line(zip(months, cells).compactMap { month, cell in cell.need.map { (month.first, $0.needed) } }, "#b33")
        for v in stride(from: lo.rounded(.up), through: hi, by: max(1, ((hi - lo) / 4).rounded())) {
            svg += "<text x=\"\(Self.pad - 4)\" y=\"\(y(v) + 4)\" text-anchor=\"end\">\(Int(v))</text>"
        }
        svg += "<line x1=\"\(Self.pad)\" y1=\"\(Self.height - Self.pad)\" x2=\"\(Self.width - Self.pad)\" y2=\"\(Self.height - Self.pad)\" stroke=\"#888\"/>"
        svg += monthTicks(y: Self.height - Self.pad)
        return svg + "<text x=\"\(Self.pad)\" y=\"12\">— planned  - - without  — need</text></svg>"
    }

    /// The worst validated risk of each month without (grey) and with (blue) the hires, and the limit.
    var riskSVG: String {
        let limit = limits[0].probability
        let values: [Double] = months.flatMap { month -> [Double] in [month.before[0]?.estimate ?? 0, month.after[0]?.high ?? 0] } + [limit]
        let hi = min(1, (values.max() ?? 1) * 1.1 + 0.01)
        func y(_ p: Double) -> Double { Self.height - Self.pad - p / hi * (Self.height - 2 * Self.pad) }
        var svg = "<svg id=\"risk\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-label=\"risk by month\">"
        let step = (Self.width - 2 * Self.pad) / Double(max(1, months.count))
        for (i, month) in months.enumerated() {
            let left = Self.pad + Double(i) * step
            if let b = month.before[0] { svg += "<rect x=\"\(left + 1)\" y=\"\(y(b.estimate))\" width=\"\(max(1, step / 2 - 1))\" height=\"\(Self.height - Self.pad - y(b.estimate))\" fill=\"#bbb\"/>" }
            if let a = month.after[0] { svg += "<rect x=\"\(left + step / 2)\" y=\"\(y(a.estimate))\" width=\"\(max(1, step / 2 - 1))\" height=\"\(Self.height - Self.pad - y(a.estimate))\" fill=\"#2a6fb0\"/>" }
            if i % 3 == 0 { svg += "<text x=\"\(left + step / 2)\" y=\"\(Self.height - Self.pad + 12)\" text-anchor=\"middle\">\(Self.monthName(month.first))</text>" }
        }
        svg += "<line x1=\"\(Self.pad)\" y1=\"\(y(limit))\" x2=\"\(Self.width - Self.pad)\" y2=\"\(y(limit))\" stroke=\"#b33\" stroke-dasharray=\"4 3\"/>"
        svg += "<text x=\"\(Self.pad - 4)\" y=\"\(y(limit) + 4)\" text-anchor=\"end\">\(NumberFormat.percent(limit).htmlEscaped)</text>"
        return svg + "<text x=\"\(Self.pad)\" y=\"12\">grey without, blue with the hires; dashed: the limit</text></svg>"
    }

    static let style = """
        body { font-family: system-ui, sans-serif; margin: 0; padding: 8px; color: #111; }
        main { max-width: 900px; margin: 0 auto; }
        h1 { font-size: 1.3em; } h2 { font-size: 1.05em; margin-top: 1.2em; }
        p, li { overflow-wrap: anywhere; }
        .ok { color: #1a6b1a; } .bad { color: #a00; font-weight: bold; }
        table.months { border-collapse: collapse; font-size: 12px; width: 100%; }
        table.months th, table.months td { border-bottom: 1px solid #ddd; padding: 2px 4px; text-align: right; }
        svg { width: 100%; height: auto; max-width: 560px; font-size: 10px; display: block; }
        .method { color: #555; font-size: 0.85em; }
        """
}
