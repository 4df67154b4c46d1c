import CGSL
import OutputFormats

extension Calibration {
    /// A self-contained page (inline CSS and SVG, no scripts or external assets), no wider than a
    /// 390 px phone: a header naming the inputs (`inputs`, as the command line gave them), the filter
    /// and the tool version; the goodness-of-fit lines of each part and the warnings (what README's
    /// "Read the fit" asks the reader to check) before the fitted keys with intervals and methods;
    /// then three charts — the weekday profile observed vs fitted, the daily counts with the fitted
    /// 90% band on a date axis, and the resolution rate of each usable segment.
    public func html(inputs: [String], toolVersion: String) -> String {
        let days = request.days
        let filter = request.filters.isEmpty ? "every row" : "rows with " + request.filters.map { "\($0.column) = \($0.value)" }.joined(separator: " and ")
        var body = "<header><h1>Calibration " + "\(days.first)…\(days.last)".htmlEscaped + "</h1>\n"
        body += "<p class=\"meta\">From \(inputs.joined(separator: "; ").htmlEscaped). Filter: \(filter.htmlEscaped)"
            + (request.absences == nil ? "" : "; sickness from absences of type \(Calibration.sicknessTypes.union(request.sicknessTypes.map { $0.lowercased() }).sorted().joined(separator: ", ")), leave from \(request.leaveTypeList)".htmlEscaped)
            + ". \(createdPerDay.reduce(0, +)) cases created in \(days.dayCount) days. plan \(toolVersion.htmlEscaped).</p></header>\n"
        body += "<h2>How well it fits</h2>\n<ul class=\"fit\">\n"
        for (part, lines) in goodnessOfFit {
            for line in lines { body += "<li><b>\(part.htmlEscaped)</b>: \(line.htmlEscaped)</li>\n" }
        }
        body += "</ul>\n"
        for line in allWarnings { body += "<p class=\"warning\">warning: \(line.htmlEscaped)</p>\n" }
        for line in notes { body += "<p class=\"note\">note: \(line.htmlEscaped)</p>\n" }
        body += "<h2>Fitted keys (estimate, 95% interval)</h2>\n"
        body += "<table><tr><th>key</th><th>estimate</th><th>95% interval</th><th>how</th></tr>\n"
        for key in fittedKeys {
            guard let e = key.estimate else { continue }
            body += "<tr><td><code>\(key.pointer.htmlEscaped)</code></td><td>\(NumberFormat.fixed(e.value, 3))</td>"
                + "<td>\(Self.bound(e.low, 3))–\(Self.bound(e.high, 3))</td><td class=\"how\">\(e.method.htmlEscaped)</td></tr>\n"
        }
        body += "</table>\n"
        body += "<h2>Weekday profile: observed (bars) and fitted (dots) mean cases on an ordinary day</h2>\n" + weekdayChart
        body += "<h2>Cases created each day (dots), fitted mean (line) and 90% band</h2>\n" + dailyChart
        if resolution != nil {
            body += "<h2>Solved per working SE-shift in each usable segment, with the estimate</h2>\n" + resolutionChart
        }
        return htmlDocument(title: "plan calibrate \(days.first)…\(days.last)", style: Self.style, body: [body])
    }

    static let style = """
        body{font-family:system-ui,sans-serif;margin:0 auto;padding:.8em;max-width:70em;color:#222}\
        h1{font-size:1.3em}h2{font-size:1.05em}.meta{color:#444;font-size:.9em;overflow-wrap:anywhere}\
        table{border-collapse:collapse;font-size:.9em}td,th{border-bottom:1px solid #ddd;padding:.2em .4em;text-align:left;vertical-align:top}\
        code{overflow-wrap:anywhere}td.how{font-size:.85em}.warning{color:#a40}.fit li{overflow-wrap:anywhere}\
        svg{background:#fafafa;border:1px solid #eee;width:100%;height:auto}
        """

    private static let width = 900.0, height = 260.0, margin = 40.0

    /// An SVG with a y axis from 0 to `top` and `content` drawn by the caller through `y`.
    private static func chart(label: String, top: Double, _ content: (_ y: (Double) -> Double) -> String) -> String {
        let y = { (v: Double) in height - margin - (height - 2 * margin) * v / top }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(label.htmlEscaped)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"
        svg += "<line x1=\"\(margin)\" y1=\"\(y(0))\" x2=\"\(width - margin)\" y2=\"\(y(0))\" stroke=\"#888\"/>"
        for tick in [0.0, top / 2, top] {
            svg += "<text x=\"\(margin - 4)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\" font-size=\"10\">\(NumberFormat.fixed(tick, top < 10 ? 1 : 0))</text>"
        }
        return svg + content(y) + "</svg>\n"
    }

    private var weekdayChart: String {
        let means = inflow.weekdayMeans
        let top = max(1, means.map { max($0.observed, $0.fitted) }.max()!) * 1.1
        let step = (Self.width - 2 * Self.margin) / Double(means.count)
        return Self.chart(label: "weekday profile", top: top) { y in
            means.enumerated().map { i, m in
                let x = Self.margin + step * Double(i)
                return "<rect x=\"\(x + step * 0.2)\" y=\"\(y(m.observed))\" width=\"\(step * 0.6)\" height=\"\(y(0) - y(m.observed))\" fill=\"#9bc\"><title>\(m.weekday.abbreviation) observed \(NumberFormat.fixed(m.observed, 1))</title></rect>"
                    + "<circle cx=\"\(x + step / 2)\" cy=\"\(y(m.fitted))\" r=\"5\" fill=\"#c40\"><title>\(m.weekday.abbreviation) fitted \(NumberFormat.fixed(m.fitted, 1))</title></circle>"
                    + "<text x=\"\(x + step / 2)\" y=\"\(Self.height - Self.margin + 14)\" text-anchor=\"middle\" font-size=\"11\">\(m.weekday.abbreviation)</text>"
            }.joined()
        }
    }

    /// The 5% and 95% quantiles of a day's count under the fitted distribution (GSL's CDFs).
    private func band(_ mean: Double) -> (Double, Double) {
        func quantile(_ q: Double) -> Double {
            var x: UInt32 = 0
            while true {
                let p = inflow.dispersion.map { k in gsl_cdf_negative_binomial_P(x, k.value / (k.value + mean), k.value) } ?? gsl_cdf_poisson_P(x, mean)
                if p >= q || x > 10_000_000 { return Double(x) }
                x += 1
            }
        }
        return (quantile(0.05), quantile(0.95))
    }

    private var dailyChart: String {
        let n = createdPerDay.count
        let bands = inflow.fittedMeans.map(band)
        let top = max(1, Double(createdPerDay.max() ?? 0), bands.map(\.1).max() ?? 0) * 1.1
        let x = { (d: Int) in Self.margin + (Self.width - 2 * Self.margin) * (Double(d) + 0.5) / Double(n) }
        return Self.chart(label: "daily counts", top: top) { y in
            let upper = (0..<n).map { "\(x($0)),\(y(bands[$0].1))" }
            let lower = (0..<n).reversed().map { "\(x($0)),\(y(bands[$0].0))" }
            var svg = "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"#c40\" fill-opacity=\"0.15\"/>"
            svg += "<polyline points=\"\((0..<n).map { "\(x($0)),\(y(inflow.fittedMeans[$0]))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#c40\"/>"
            // A date axis: a tick and the date at the first day and at the first of each month (of
            // each year beyond 400 days, where month labels would overlap).
            for d in 0..<n where d == 0 || (clock.date(ofDay: d).day == 1 && (n <= 400 || clock.date(ofDay: d).month == 1)) {
                let date = clock.date(ofDay: d)
                svg += "<line x1=\"\(x(d))\" y1=\"\(y(0))\" x2=\"\(x(d))\" y2=\"\(y(0) + 4)\" stroke=\"#888\"/>"
                svg += "<text x=\"\(x(d))\" y=\"\(Self.height - Self.margin + 16)\" text-anchor=\"\(d == 0 ? "start" : "middle")\" font-size=\"11\">\(date)</text>"
            }
            for d in 0..<n {
                svg += "<circle cx=\"\(x(d))\" cy=\"\(y(Double(createdPerDay[d])))\" r=\"2\" fill=\"#246\"><title>\(clock.date(ofDay: d)): \(createdPerDay[d])</title></circle>"
            }
            return svg
        }
    }

    private var resolutionChart: String {
        guard let resolution else { return "" }
        let rates = resolution.usable.map { Double($0.solved) / $0.shifts }
        let estimate = resolution.resolvePerShift
        let top = max(1, rates.max() ?? 0, estimate.high ?? estimate.value) * 1.1
        let n = clock.dayCount * clock.segmentCount
        let x = { (u: (day: Int, segment: Int, solved: Int, shifts: Double)) in
            Self.margin + (Self.width - 2 * Self.margin) * (Double(u.day * self.clock.segmentCount + u.segment) + 0.5) / Double(n)
        }
        return Self.chart(label: "resolution rate", top: top) { y in
            var svg = "<line x1=\"\(Self.margin)\" y1=\"\(y(estimate.value))\" x2=\"\(Self.width - Self.margin)\" y2=\"\(y(estimate.value))\" stroke=\"#c40\"/>"
            for (u, rate) in zip(resolution.usable, rates) {
                svg += "<circle cx=\"\(x(u))\" cy=\"\(y(rate))\" r=\"2\" fill=\"#246\"><title>\(clock.date(ofDay: u.day)) \(clock.windows[u.segment].name): \(u.solved) solved / \(NumberFormat.fixed(u.shifts, 2)) SE-shifts</title></circle>"
            }
            return svg
        }
    }
}
