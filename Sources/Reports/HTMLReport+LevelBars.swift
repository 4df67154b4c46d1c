import OutputFormats
import RunArtifacts

extension HTMLReport {
    private static let barTop = 10.0
    private static let barHeight = 160.0
    private static let barWidth = 28.0

    /// Per window, one stacked bar per check day: the share of trials at each level, level 1 at the
    /// bottom, so the dark cap of a bar is the risk above the ordinary. The heatmap shows one number
    /// per check; this shows what it summarises.
    var levelBars: String {
        var lines = [
            "<section id=\"levels\">",
            "<h2>Level distribution per check</h2>",
            "<p class=\"note\">Each bar is one check: the share of the \(NumberFormat.thousands(record.sampling.trials)) trials that ends at each level, "
                + "level 1 at the bottom. Hover over a segment for its probability.</p>",
        ]
        for window in scenario.windows {
            lines.append("<figure>")
            lines.append("<figcaption>\(windowTitle(window).htmlEscaped)</figcaption>")
            lines.append(levelBars(window))
            lines.append("</figure>")
        }
        lines.append("<ul class=\"key\">")
        for level in policy.levels {
            lines.append("<li class=\"key-entry\">\(swatch(level.level))\(level.name.htmlEscaped)</li>")
        }
        lines.append("</ul>")
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    private func levelBars(_ window: RunRecord.Window) -> String {
        let c = HTMLReport.coordinate
        let (top, plot) = (HTMLReport.barTop, HTMLReport.barHeight)
        let height = top + plot + 36
        let width = chartWidth
        var svg = [
            "<svg class=\"bars\" width=\"\(c(width))\" height=\"\(c(height))\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" "
                + "aria-label=\"\(("Level distribution per check, " + windowTitle(window)).htmlEscaped)\">",
        ]
        for tick in [0, 25, 50, 75, 100] {
            let y = c(top + plot * (1 - Double(tick) / 100))
            svg.append("<line x1=\"\(c(HTMLReport.chartLeft - 4))\" y1=\"\(y)\" x2=\"\(c(width - 12))\" y2=\"\(y)\" stroke=\"#dddddd\"/>")
            svg.append("<text x=\"\(c(HTMLReport.chartLeft - 8))\" y=\"\(c(top + plot * (1 - Double(tick) / 100) + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"#444444\">\(tick)%</text>")
        }
        let checks = checks.filter { $0.window == window.name }
        for (i, date) in checkDates.enumerated() {
            guard let check = checks.first(where: { $0.date == date }) else { continue }
            let x = c(slotX(i) + (HTMLReport.daySlot - HTMLReport.barWidth) / 2)
            var bottom = top + plot
            for (l, p) in check.exactly.enumerated() where p > 0 {
                let level = l + 1
                let segment = p * plot
                svg.append("<rect class=\"segment\" x=\"\(x)\" y=\"\(c(bottom - segment))\" width=\"\(c(HTMLReport.barWidth))\" height=\"\(c(segment))\" "
                    + "fill=\"\(Palette.fill(level: level, of: levelCount))\"><title>"
                    + "\((HTMLReport.day(date) + ", " + window.name + ": level \(level), " + NumberFormat.percent(p)).htmlEscaped)</title></rect>")
                bottom -= segment
            }
            // The outline keeps a bar of pale level-1 yellow visible on the white page.
            svg.append("<rect x=\"\(x)\" y=\"\(c(top))\" width=\"\(c(HTMLReport.barWidth))\" height=\"\(c(plot))\" fill=\"none\" stroke=\"#8a8a8a\" stroke-width=\"0.5\"/>")
        }
        svg += dayLabels(top: top + plot + 4)
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }
}
