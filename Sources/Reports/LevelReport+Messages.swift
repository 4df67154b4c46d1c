import CapacityPolicy
import OutputFormats

/// The level of a check in the words CS-triage reads and posts: `plan level` prints the text,
/// `--format slack` the message for #customer-support, `--format json` the same facts for tools.
extension LevelReport {
    /// `emea 2, us 7, open 60, load 6.67`
    public var observed: String {
        zip(policy.metricNames, evaluation.metricValues).map { "\($0) \(NumberFormat.metric($1))" }.joined(separator: ", ")
    }

    /// Why this level, one sentence.
    public var why: String {
        if evaluation.level == 0 {
            let note = evaluation.baselineDescribed ? "" : " (outside the baseline's description: \(policy.levels[0].criteria.map(\.description).joined(separator: ", ")))"
            return "no level above the baseline is triggered\(note)"
        }
        let reasons = evaluation.reasons.map { "\($0.entry.criterion) (\($0.entry.criterion.metric) is \(NumberFormat.metric($0.value)))" }
        let joiner = level.trigger == .all ? " and " : "; "
        var text = (level.trigger == .all ? "all of: " : "") + reasons.joined(separator: joiner)
        let dittos = evaluation.outcomes[evaluation.level...].flatMap(\.criteria).filter { $0.holds && !$0.entry.counts }
        var dittoLevels: [String: [Int]] = [:]
        for d in dittos { dittoLevels[d.entry.criterion.description, default: []].append(d.entry.collapsedInto! + 1) }
        for (criterion, firsts) in dittoLevels.sorted(by: { $0.key < $1.key }) {
            text += "; \(criterion) is written again at higher levels but counts at level \(firsts[0]) only (\(policy.reading.rawValue) reading)"
        }
        return text
    }

    public func text() -> String {
        var lines: [String] = []
        let header = window.map { "\($0.name) check (\($0.schedule))" } ?? "Check"
        lines.append("\(header): level \(levelNumber), \(level.name)")
        lines.append("  observed:      \(observed)")
        lines.append("  why:           \(why)")
        lines.append("  contingencies:")
        for c in contingencies { lines.append("    \(c.level). \(c.text)") }
        lines.append("  alert:         \(alerts.isEmpty ? "no channel" : alerts.joined(separator: ", "))")
        lines.append("  coordinate:    \(coordination.isEmpty ? "nobody outside CS" : coordination.joined(separator: ", "))")
        lines.append("  policy:        \(policy.name), \(policy.reading.rawValue) reading")
        return lines.joined(separator: "\n")
    }

    public func json() -> String {
        struct Document: Encodable {
            let window: String?
            let checkTimeUTC: String?
            let observed: [String: Double]
            let level: Int
            let name: String
            let why: String
            let contingencies: [String]
            let alerts: [String]
            let coordination: [String]
            let policy: String
            let reading: String
        }
        return encodeJSON(Document(
            window: window?.name, checkTimeUTC: window.map { CheckWindow.clock($0.checkMinute) },
            observed: Dictionary(uniqueKeysWithValues: zip(policy.metricNames, evaluation.metricValues)),
            level: levelNumber, name: level.name, why: why, contingencies: contingencies.map(\.text),
            alerts: alerts, coordination: coordination, policy: policy.name, reading: policy.reading.rawValue))
    }

    /// The message CS-triage posts in #customer-support for this window's check.
    public func slack() -> String {
        let windowName = window.map { "\($0.name) (\(CheckWindow.clock($0.checkMinute)) UTC check, coverage \(CheckWindow.clock($0.coverage.lowerBound))–\(CheckWindow.clock($0.coverage.upperBound)) UTC)" } ?? "Current"
        // Everything that comes from the policy or the scenario is escaped; the markup is ours.
        var lines = [":rotating_light: *\(windowName.slackEscaped): we are at level \(levelNumber) — \(level.name.slackEscaped).*"]
        lines.append("Why: \(why.slackEscaped). Observed: \(observed.slackEscaped).")
        if evaluation.level == 0 {
            lines.append("No contingencies: business as usual.")
        } else {
            lines.append("In effect (levels 1–\(levelNumber), cumulative):")
            for c in contingencies.dropFirst() { lines.append("• L\(c.level): \(c.text.slackEscaped)") }
        }
        if !alerts.isEmpty { lines.append("Alerted: \(alerts.joined(separator: ", ").slackEscaped).") }
        return lines.joined(separator: "\n")
    }
}
