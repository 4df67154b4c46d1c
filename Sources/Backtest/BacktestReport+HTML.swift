import OutputFormats

extension BacktestReport {
    /// One self-contained page (inline CSS and SVG, no script): what was scored, the verdicts with
    /// their 95% bands drawn, a reliability diagram per level that some forecast or check reached
    /// (with a legend), the scores against the baselines, and the open-case coverage. Wide tables
    /// scroll inside themselves, so the page fits a 390 px phone screen.
    ///
    /// - Complexity: O(levels × bins).
    public var html: String {
        let title = "Backtest \(period)"
        return htmlDocument(title: title, style: Self.style, body: [
            "<main id=\"backtest\">",
            "<h1>\(title.htmlEscaped)</h1>",
            "<p class=\"facts\">\(scope.htmlEscaped)</p>",
            verdictSection,
            reliabilitySection,
            scoreSection,
            coverageSection,
            "</main>",
        ])
    }

    private var verdictSection: String {
        var lines = [
            "<section id=\"verdicts\">", "<h2>Verdicts</h2>",
            "<p class=\"note\">The checks declared at ≥ k over whole ISO weeks against the forecasts' own 95% band for that count "
                + "(bar: the band; line: expected; dot: declared). Outside the band by more than z = \(NumberFormat.fixed(CountCalibration.threshold, 1)) "
                + "is a verdict of under- or over-forecasting.</p>",
            "<div class=\"scroll\">", "<table>", "<tr><th>level</th><th>verdict</th><th>declared against the band</th></tr>",
        ]
        lines += levels.map {
            "<tr><td>≥\($0.level)</td><td class=\"verdict\">\($0.calibration.verdict.rawValue.htmlEscaped)</td><td>"
                + Self.band($0.calibration) + "<div class=\"evidence\">\($0.calibration.evidence.htmlEscaped)</div></td></tr>"
        }
        lines += ["</table>", "</div>", "</section>"]
        return lines.joined(separator: "\n")
    }

    /// The verdict's 95% band as a bar on a scale from 0, the expected count as a line and the
    /// declared count as a dot; nothing for a level without a verdict.
    static func band(_ c: CountCalibration) -> String {
        guard let p = c.predicted else { return "" }
        let width = 220.0, left = 8.0
        let top = max(1, Double(max(p.high, c.observed)) * 1.1, p.mean * 1.1)
        func x(_ v: Double) -> String { NumberFormat.fixed(left + v / top * width, 1) }
        let colour = c.verdict == .underForecasts || c.verdict == .overForecasts ? "#bc3754" : "#3b5b92"
        return [
            "<svg class=\"band\" data-level=\"\(c.level)\" viewBox=\"0 0 240 30\" width=\"240\" height=\"30\" role=\"img\" "
                + "aria-label=\"declared \(c.observed), 95% band \(p.low) to \(p.high), expected \(NumberFormat.fixed(p.mean, 1))\">",
            "<line x1=\"\(x(0))\" y1=\"22\" x2=\"\(x(top))\" y2=\"22\" stroke=\"#9a9a9a\"/>",
            "<rect class=\"band95\" x=\"\(x(Double(p.low)))\" y=\"8\" width=\"\(NumberFormat.fixed(max(1, Double(p.high - p.low) / top * width), 1))\" "
                + "height=\"10\" fill=\"#c9d6ea\"/>",
            "<line class=\"expected\" x1=\"\(x(p.mean))\" y1=\"5\" x2=\"\(x(p.mean))\" y2=\"21\" stroke=\"#1b1b1b\" stroke-width=\"2\"/>",
            "<circle class=\"declared\" cx=\"\(x(Double(c.observed)))\" cy=\"13\" r=\"4.5\" fill=\"\(colour)\"/>",
            "<text x=\"\(x(0))\" y=\"30\">0</text>",
            "<text x=\"\(x(top))\" y=\"30\" text-anchor=\"end\">\(Int(top.rounded(.down)))</text>",
            "</svg>",
        ].joined()
    }

    /// The levels with a diagram: those some forecast gave a chance or some check reached. The
    /// others would be an empty square.
    private var drawnLevels: [LevelScore] { levels.filter { score in score.bins.contains { $0.meanForecast > 0 || $0.observed.successes > 0 } } }

    private var reliabilitySection: String {
        var lines = [
            "<section id=\"reliability\">", "<h2>Reliability</h2>",
            "<p class=\"note\">Forecast P(level ≥ k) against how often the level was declared, per bin of forecasts. On the dashed "
                + "diagonal the forecasts say what happens.</p>",
            "<p class=\"legend\"><svg viewBox=\"0 0 14 14\" width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"#3b5b92\"/></svg> "
                + "the bin's mean forecast lies in the observed frequency's 95% interval "
                + "<svg viewBox=\"0 0 14 14\" width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"#bc3754\"/></svg> "
                + "it does not. A dot's area is its number of checks; its vertical bar, the 95% interval.</p>",
        ]
        let left = levels.count - drawnLevels.count
        if left > 0 {
            let names = levels.filter { score in !drawnLevels.contains { $0.level == score.level } }.map { "≥\($0.level)" }.joined(separator: ", ")
            lines.append("<p class=\"note\">Left out: \(names), which no forecast gave any chance and no check reached.</p>")
        }
        lines.append("<div class=\"diagrams\">")
        lines += drawnLevels.map(diagram)
        lines += ["</div>", "</section>"]
        return lines.joined(separator: "\n")
    }

    /// A reliability diagram: 240 × 240 plot area, forecast on x, observed frequency on y.
    private func diagram(_ score: LevelScore) -> String {
        let size = 240.0, left = 40.0, top = 10.0
        func x(_ p: Double) -> String { NumberFormat.fixed(left + p * size, 1) }
        func y(_ p: Double) -> String { NumberFormat.fixed(top + (1 - p) * size, 1) }
        let most = Double(score.bins.map(\.checks).max() ?? 1)
        var parts = [
            "<figure>",
            "<figcaption>≥\(score.level): \(score.calibration.verdict.rawValue.htmlEscaped)</figcaption>",
            "<svg class=\"reliability\" data-level=\"\(score.level)\" viewBox=\"0 0 290 290\" width=\"290\" height=\"290\" role=\"img\" "
                + "aria-label=\"Reliability of P(level ≥ \(score.level))\">",
            "<rect x=\"\(x(0))\" y=\"\(y(1))\" width=\"\(size)\" height=\"\(size)\" fill=\"#ffffff\" stroke=\"#9a9a9a\"/>",
            "<line x1=\"\(x(0))\" y1=\"\(y(0))\" x2=\"\(x(1))\" y2=\"\(y(1))\" stroke=\"#9a9a9a\" stroke-dasharray=\"4 3\"/>",
        ]
        for tick in stride(from: 0.0, through: 1.0, by: 0.5) {
            parts.append("<text x=\"\(x(tick))\" y=\"\(NumberFormat.fixed(top + size + 14, 1))\" text-anchor=\"middle\">\(NumberFormat.fixed(tick, 1))</text>")
            parts.append("<text x=\"\(NumberFormat.fixed(left - 4, 1))\" y=\"\(y(tick))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(NumberFormat.fixed(tick, 1))</text>")
        }
        parts.append("<text x=\"\(x(0.5))\" y=\"\(NumberFormat.fixed(top + size + 30, 1))\" text-anchor=\"middle\">forecast</text>")
        for bin in score.bins {
            let colour = bin.consistent ? "#3b5b92" : "#bc3754"
            parts.append("<line class=\"interval\" x1=\"\(x(bin.meanForecast))\" y1=\"\(y(bin.observed.low))\" x2=\"\(x(bin.meanForecast))\" y2=\"\(y(bin.observed.high))\" stroke=\"\(colour)\" stroke-width=\"2\"/>")
            let radius = 3 + 7 * (Double(bin.checks) / most).squareRoot()
            parts.append("<circle class=\"bin\" cx=\"\(x(bin.meanForecast))\" cy=\"\(y(bin.observed.estimate))\" r=\"\(NumberFormat.fixed(radius, 1))\" fill=\"\(colour)\">"
                + "<title>forecast \(NumberFormat.fixed(bin.meanForecast, 3)), observed \(NumberFormat.fixed(bin.observed.estimate, 3)) of \(bin.checks) checks</title></circle>")
        }
        parts += ["</svg>", "</figure>"]
        return parts.joined(separator: "\n")
    }

    private var scoreSection: String {
        func row(_ name: String, _ c: ScoreComparison) -> String {
            "<tr><td>\(name)</td>" + [
                NumberFormat.fixed(c.forecast, 4), NumberFormat.fixed(c.climatology, 4), Self.skill(c.skillVersusClimatology),
                NumberFormat.fixed(c.persistence, 4), Self.skill(c.skillVersusPersistence),
                c.floorChecks == 0 ? "—" : NumberFormat.fixed(c.floor, 4), Self.skill(c.skillVersusFloor),
            ].map { "<td class=\"number\">\($0)</td>" }.joined() + "</tr>"
        }
        var lines = [
            "<section id=\"scores\">", "<h2>Scores and skill</h2>", "<div class=\"scroll\">", "<table>",
            "<tr><th>score</th><th>forecast</th><th>climatology</th><th>skill</th><th>persistence</th><th>skill</th><th>schedule floor</th><th>skill</th></tr>",
        ]
        lines += levels.map { row("Brier, level ≥ \($0.level)", $0.brier) }
        lines.append(row("ranked probability, all \(pairs.count) checks", rankedProbability))
        if let uncertain = rankedProbabilityUncertain { lines.append(row("ranked probability, \(uncertainChecks) uncertain checks", uncertain)) }
        lines += [
            "</table>", "</div>",
            "<p class=\"note\">Lower scores are better. Skill is 1 − score / baseline's score: above 0 the forecasts beat the baseline. "
                + "Climatology: the level frequencies of earlier checks of the same window and weekday. Persistence: the level declared at the "
                + "same window on the previous check day (scored on the \(rankedProbability.persistenceChecks) checks that have one). Schedule floor: the "
                + "level the planned headcount alone implies, as a certain forecast. Uncertain checks: those the forecast gave no level "
                + "\(NumberFormat.percent(Self.certainty)) or more, where the simulation has something to add to the rota.</p>",
            "</section>",
        ]
        return lines.joined(separator: "\n")
    }

    private var coverageSection: String {
        guard let coverage else { return "" }
        return [
            "<section id=\"coverage\">", "<h2>Open cases</h2>",
            "<p>The declared open cases fell inside the forecast P10–P90 at \(coverage.inside.successes) of \(coverage.inside.trials) checks: "
                + "<strong>\(NumberFormat.percent(coverage.inside.estimate))</strong> (95% interval \(NumberFormat.percent(coverage.inside.low))–"
                + "\(NumberFormat.percent(coverage.inside.high))); a right forecast covers 80%. The range was \(NumberFormat.fixed(coverage.meanWidth, 1)) cases wide on average.</p>",
            "</section>",
        ].joined(separator: "\n")
    }

    static let style = """
        body { margin: 0; background: #ffffff; color: #1b1b1b; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        main { max-width: 1200px; margin: 0 auto; padding: 14px 24px 40px; }
        h1 { font-size: 25px; margin: 0 0 2px; }
        h2 { font-size: 19px; margin: 22px 0 4px; padding-bottom: 3px; border-bottom: 1px solid #c8c8c8; }
        .facts, .note { color: #444444; }
        .note { font-size: 14px; }
        table { border-collapse: collapse; margin: 4px 0; }
        .scroll { max-width: 100%; overflow-x: auto; }
        .evidence { font-size: 13px; color: #444444; max-width: 40em; }
        .legend svg { display: inline-block; vertical-align: -2px; }
        th, td { padding: 3px 14px 3px 0; border-bottom: 1px solid #dddddd; text-align: left; vertical-align: top; }
        th { font-size: 13px; color: #444444; font-weight: 600; }
        td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.verdict { white-space: nowrap; font-weight: 600; }
        .diagrams { display: flex; flex-wrap: wrap; gap: 8px 24px; }
        figure { margin: 6px 0; }
        figcaption { font-weight: 600; }
        svg { display: block; max-width: 100%; height: auto; }
        svg text { font: 12px system-ui, sans-serif; fill: #333333; }
        @media (max-width: 640px) { main { padding: 10px 12px 30px; } th, td { padding-right: 8px; } }
        @media print { section { break-inside: avoid; } }
        """
}
