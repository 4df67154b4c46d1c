import Calendars
import CapacityPolicy
import OutputFormats

/// The check before this one for the same window, as the history of declared checks records it:
/// what tells a new alert (send it now) from a standing one (already sent).
public struct PreviousCheck: Sendable, Equatable {
    /// 1-based, as the handbook numbers levels.
    public var level: Int
    /// The channels alerted at that check (cumulative, as `LevelReport.alerts`).
    public var alerts: [String]
    /// The policy inputs declared at that check, by name (empty when unknown): what tells why the
    /// level changed.
    public var inputs: [String: Int]

    public init(level: Int, alerts: [String], inputs: [String: Int] = [:]) {
        self.level = level
        self.alerts = alerts
        self.inputs = inputs
    }
}

extension LevelReport {
    /// The message CS-triage posts in #customer-support for this check. With the previous check of
    /// the window known, it says whether the level rose, fell or stayed, and splits the alerts into
    /// new and standing; when the level rose, it carries the handbook's first message of each level
    /// entered: for each channel alerted for the first time, "we are at level k" and that level's
    /// contingency, which is what the handbook asks CS-triage to tell that channel. With the
    /// previous check unknown (`nil`) it lists every alert of this level and claims nothing about
    /// what changed. When the level changed, it says why: each policy input that moved since the
    /// previous check ("open cases 55 → 92, us SEs 7 → 5"), and `out`, the SEs not working when the
    /// roster is known (`plan level --scenario`).
    public func slackMessage(date: CivilDate?, previous: PreviousCheck?, out: [String]? = nil) -> SlackMessage {
        let when = [date.map { "\($0.weekday.abbreviation) \($0)" }, window.map { "\($0.name) check (\($0.schedule))" }]
            .compactMap { $0 }.joined(separator: ", ")
        let emoji = SlackMessage.emoji(level: levelNumber, of: policy.levels.count).map { $0 + " " } ?? ""
        var paragraphs = ["\(emoji)*\((when.isEmpty ? "Current check" : when).slackEscaped): we are at level \(levelNumber) — \(level.name.slackEscaped).*"]
        if let previous {
            paragraphs.append(previous.level < levelNumber ? "Up from level \(previous.level) at the previous check."
                : previous.level > levelNumber ? "Down from level \(previous.level) at the previous check."
                : "Unchanged since the previous check.")
            if previous.level != levelNumber, let moved = changedInputs(since: previous) { paragraphs[paragraphs.count - 1] += " " + moved }
        }
        if let out, !out.isEmpty { paragraphs.append("Out: \(out.joined(separator: ", ").slackEscaped).") }
        paragraphs.append("Why: \(why.slackEscaped). Observed: \(observed.slackEscaped).")
        if evaluation.level == 0 {
            paragraphs.append("No contingencies: business as usual.")
        } else {
            paragraphs.append((["In effect (levels 1–\(levelNumber), cumulative):"]
                + contingencies.dropFirst().map { "• L\($0.level): \($0.text.slackEscaped)" }).joined(separator: "\n"))
        }
        paragraphs += alertParagraphs(previous: previous)
        return SlackMessage(paragraphs: paragraphs, footnote: "\(policy.name.slackEscaped), \(policy.reading.rawValue) reading")
    }

    /// "What changed: open cases 55 → 92, us SEs 7 → 5.", in the policy's input order; nil when the
    /// previous inputs are unknown.
    private func changedInputs(since previous: PreviousCheck) -> String? {
        guard !previous.inputs.isEmpty else { return nil }
        let moves = zip(policy.inputs, evaluation.observation.values).compactMap { input, value -> String? in
            guard let before = previous.inputs[input.name], before != value else { return nil }
            let name = input.kind == .cases ? "open cases" : "\(input.name) SEs"
            return "\(name) \(before) → \(value)"
        }
        return moves.isEmpty ? "Its inputs are the same as then (a changed policy?)." : "What changed: \(moves.joined(separator: ", ").slackEscaped)."
    }

    private func alertParagraphs(previous: PreviousCheck?) -> [String] {
        guard let previous else {
            return alerts.isEmpty ? [] : ["Alert: \(alerts.joined(separator: ", ").slackEscaped)."]
        }
        let new = alerts.filter { !previous.alerts.contains($0) }
        let standing = alerts.filter { previous.alerts.contains($0) }
        let ended = previous.alerts.filter { !alerts.contains($0) }
        var paragraphs: [String] = []
        if !new.isEmpty {
            paragraphs.append((["*New alerts, send now:*"] + new.map { channel in
                let first = policy.levels.firstIndex { $0.alerts.contains(channel) }!
                return "• \(channel.slackEscaped): we are at level \(levelNumber); \(policy.levels[first].contingency.slackEscaped)"
            }).joined(separator: "\n"))
        }
        if !standing.isEmpty { paragraphs.append("Standing alerts (already sent): \(standing.joined(separator: ", ").slackEscaped).") }
        if !ended.isEmpty { paragraphs.append("No longer needed: \(ended.joined(separator: ", ").slackEscaped).") }
        return paragraphs
    }
}
