import Calendars
import OutputFormats
import RunArtifacts
import Simulation

/// `report.html`: the page leadership reads, drawn from a run's files alone (`StoredRun`: `run.json`
/// decoded into the `RunRecord` that was encoded, and the rows of the CSV files it shows, read back).
///
/// One self-contained file — inline CSS and SVG, no script, no font or image from elsewhere — so
/// that it opens from disk and as a mail attachment alike, and prints on A4 or Letter with each
/// section on its own page. The sections come in the order a reader decides: the headline with
/// what to arrange by when, the calendar heatmaps, the level distribution of every check, staffing
/// and workload, the horizon as a whole, and how it was computed.
///
/// The page depends on the data and the run's date alone: numbers have fixed decimals, and of the
/// execution facts only the day the run started is shown (a reader must know how old an outlook
/// is); threads and times are not, so a run on any machine that day gives the same bytes.
public struct HTMLReport: Sendable {
    /// The run the page is drawn from.
    public let run: StoredRun

    public init(_ run: StoredRun) { self.run = run }

    public typealias CheckRow = StoredRun.CheckRow
    public typealias Spread = StoredRun.Spread
    public typealias HorizonRow = StoredRun.HorizonRow
    public typealias RiskDriver = StoredRun.RiskDriver

    var record: RunRecord { run.record }
    var checks: [CheckRow] { run.checks }
    var horizon: [HorizonRow] { run.horizon }
    var recommendations: [Recommendation] { run.recommendations }
    var why: [Attribution.Check] { run.why }
    var riskDrivers: [RiskDriver] { run.riskDrivers }
    var riskStress: Double? { run.riskStress }
    var riskLevel: Int? { run.riskLevel }
    func planningRange(_ check: CheckRow) -> ClosedRange<Int> { run.planningRange(check) }

    var scenario: RunRecord.ScenarioFacts { record.scenario }
    var policy: RunRecord.PolicyFacts { record.policy }

    /// The whole document.
    ///
    /// - Complexity: O(checks × levels).
    public var html: String {
        let title = "\(scenario.name): capacity outlook"
        // Sections a run has no data for are empty and left out (no blank line in their place).
        return htmlDocument(title: title, style: HTMLReport.style, body: [
            "<main id=\"report\" class=\"report\">",
            headline,
            heatmaps,
            whySection,
            riskDriversSection,
            levelBars,
            staffing,
            horizonSection,
            method,
            "</main>",
        ].filter { !$0.isEmpty })
    }

    /// Screen and print styles. Body text is 15 px on screen, charts never go below 12 px; on a
    /// phone (390 px) nothing is wider than the screen; in print the sections follow each other
    /// without forced page breaks (December fits three A4 pages) and no chart is split or clipped.
    static let style = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #ffffff; color: #1b1b1b; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1200px; margin: 0 auto; padding: 14px 24px 40px; }
        h1 { font-size: 25px; margin: 0 0 2px; }
        h2 { font-size: 19px; margin: 22px 0 4px; padding-bottom: 3px; border-bottom: 1px solid #c8c8c8; }
        header h2 { margin-top: 10px; }
        p { margin: 4px 0; }
        .facts { color: #444444; }
        .peak { font-size: 17px; margin: 6px 0 2px; }
        .note { color: #444444; font-size: 14px; }
        table { border-collapse: collapse; margin: 4px 0; }
        th, td { padding: 3px 14px 3px 0; border-bottom: 1px solid #dddddd; text-align: left; vertical-align: top; }
        th { font-size: 13px; color: #444444; font-weight: 600; }
        td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .decisions { padding-left: 18px; margin: 4px 0; }
        .decisions li { margin: 3px 0; }
        .run { color: #444444; font-size: 14px; }
        .since { border: 1px solid #c8c8c8; border-left: 4px solid #6a6a6a; padding: 2px 12px 6px; margin: 10px 0; }
        .since h2 { border: 0; margin-top: 6px; }
        .moves { padding-left: 18px; margin: 4px 0; }
        .heatmaps { display: flex; flex-wrap: wrap; gap: 8px 36px; }
        figure { margin: 6px 0; }
        figcaption { font-weight: 600; margin-bottom: 2px; }
        svg { display: block; max-width: 100%; height: auto; }
        svg text { font-family: inherit; }
        .legend, .key { list-style: none; padding: 0; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 13px; }
        .swatch { display: inline-block; min-width: 22px; padding: 0 5px; margin-right: 5px; border: 1px solid #9a9a9a; text-align: center; font-weight: 700; }
        .swatch.off { background: #ececec; color: #555555; }
        .swatch.closed { background: repeating-linear-gradient(135deg, #ffffff 0 3px, #8a8a8a 3px 4px); color: #333333; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 6px 0; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        dd ul { margin: 0; padding-left: 18px; }
        code { font-size: 13px; overflow-wrap: anywhere; }
        .heatmaps figure { min-width: 0; max-width: 100%; }
        .scroll { max-width: 100%; overflow-x: auto; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        @media (max-width: 640px) {
          main { padding: 10px 12px 30px; }
          th, td { padding-right: 6px; }
          td.number { white-space: normal; }
          .horizon .bar { display: none; }
          dl { grid-template-columns: 1fr; }
        }
        @media print {
          @page { margin: 10mm; }
          body { font-size: 9pt; line-height: 1.3; }
          h1 { font-size: 15pt; }
          h2 { font-size: 12pt; margin: 10px 0 2px; }
          .peak { font-size: 10pt; }
          .note, th, .legend, .key, dl { font-size: 8pt; }
          main { max-width: none; padding: 0; }
          .heatmaps { flex-wrap: nowrap; gap: 12px; }
          .heatmaps figure { flex: 1 1 0; min-width: 0; }
          figure { margin: 2px 0; }
          figure, tr { break-inside: avoid; }
          h2 { break-after: avoid; }
        }
        """

    // MARK: - Shared by the sections

    /// The dates with at least one check, in order: the x axis of the per-check charts.
    var checkDates: [CivilDate] {
        var dates: [CivilDate] = []
        for check in checks where dates.last != check.date { dates.append(check.date) }
        return dates
    }

    var levelCount: Int { policy.levels.count }

    /// "EMEA check, 10:00 UTC".
    func windowTitle(_ window: RunRecord.Window) -> String { "\(window.name) check, \(window.check) UTC" }

    /// "Tue 2026-12-01".
    static func day(_ date: CivilDate) -> String { "\(date.weekday.abbreviation) \(date)" }

    /// A coordinate in SVG: one decimal at most, so the output is stable and compact.
    static func coordinate(_ x: Double) -> String {
        let text = NumberFormat.fixed(x, 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// The per-check charts (level bars, staffing) share one x axis: a slot per check day, after a
    /// margin for the y-axis labels, so that the same day sits at the same place in every chart.
    static let chartLeft = 64.0
    static let daySlot = 44.0

    var chartWidth: Double { HTMLReport.chartLeft + Double(checkDates.count) * HTMLReport.daySlot + 12 }

    /// Left edge of day `index`'s slot.
    func slotX(_ index: Int) -> Double { HTMLReport.chartLeft + Double(index) * HTMLReport.daySlot }

    /// The x-axis labels under the slots, with their top at `y`: the weekday, then the day of the
    /// month, with the month's name on the first day shown and where a month begins.
    func dayLabels(top y: Double) -> [String] {
        let c = HTMLReport.coordinate
        var labels: [String] = []
        for (i, date) in checkDates.enumerated() {
            let x = c(slotX(i) + HTMLReport.daySlot / 2)
            let newMonth = i == 0 || checkDates[i - 1].month != date.month
            let day = newMonth ? TerminalSummary.monthDay(date) : "\(date.day)"
            labels.append("<text x=\"\(x)\" y=\"\(c(y + 12))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#444444\">\(date.weekday.abbreviation)</text>")
            labels.append("<text x=\"\(x)\" y=\"\(c(y + 27))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1b1b\">\(day)</text>")
        }
        return labels
    }

    /// The swatch of a level: its colour with its number printed on it.
    func swatch(_ level: Int) -> String {
        "<span class=\"swatch\" style=\"background:\(Palette.fill(level: level, of: levelCount));color:\(Palette.ink(level: level, of: levelCount))\">\(level)</span>"
    }
}
