import OutputFormats
import RunArtifacts

extension RunOutput {
    /// The short message `plan simulate --post` and `plan outlook --post` send leadership: the
    /// period, the highest planning level and when it is reached, the channels to brief ahead, and
    /// where the full report is. The numbers are the terminal summary's, in the same words.
    public func slackSummary(reportPath: String?) -> SlackMessage {
        let summary = TerminalSummary(self)
        let scenario = record.scenario
        let checks = estimates.checks
        let peak = checks.map(\.planningLevel).max() ?? 1
        let peakChecks = checks.filter { $0.planningLevel == peak }
        let levelName = record.policy.levels.indices.contains(peak - 1) ? " (\(record.policy.levels[peak - 1].name))" : ""
        let emoji = SlackMessage.emoji(level: peak, of: record.policy.levels.count).map { $0 + " " } ?? ""
        var paragraphs = [
            "\(emoji)*\(scenario.name.slackEscaped): \(scenario.horizon.start)…\(scenario.horizon.end), \(scenario.checks) checks*",
            "Highest planning level: \(peak)\(levelName.slackEscaped), at \(peakChecks.count) of \(checks.count) checks, "
                + "first \(peakChecks.first.map { "\($0.date) \($0.window.slackEscaped)" } ?? "–").",
        ]
        let briefings = summary.briefings
        paragraphs.append(briefings.isEmpty ? summary.recommendations[0].slackEscaped
            : (["*Arrange ahead:*"] + briefings.map { "• \($0.slackEscaped)" }).joined(separator: "\n"))
        paragraphs.append(reportPath.map { "Report: `\($0.slackEscaped)`" } ?? "No files were written.")
        let sampling = record.sampling
        return SlackMessage(paragraphs: paragraphs, footnote: "\(NumberFormat.thousands(sampling.trials)) trials, seed \(sampling.seed); "
            + "\(record.policy.name.slackEscaped), \(record.policy.reading) reading")
    }
}
