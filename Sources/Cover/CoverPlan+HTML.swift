import Calendars
import OutputFormats
import Simulation

/// `cover.html`: one self-contained page (inline CSS and SVG, no script) that fits a 390 px phone:
/// the cover on the calendar, P(level ≥ k) per check before and after it as heatmaps, and the cost
/// against the limit.
extension CoverPlan {
    public var html: String {
        var body = ["<main id=\"cover\">", "<h1>Cover for \(scenarioName.htmlEscaped)</h1>"]
        body.append("<p id=\"summary\">\(limitsDescription.htmlEscaped) at every check. "
            + (purchases.isEmpty ? "No cover needed." : "Cost <b>\(Self.money(cost).htmlEscaped)</b> for \(counts.reduce(0, +)) SE-days. ")
            + "\(boundDescription.htmlEscaped)</p>")
        body.append("<p class=\"\(isFeasible ? "ok" : "bad")\">" + (validated
            ? "Validated on \(NumberFormat.thousands(settings.validationTrials)) independent trials: every check\(unfixable.isEmpty ? "" : " the pool can fix") within the limit (upper 95% bound ≤ limit + \(settings.tolerance))."
            : "Not validated: a check stays over the limit on independent trials.").htmlEscaped + "</p>")
        body += tightenings.map { "<p>Tightened: \($0.htmlEscaped).</p>" }
        if !unfixable.isEmpty {
            body.append("<h2>Infeasible</h2><ul>" + unfixable.map { "<li>\(unfixableDescription($0).htmlEscaped)</li>" }.joined() + "</ul>")
        }
        body.append("<h2>The cover</h2>")
        body.append(calendar(id: "calendar") { date in
            purchases.filter { $0.date == date }.map { "<span class=\"buy\">+\($0.count) \($0.option.option.htmlEscaped)</span>" }.joined()
        })
        for (i, limit) in limits.enumerated() {
            for (name, risks) in [("before", before[i]), ("after", after[i])] {
                body.append("<h2>P(level ≥ \(limit.level)) \(name == "before" ? "without" : "with") the cover</h2>")
                body.append(calendar(id: "\(name)-\(limit.level)") { date in
                    problem.checks.indices.filter { problem.checks[$0].date == date }.map { c in
                        let p = risks[c].estimate
                        let over = limit.isExceeded(by: p)
                        return "<span class=\"check\(over ? " over" : "")\" style=\"background:\(Self.heat(p))\" title=\"\(problem.windowNames[problem.checks[c].window].htmlEscaped)\">\(NumberFormat.percent(p).htmlEscaped)</span>"
                    }.joined()
                })
            }
        }
        if !curve.isEmpty { body.append("<h2>Cost against the limit</h2>" + curveSVG) }
        body.append("<p class=\"method\">\(method.htmlEscaped). Cells: one per check, windows in order of check time (\(problem.windowNames.map(\.htmlEscaped).joined(separator: ", "))); outlined cells are over the limit.</p>")
        body.append("</main>")
        return htmlDocument(title: "Cover for \(scenarioName)", style: Self.style, body: body)
    }

    /// The horizon as weeks, Monday first, each day's cell filled by `content`.
    func calendar(id: String, content: (CivilDate) -> String) -> String {
        let horizon = problem.scenario.horizon
        var day = horizon.first.adding(days: -(horizon.first.weekday.rawValue - 1))
        var rows = ["<table class=\"calendar\" id=\"\(id)\"><tr>" + Weekday.allCases.map { "<th>\($0.abbreviation)</th>" }.joined() + "</tr>"]
        while day <= horizon.last {
            var cells = ""
            for _ in 0..<7 {
                if horizon.contains(day) {
                    let closed = problem.scenario.company.closure(on: day) != nil
                    cells += "<td\(closed ? " class=\"closed\"" : "")><span class=\"day\">\(day.month)/\(day.day)</span>\(content(day))</td>"
                } else {
                    cells += "<td class=\"outside\"></td>"
                }
                day = day.adding(days: 1)
            }
            rows.append("<tr>\(cells)</tr>")
        }
        return rows.joined() + "</table>"
    }

    /// Cost (y) against the limit (x), as an inline SVG that scales to the page's width.
    var curveSVG: String {
        let points = curve.compactMap { point in point.cost.map { (point.probability, $0) } }
        let (width, height, pad) = (360.0, 200.0, 40.0)
        let maxCost = max(1, points.map(\.1).max() ?? 1)
        let xs = curve.map(\.probability)
        let (lo, hi) = (xs.min() ?? 0, max((xs.max() ?? 1), (xs.min() ?? 0) + 0.01))
        func x(_ p: Double) -> Double { pad + (p - lo) / (hi - lo) * (width - 2 * pad) }
        func y(_ c: Double) -> Double { height - pad - c / maxCost * (height - 2 * pad) }
        var svg = "<svg id=\"curve\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"cost against the limit\">"
        svg += "<line x1=\"\(pad)\" y1=\"\(height - pad)\" x2=\"\(width - pad)\" y2=\"\(height - pad)\" stroke=\"#888\"/>"
        svg += "<polyline fill=\"none\" stroke=\"#b33\" stroke-width=\"2\" points=\"" + points.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ") + "\"/>"
        for point in curve {
            let label = point.cost.map(Self.money) ?? "infeasible"
            let cy = point.cost.map(y) ?? pad
            svg += "<circle cx=\"\(x(point.probability))\" cy=\"\(cy)\" r=\"3\" fill=\"#b33\"/>"
            svg += "<text x=\"\(x(point.probability))\" y=\"\(cy - 8)\" text-anchor=\"middle\">\(label.htmlEscaped)</text>"
            svg += "<text x=\"\(x(point.probability))\" y=\"\(height - pad + 16)\" text-anchor=\"middle\">\(NumberFormat.percent(point.probability).htmlEscaped)</text>"
        }
        return svg + "<text x=\"\(width / 2)\" y=\"\(height - 6)\" text-anchor=\"middle\">limit on P(level ≥ \(limits[0].level))</text></svg>"
    }

    /// White at 0, red at 1.
    static func heat(_ p: Double) -> String {
        let v = Int((255 * (1 - min(1, max(0, p)) * 0.75)).rounded())
        let hex = String(v, radix: 16)
        return "#ff" + String(repeating: "0", count: 2 - hex.count) + hex + String(repeating: "0", count: 2 - hex.count) + hex
    }

    static let style = """
        body { font-family: system-ui, sans-serif; margin: 0; padding: 8px; color: #111; }
        main { max-width: 900px; margin: 0 auto; }
        h1 { font-size: 1.3em; } h2 { font-size: 1.05em; margin-top: 1.2em; }
        p, li { overflow-wrap: anywhere; }
        .ok { color: #1a6b1a; } .bad { color: #a00; font-weight: bold; }
        table.calendar { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 11px; }
        table.calendar th { font-weight: normal; color: #555; }
        table.calendar td { border: 1px solid #ddd; vertical-align: top; padding: 1px; height: 2.6em; overflow: hidden; }
        td.outside { border: none; } td.closed { background: repeating-linear-gradient(45deg, #eee, #eee 3px, #ccc 3px, #ccc 5px); }
        .day { display: block; color: #555; font-size: 10px; }
        .buy { display: block; background: #2a6fb0; color: #fff; border-radius: 2px; margin-top: 1px; overflow-wrap: anywhere; }
        .check { display: block; text-align: center; margin-top: 1px; }
        .check.over { outline: 2px solid #000; outline-offset: -2px; font-weight: bold; }
        svg { width: 100%; height: auto; max-width: 480px; font-size: 11px; }
        .method { color: #555; font-size: 0.85em; }
        """
}
