import OutputFormats

extension Sensitivity {
    /// The page of `plan sensitivity --html`: a header naming the inputs, the measure and the tool
    /// version; the tornado (one bar per end of each input's range, from the middle line, the
    /// largest swing first); the stress run; and the inputs that moved nothing. Self-contained (inline
    /// CSS, no script), no wider than a 390 px phone; the low end is blue and labelled "low", the
    /// high end orange and labelled "high", so the chart reads the same without colour.
    ///
    /// - Complexity: O(inputs).
    public func html(scenarioPath: String, intervalsPath: String?, toolVersion: String) -> String {
        let title = "\(scenarioName): what the risk hangs on"
        let moved = rows.filter { !$0.isUnused }
        let widest = moved.map(\.swing).max() ?? 0
        var body = [
            "<main class=\"sensitivity\">",
            "<header>",
            "<h1>\(title.htmlEscaped)</h1>",
            "<p class=\"meta\">Scenario \(scenarioPath.htmlEscaped); ranges from "
                + (intervalsPath.map { "\($0.htmlEscaped) where it gives one, else the default range (docs/WHATIF.md)" } ?? "the default ranges (docs/WHATIF.md); no intervals file")
                + ". Measure: \(measure.htmlEscaped). \(trials) trials per run, seed \(seed), common random numbers. plan \(toolVersion.htmlEscaped).</p>",
            "</header>",
            "<section>",
            "<h2>Largest swing first</h2>",
            "<p class=\"note\">The scenario itself: \(NumberFormat.fixed(baseExpectedChecks, 1)) expected checks at ≥ \(level). "
                + "Each bar is the change in expected checks at ≥ \(level) with the input at one end of its range; "
                + "to the right of the line more checks, to the left fewer. <span class=\"key low\">low end</span> <span class=\"key high\">high end</span></p>",
        ]
        if moved.isEmpty {
            body.append("<p>No input changes any trial over its range.</p>")
        } else {
            body.append("<ol class=\"tornado\">")
            for row in moved {
                body.append("<li><div class=\"label\"><code>\(row.input.path.htmlEscaped)</code> \(row.input.label.htmlEscaped): "
                    + "\(Self.range(row).htmlEscaped), \(row.fromFit ? "from the fit" : "default range")</div>")
                for (name, end) in [("low", row.low), ("high", row.high)] {
                    body.append("<div class=\"bars\"><span class=\"bar \(name)\" style=\"\(Self.bar(end.change, widest: widest))\"></span></div>")
                    body.append("<div class=\"value\">\(name) \(NumberFormat.plain(end.value).htmlEscaped): \(NumberFormat.signed(end.change, 2)) checks"
                        + (end.worst.map { ", P(≥ \(level)) at the worst check \(NumberFormat.signed($0.difference.estimate * 100, 1)) points" } ?? "")
                        + (end.isUnchanged ? " (no trial changed)" : "") + "</div>")
                }
                body.append("</li>")
            }
            body.append("</ol>")
        }
        body.append("</section>")
        body.append("<section>")
        body.append("<h2>Stress: every input at its adverse end</h2>")
        body.append("<p>\(stressSentence.htmlEscaped)</p>")
        let unused = rows.filter(\.isUnused)
        if !unused.isEmpty || !notApplicable.isEmpty {
            body.append("<h2>Inputs that change nothing</h2>")
            body.append("<ul>")
            for row in unused { body.append("<li><code>\(row.input.path.htmlEscaped)</code>: no trial changed at any check over \(Self.range(row).htmlEscaped)</li>") }
            for (input, reason) in notApplicable { body.append("<li><code>\(input.path.htmlEscaped)</code>: not applicable, \(reason.htmlEscaped)</li>") }
            body.append("</ul>")
        }
        body += ["</section>", "</main>"]
        return htmlDocument(title: title, style: Self.style, body: body)
    }

    /// The bar's place: from the middle line, half the width for the widest swing.
    static func bar(_ change: Double, widest: Double) -> String {
        let share = widest > 0 ? abs(change) / widest * 50 : 0
        let left = change < 0 ? 50 - share : 50
        return "left: \(NumberFormat.fixed(left, 2))%; width: \(NumberFormat.fixed(share, 2))%"
    }

    static let style = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #222; }
        main { max-width: 60em; margin: 0 auto; padding: 0.8em; }
        h1 { font-size: 1.3em; margin: 0.2em 0; }
        h2 { font-size: 1.1em; }
        .meta, .note { color: #444; font-size: 0.9em; overflow-wrap: anywhere; }
        code { overflow-wrap: anywhere; }
        ol.tornado { list-style: none; padding: 0; margin: 0; }
        ol.tornado li { margin: 0 0 0.8em 0; break-inside: avoid; }
        .label { font-size: 0.9em; overflow-wrap: anywhere; }
        .bars { position: relative; height: 0.8em; margin: 0.15em 0; }
        .bars::before { content: ""; position: absolute; left: 50%; top: -0.1em; bottom: -0.1em; border-left: 1px solid #555; }
        .bar { position: absolute; top: 0; bottom: 0; }
        .bar.low, .key.low::before { background: #2c6fb7; }
        .bar.high, .key.high::before { background: #e08214; }
        .key::before { content: ""; display: inline-block; width: 0.8em; height: 0.8em; margin: 0 0.3em 0 0.6em; vertical-align: -0.1em; }
        .value { font-size: 0.8em; color: #333; }
        @media print { .bar, .key::before { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        """
}
