import OutputFormats

extension ApprovalPlan {
    /// What `plan approve` prints: the limit and the rule, the risk before, each request's decision
    /// with the check that decided it, the waitlist with what would unblock each declined request,
    /// and the risk after. Probabilities in percent, changes in percentage points.
    public func terminalText(scenarioName: String) -> String {
        let k = limit.level
        func risk(_ r: CheckRisk) -> String { "P(level ≥ \(k)) \(NumberFormat.percent(r.probability)) at \(r.date) \(r.window)" }
        var lines = [
            "Time-off requests for \(scenarioName), limit \(limit) at every check",
            "\(trials) paired trials per comparison, seed \(seed), common random numbers throughout.",
            "Rule: \(Self.rule(limit: limit, tolerance: tolerance)).",
            "",
            "Before: worst check \(risk(before)); \(overBefore) check\(overBefore == 1 ? " is" : "s are") over the limit without any request.",
        ]
        lines.append("")
        for (step, decision) in decisions.enumerated() {
            let request = decision.request
            lines.append("\(step + 1). \(request.summary) (priority \(request.priority), line \(request.line)): \(decision.approved ? "APPROVE" : "DECLINE")")
            if let charge = decision.charge {
                lines.append("   \(decision.reason.rawValue): \(Self.describe(charge, level: k))")
            } else {
                lines.append("   \(decision.reason.rawValue)")
            }
        }
        let waitlist = decisions.filter { !$0.approved }
        if !waitlist.isEmpty {
            lines.append("")
            lines.append("Waitlist (declined, in the order considered):")
            for decision in waitlist {
                let unblock = decision.cover.map { "\($0) cover SE\($0 == 1 ? "" : "s") of the same group on \(decision.request.dates) would let it through" }
                    ?? "even \(Self.largestCover) cover SEs of the same group on \(decision.request.dates) would not let it through"
                let blocked = decision.charge.map { "blocked at \($0.date) \($0.window) (\(Self.points($0.change.difference.estimate)) points)" } ?? ""
                lines.append("- \(decision.request.summary): \(blocked); \(unblock).")
            }
        }
        lines.append("")
        lines.append("After approving \(approvedRequests.count) of \(decisions.count): worst check \(risk(after)); "
            + "\(overAfter) check\(overAfter == 1 ? "" : "s") over the limit (\(overBefore) before).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// "2026-12-29 Americas: P(level ≥ 4) 66% → 100% (+34.1 points, 95% interval +32.0 to +36.2)"
    static func describe(_ charge: Charge, level k: Int) -> String {
        let c = charge.change, d = c.difference
        return "\(charge.date) \(charge.window): P(level ≥ \(k)) \(NumberFormat.percent(c.base)) → \(NumberFormat.percent(c.variant)) "
            + "(\(points(d.estimate)) points, 95% interval \(points(d.low)) to \(points(d.high)))"
    }

    static func points(_ p: Double) -> String { NumberFormat.signed(p * 100, 1) }
}
