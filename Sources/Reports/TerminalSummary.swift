import Calendars
import OutputFormats
import RunArtifacts
import Simulation

/// What `plan simulate` prints for a leader: how the run was made, one row per check day with
/// every window side by side, the channels to brief ahead of time, and the horizon at a glance.
/// Plain text, columns aligned, at most `TerminalSummary.width` columns wide.
///
/// Nothing in it depends on the thread count or the machine, so two runs of the same inputs
/// print the same summary.
public struct TerminalSummary {
    public static let width = 100
    /// Level columns shown per window at most, so that the day rows stay readable.
    static let maximumLevelColumns = 5
    /// A level gets a column when some check's P(level ≥ k) reaches this.
    static let noticeable = 0.01
    /// Columns of a day row: date and weekday, then per window the planning level and one cell per level shown.
    static let dayWidth = 17
    static let planWidth = 8
    static let cellWidth = 6

    let output: RunOutput

    public init(_ output: RunOutput) { self.output = output }

    public var text: String {
        (header + [""] + days + [""] + recommendations + [""] + horizon).joined(separator: "\n") + "\n"
    }

    private var estimates: Estimates { output.estimates }
    private var record: RunRecord { output.record }

    var header: [String] {
        let s = record.scenario
        let groups = s.groups.map { "\($0.name) \($0.members.count)" }.joined(separator: ", ")
        let team = s.groups.reduce(0) { $0 + $1.members.count }
        let sampling = record.sampling
        var size = "\(NumberFormat.thousands(sampling.trials)) trials, seed \(sampling.seed)"
        if let target = sampling.precisionTarget {
            size += " (sized for ±\(NumberFormat.points(target)) points, at most \(NumberFormat.thousands(sampling.maximumTrials ?? 0)) trials)"
        }
        let policy = record.policy
        let lines = [
            "\(s.name): \(s.horizon.start)…\(s.horizon.end), \(s.checks) checks (\(s.windows.map(\.name).joined(separator: ", "))); "
                + "\(team) SEs (\(groups))",
            "\(size); every P(level ≥ k) within ±\(NumberFormat.points(sampling.precision)) points (95%)",
        ] + [sampling.missedTargetSentence].compactMap { $0 } + [
            "Policy: \(policy.name), \(policy.source), \(policy.reading) reading",
        ] + record.assumptions.summary
        return lines.flatMap { wrap($0) }
    }

    /// `text` broken at spaces into lines of at most `width` columns; continuation lines are
    /// indented four spaces more than the first.
    func wrap(_ text: String, width: Int = TerminalSummary.width) -> [String] {
        let indent = String(text.prefix { $0 == " " })
        var lines: [String] = []
        var words: [Substring] = []
        func line(_ words: [Substring]) -> String { indent + (lines.isEmpty ? "" : "    ") + words.joined(separator: " ") }
        for word in text.split(separator: " ") {
            if !words.isEmpty && line(words + [word]).count > width {
                lines.append(line(words))
                words = []
            }
            words.append(word)
        }
        lines.append(line(words))
        return lines
    }

    /// Levels k ≥ 2 worth a column: the lowest few whose P(level ≥ k) is noticeable at some check
    /// and not certain at every check (a column of 100% says nothing the planning level does not).
    var shownLevels: [Int] {
        let windows = max(1, record.scenario.windows.count)
        let room = (TerminalSummary.width - TerminalSummary.dayWidth) / windows - TerminalSummary.planWidth
        let fitting = max(1, min(TerminalSummary.maximumLevelColumns, room / TerminalSummary.cellWidth))
        let levelCount = estimates.model.levelCount
        guard levelCount >= 2 else { return [] }
        let levels = (2...levelCount).filter { k in
            estimates.checks.contains { $0.atLeast[k - 1].estimate >= TerminalSummary.noticeable }
                && estimates.checks.contains { $0.atLeast[k - 1].estimate < 0.995 }
        }
        return Array(levels.prefix(fitting))
    }

    var days: [String] {
        let levels = shownLevels
        let windows = record.scenario.windows
        let windowWidth = TerminalSummary.planWidth + TerminalSummary.cellWidth * levels.count
        var titles = "".column(TerminalSummary.dayWidth)
        var columns = "date".column(12) + "day".column(5)
        for window in windows {
            titles += "\(window.name) \(window.check) UTC".column(windowWidth)
            columns += "plan".column(TerminalSummary.planWidth) + levels.map { "≥\($0)".column(TerminalSummary.cellWidth) }.joined()
        }
        var lines = [titles.trimmingTrailingSpaces, columns.trimmingTrailingSpaces]
        var previous: CivilDate?
        let scenario = estimates.model.scenario
        for date in scenario.horizon.days where scenario.checkDays.contains(date.weekday) {
            if let previous, date.weekday <= previous.weekday || previous.days(to: date) >= 7 { lines.append("") }
            previous = date
            var line = date.description.column(12) + date.weekday.abbreviation.column(5)
            if let closure = scenario.company.closure(on: date) {
                lines.append(line + "company closed" + (closure.name.map { " (\($0))" } ?? "") + ", no checks")
                continue
            }
            for window in windows {
                guard let check = estimates.checks.first(where: { $0.date == date && $0.window == window.name }) else {
                    line += "".column(windowWidth)
                    continue
                }
                line += TerminalSummary.planning(check.planningRange).column(TerminalSummary.planWidth)
                line += levels.map { NumberFormat.percent(check.atLeast[$0 - 1].estimate).column(TerminalSummary.cellWidth) }.joined()
            }
            lines.append(line.trimmingTrailingSpaces)
        }
        let risk = NumberFormat.percent(record.policy.planningRisk)
        lines.append("")
        lines.append("plan: planning level, the lowest k with P(level > k) ≤ \(risk); ≥k: P(level ≥ k).")
        if estimates.checks.contains(where: { $0.planningRange.count > 1 }) {
            lines.append("2–3: at the line, P(level > 2)'s 95% interval contains \(risk): 2 or 3 within the noise.")
        }
        return lines
    }

    /// "3", or "2–3" for a check at the line.
    static func planning(_ range: ClosedRange<Int>) -> String {
        range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
    }

    /// docs/MODEL.md §8 in plain words, each with the date to brief the channel by (`lead_days`
    /// working days before it is first needed); identical date ranges of several windows share a line.
    var recommendations: [String] {
        let threshold = NumberFormat.percent(record.policy.recommendationThreshold)
        guard !briefings.isEmpty else {
            return ["Nothing to arrange ahead: no alert is needed with probability \(threshold) or more at any check."] + coverLines
        }
        return ["Arrange ahead (alerts needed with probability \(threshold) or more):"] + briefings.flatMap { wrap("  " + $0) } + coverLines
    }

    /// The cheapest cover from the pool, when the run was given one, each purchase with its brief-by date.
    var coverLines: [String] {
        guard let cover = output.record.cover else { return [] }
        return [""] + wrap(cover.heading) + cover.lines(briefBy: output.record.briefBy, day: { "\($0.weekday.abbreviation) \(Self.range($0, $0))" })
            .flatMap { wrap("  " + $0) }
    }

    /// One sentence per channel and date range to brief ahead, its windows merged:
    /// `Brief #ce for Dec 23–31 (Americas): P(level ≥ 5) up to 100%, 60% on average.`
    var briefings: [String] {
        var merged: [[Recommendation]] = []
        for r in estimates.recommendations {
            if let i = merged.firstIndex(where: { $0[0].channel == r.channel && $0[0].first == r.first && $0[0].last == r.last }) {
                merged[i].append(r)
            } else {
                merged.append([r])
            }
        }
        return merged.map { group in
            let r = group[0]
            let order = record.scenario.windows.map(\.name)
            let windows = group.map(\.window).sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }.joined(separator: " and ")
            let maximum = group.map(\.maximumProbability).max()!
            let checks = group.reduce(0) { $0 + $1.checks }
            let mean = group.reduce(0.0) { $0 + $1.meanProbability * Double($1.checks) } / Double(checks)
            let briefBy = record.briefBy(r.first)
            return "Brief \(r.channel) by \(briefBy.weekday.abbreviation) \(TerminalSummary.monthDay(briefBy)) "
                + "for \(TerminalSummary.range(r.first, r.last)) (\(windows)): "
                + "P(level ≥ \(r.level)) \(TerminalSummary.odds(maximum: maximum, mean: mean))."
        }
    }

    var horizon: [String] {
        let total = record.scenario.checks
        let label = 52, reached = 15, expected = 14
        var lines = [
            "Over the horizon (\(total) checks)".column(label) + "at least once".column(reached) + "checks at ≥k".column(expected)
                + "longest run p50/p90",
        ]
        let names = record.policy.levels.map(\.name)
        for h in estimates.horizon.dropFirst() {
            var name = names[h.level - 1]
            // "  ≥k " before the name, a space after it.
            if name.count > label - 6 { name = String(name.prefix(label - 7)) + "…" }
            lines.append(("  ≥\(h.level) \(name)".column(label) + NumberFormat.percent(h.reached.estimate).column(reached)
                + NumberFormat.fixed(h.expectedChecks, 1).column(expected)
                + "\(Int(h.longestRun.p50)) / \(Int(h.longestRun.p90))").trimmingTrailingSpaces)
        }
        return lines
    }

    /// "Dec 21–24", "Dec 31", "Dec 28–Jan 4".
    static func range(_ first: CivilDate, _ last: CivilDate) -> String {
        let start = monthDay(first)
        if first == last { return start }
        if first.month == last.month && first.year == last.year { return "\(start)–\(last.day)" }
        return "\(start)–\(monthDay(last))"
    }

    /// "Dec 21".
    static func monthDay(_ date: CivilDate) -> String {
        let months = CivilDate.monthAbbreviations
        return "\(months[date.month - 1]) \(date.day)"
    }

    /// How likely an alert is over a stretch of checks: "34%" when the highest and the mean round
    /// alike, else "up to 80%, 55% on average".
    static func odds(maximum: Double, mean: Double) -> String {
        let (top, average) = (NumberFormat.percent(maximum), NumberFormat.percent(mean))
        return top == average ? top : "up to \(top), \(average) on average"
    }
}
