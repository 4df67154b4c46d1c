import Calendars
import OutputFormats

extension HTMLReport {
    /// How the numbers were computed, so that a reader can judge them and anyone can reproduce
    /// them: the scenario file and its SHA-256, calendar, team, policy and reading, the two numbers
    /// that turn probabilities into advice, seed, trials, Monte Carlo precision, tool version and
    /// the assumptions. What varies between runs of the same inputs (threads, times) is left out.
    var method: String {
        let s = scenario
        let p = policy
        let sampling = record.sampling
        let checkDays = s.checkDays.joined(separator: ", ")
        let windows = s.windows.map { "\($0.name) \($0.check) UTC" }.joined(separator: ", ")
        let closures = s.closures.isEmpty ? "none" : s.closures.map { closure in
            (closure.start == closure.end ? "\(closure.start)" : "\(closure.start) to \(closure.end)")
                + (closure.name.isEmpty ? "" : " (\(closure.name))")
        }.joined(separator: "; ")
        var size = "\(NumberFormat.thousands(sampling.trials)) trials, seed \(sampling.seed), generator \(sampling.generator)"
        if let target = sampling.precisionTarget {
            size += "; sized to reach ±\(NumberFormat.points(target)) points"
                + (sampling.maximumTrials.map { ", at most \(NumberFormat.thousands($0)) trials" } ?? "")
        }
        let effects = record.assumptions.loop == "closed"
            ? "on: declaring a level changes the work until the next check (closed loop)"
            : "off: levels are declared but change nothing (open loop)"
        var facts: [(String, String)] = [
            ("Scenario", "\(s.name) (\(s.path))" + (s.description.isEmpty ? "" : ": \(s.description)")),
            ("SHA-256", s.sha256),
            ("Horizon", "\(s.horizon.start) to \(s.horizon.end); checks on \(checkDays) at \(windows); company closed: \(closures)"),
        ]
        facts += s.groups.map { ("Group \($0.name)", "shift \($0.shift) UTC; \($0.members.count) SEs: \($0.members.joined(separator: ", "))") }
        facts += [
            ("Policy", "\(p.name); source: \(p.source); \(p.reading) reading"),
            ("Planning level", "the lowest level k with P(level > k) ≤ \(NumberFormat.percent(p.planningRisk))"),
            ("Recommendations", "where P(an alert is needed) ≥ \(NumberFormat.percent(p.recommendationThreshold))"),
            ("Sampling", size),
            ("Monte Carlo precision", "every P(level ≥ k) within ±\(NumberFormat.points(sampling.precision)) percentage points (95% interval)"
                + (sampling.missedTargetSentence.map { ". " + $0 } ?? "")),
            ("Tool", "\(record.tool.name) \(record.tool.version)"),
            ("Contingency effects", effects),
        ]
        var lines = ["<section id=\"method\">", "<h2>How it was computed</h2>", "<dl>"]
        for (term, description) in facts {
            let value = term == "SHA-256" ? "<code>\(description.htmlEscaped)</code>" : description.htmlEscaped
            lines.append("<dt>\(term.htmlEscaped)</dt><dd>\(value)</dd>")
        }
        lines.append("<dt>Assumptions</dt><dd><ul>")
        lines += record.assumptions.summary.map { "<li>\($0.htmlEscaped)</li>" }
        lines += ["</ul></dd>", "</dl>", "</section>"]
        return lines.joined(separator: "\n")
    }
}
