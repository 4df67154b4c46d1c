import OutputFormats

extension HTMLReport {
    /// The "since the last run" box of a run made with `--previous`: which shared checks changed
    /// their planning level or moved their odds, and which inputs changed, which says why. Empty
    /// without a previous run.
    var sinceLastRun: [String] {
        guard let since = record.sinceLastRun else { return [] }
        let points = NumberFormat.fixed(since.threshold * 100, 0)
        var lines = [
            "<aside id=\"since\" class=\"since\">",
            "<h2>Since the last run</h2>",
            "<p class=\"note\">Compared with \(since.previous.htmlEscaped) (run on \(since.previousStarted.htmlEscaped)) at the "
                + "\(since.sharedChecks) checks both cover. "
                + (since.changedInputs.isEmpty ? "Its inputs were the same." : "Inputs that changed: \(since.changedInputs.joined(separator: ", ").htmlEscaped).")
                + "</p>",
        ]
        guard !since.moves.isEmpty else {
            lines += ["<p>No shared check changed its planning level or moved by \(points) points or more.</p>", "</aside>"]
            return lines
        }
        lines.append("<ul class=\"moves\">")
        for move in since.moves {
            let planning = "planning level \(move.planning)"
            lines.append("<li>\(HTMLReport.day(move.date)) \(move.window.htmlEscaped): \(planning); P(level ≥ \(move.level)) "
                + "\(NumberFormat.percent(move.before)) → \(NumberFormat.percent(move.after)) "
                + "(\(NumberFormat.signed((move.after - move.before) * 100, 1)) points)</li>")
        }
        lines += ["</ul>", "</aside>"]
        return lines
    }
}
