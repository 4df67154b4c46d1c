import Calendars
import CapacityPolicy
import OutputFormats
import Scenarios

/// The level of a check in the words CS-triage reads: `plan level` prints the text, `--format json`
/// the same facts for tools (the Slack message is in `LevelReport+Slack.swift`).
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

    /// With a `roster` (the headcounts taken from a scenario's calendar), a line names who was
    /// counted, so a wrong calendar shows at once.
    public func text(date: CivilDate? = nil, roster: CheckRoster? = nil) -> String {
        var lines: [String] = []
        let header = (date.map { "\($0.weekday.abbreviation) \($0), " } ?? "") + (window.map { "\($0.name) check (\($0.schedule))" } ?? "Check")
        lines.append("\(header): level \(levelNumber), \(level.name)")
        lines.append("  observed:      \(observed)")
        if let roster {
            lines.append("  counted:       " + roster.counted.map { "\($0.group) \($0.names.count)\($0.names.isEmpty ? "" : " (\($0.names.joined(separator: ", ")))")" }.joined(separator: "; "))
        }
        lines.append("  why:           \(why)")
        lines.append("  contingencies:")
        for c in contingencies { lines.append("    \(c.level). \(c.text)") }
        lines.append("  alert:         \(alerts.isEmpty ? "no channel" : alerts.joined(separator: ", "))")
        lines.append("  coordinate:    \(coordination.isEmpty ? "nobody outside CS" : coordination.joined(separator: ", "))")
        lines.append("  policy:        \(policy.name), \(policy.reading.rawValue) reading")
        return lines.joined(separator: "\n")
    }

    /// `plan level --format json`. A ratio that is +infinity (nobody working while cases are open)
    /// is null, as a load is in a run's tables: JSON has no number for it, and `why` says so.
    public func json(date: CivilDate? = nil, roster: CheckRoster? = nil) throws -> String {
        struct Document: Encodable {
            let date: String?
            let counted: [String: [String]]?
            let window: String?
            let checkTimeUTC: String?
            let observed: [String: Double?]
            let level: Int
            let name: String
            let why: String
            let contingencies: [String]
            let alerts: [String]
            let coordination: [String]
            let policy: String
            let reading: String
        }
        return try encodeJSON(Document(
            date: date?.description, counted: roster.map { Dictionary(uniqueKeysWithValues: $0.counted.map { ($0.group, $0.names) }) },
            window: window?.name, checkTimeUTC: window.map { CheckWindow.clock($0.checkMinute) },
            observed: Dictionary(uniqueKeysWithValues: zip(policy.metricNames, evaluation.metricValues.map { $0.isFinite ? $0 : nil })),
            level: levelNumber, name: level.name, why: why, contingencies: contingencies.map(\.text),
            alerts: alerts, coordination: coordination, policy: policy.name, reading: policy.reading.rawValue))
    }
}
