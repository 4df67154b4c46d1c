import Foundation
import OutputFormats

extension HTMLReport {
    private static let headcountRow = 24.0
    private static let panelHeight = 130.0
    private static let panelTitle = 26.0

    /// Why the levels come out as they do: the headcount each group has planned per day (from the
    /// calendars, before sickness) above the expected open cases and load at every check, with the
    /// band from the median to the 90th percentile, on the x axis of the level bars.
    var staffing: String {
        [
            "<section id=\"staffing\">",
            "<h2>Staffing and workload</h2>",
            "<p class=\"note\">Planned SEs per group and day, from the calendars before sickness (shaded where fewer than the whole group). "
                + "Below, at each check (\(scenario.windows.map(\.name).joined(separator: " then ").htmlEscaped) within a day): "
                + "open cases and load (open cases per working SE); the line is the mean, the grey band runs from the median to the 90th percentile. "
                + "Hover over a point for its numbers.</p>",
            "<figure>",
            staffingChart,
            "</figure>",
            "</section>",
        ].joined(separator: "\n")
    }

    private var staffingChart: String {
        let c = HTMLReport.coordinate
        let groups = scenario.groups
        let headcountTop = HTMLReport.panelTitle
        let openTop = headcountTop + Double(groups.count) * HTMLReport.headcountRow + HTMLReport.panelTitle + 8
        let loadTop = openTop + HTMLReport.panelHeight + HTMLReport.panelTitle + 8
        let labelsTop = loadTop + HTMLReport.panelHeight + 6
        let height = labelsTop + 34
        let width = chartWidth
        var svg = [
            "<svg class=\"staffing\" width=\"\(c(width))\" height=\"\(c(height))\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" "
                + "aria-label=\"Planned headcount, open cases and load\">",
            panelTitle("Planned SEs per group", top: headcountTop),
        ]
        svg += headcount(top: headcountTop)
        svg.append(panelTitle("Open cases", top: openTop))
        svg += series(top: openTop, name: "open cases", value: \.open)
        svg.append(panelTitle("Load (open cases per working SE)", top: loadTop))
        svg += series(top: loadTop, name: "load", value: \.load)
        svg += dayLabels(top: labelsTop)
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    private func panelTitle(_ text: String, top: Double) -> String {
        "<text x=\"\(HTMLReport.coordinate(HTMLReport.chartLeft))\" y=\"\(HTMLReport.coordinate(top - 9))\" font-size=\"13\" font-weight=\"600\" fill=\"#1b1b1b\">\(text.htmlEscaped)</text>"
    }

    /// A row per group, the day's planned headcount printed in each day slot. When the windows of
    /// a day plan different headcounts (shifts that start or end between checks), all are shown.
    private func headcount(top: Double) -> [String] {
        let c = HTMLReport.coordinate
        var svg: [String] = []
        for (g, group) in scenario.groups.enumerated() {
            let y = top + Double(g) * HTMLReport.headcountRow
            svg.append("<text x=\"\(c(HTMLReport.chartLeft - 8))\" y=\"\(c(y + 16))\" text-anchor=\"end\" font-size=\"13\" fill=\"#1b1b1b\">\(group.name.htmlEscaped)</text>")
            for (i, date) in checkDates.enumerated() {
                var planned: [Int] = []
                for check in checks where check.date == date && !planned.contains(check.planned[g]) { planned.append(check.planned[g]) }
                let short = planned.contains { $0 < group.members.count }
                let x = slotX(i)
                let hover = "\(HTMLReport.day(date)), \(group.name): \(planned.map(String.init).joined(separator: " / ")) of \(group.members.count) planned"
                svg.append("<g><title>\(hover.htmlEscaped)</title>")
                svg.append("<rect x=\"\(c(x + 2))\" y=\"\(c(y))\" width=\"\(c(HTMLReport.daySlot - 4))\" height=\"\(c(HTMLReport.headcountRow - 3))\" "
                    + "fill=\"\(short ? "#d6d6d6" : "#f4f4f4")\"/>")
                svg.append("<text x=\"\(c(x + HTMLReport.daySlot / 2))\" y=\"\(c(y + 16))\" text-anchor=\"middle\" font-size=\"13\"\(short ? " font-weight=\"700\"" : "") fill=\"#1b1b1b\">"
                    + "\(planned.map(String.init).joined(separator: "/"))</text></g>")
            }
        }
        return svg
    }

    /// A panel of one quantity at every check: the band from median to 90th percentile, the mean as
    /// a line with a point per check. A load of +infinity (nobody working) is drawn at the top.
    private func series(top: Double, name: String, value: KeyPath<CheckRow, Spread>) -> [String] {
        let c = HTMLReport.coordinate
        let plot = HTMLReport.panelHeight
        let highest = checks.flatMap { [$0[keyPath: value].mean, $0[keyPath: value].p90] }.filter(\.isFinite).max() ?? 0
        let (step, ceiling) = HTMLReport.axis(highest)
        func y(_ v: Double) -> Double { top + plot * (1 - min(v, ceiling) / ceiling) }

        let windows = scenario.windows.map(\.name)
        let dateIndex = Dictionary(checkDates.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func x(_ check: CheckRow) -> Double {
            let w = Double(windows.firstIndex(of: check.window) ?? 0)
            return slotX(dateIndex[check.date]!) + (w + 0.5) * HTMLReport.daySlot / Double(windows.count)
        }

        var svg: [String] = []
        for i in 0...Int((ceiling / step).rounded()) {
            let tick = Double(i) * step
            svg.append("<line x1=\"\(c(HTMLReport.chartLeft - 4))\" y1=\"\(c(y(tick)))\" x2=\"\(c(chartWidth - 12))\" y2=\"\(c(y(tick)))\" stroke=\"#dddddd\"/>")
            svg.append("<text x=\"\(c(HTMLReport.chartLeft - 8))\" y=\"\(c(y(tick) + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"#444444\">\(NumberFormat.plain(tick))</text>")
        }
        let spreads = checks.map { (x($0), $0[keyPath: value]) }
        let band = spreads.map { "\(c($0.0)),\(c(y($0.1.p90)))" } + spreads.reversed().map { "\(c($0.0)),\(c(y($0.1.p50)))" }
        svg.append("<polygon points=\"\(band.joined(separator: " "))\" fill=\"#c4c4c4\" fill-opacity=\"0.7\"/>")
        svg.append("<polyline points=\"\(spreads.map { "\(c($0.0)),\(c(y($0.1.mean)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#1b1b1b\" stroke-width=\"1.5\"/>")
        for (check, (px, spread)) in zip(checks, spreads) {
            let hover = "\(HTMLReport.day(check.date)), \(check.window): \(name) mean \(NumberFormat.fixed(spread.mean, 2)), "
                + "median \(NumberFormat.plain(spread.p50)), 90th percentile \(NumberFormat.plain(spread.p90))"
            svg.append("<circle cx=\"\(c(px))\" cy=\"\(c(y(spread.mean)))\" r=\"2.5\" fill=\"#1b1b1b\"><title>\(hover.htmlEscaped)</title></circle>")
        }
        return svg
    }

    /// A y axis from 0 that holds `highest`: a step of 1, 2, 2.5 or 5 times a power of ten giving
    /// four or five gridlines, and the top gridline.
    static func axis(_ highest: Double) -> (step: Double, ceiling: Double) {
        let target = max(highest, 1) / 4
        let magnitude = pow(10, floor(log10(target)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= target }!
        return (step, (max(highest, 1) / step).rounded(.up) * step)
    }
}
