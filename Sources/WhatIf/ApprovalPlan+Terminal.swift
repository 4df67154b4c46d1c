import OutputFormats

extension ApprovalPlan {
    /// What `plan approve` prints: the limit and the method, the risk before, each request's marginal
    /// rise and decision with the reason, in the order considered, and the risk after.
    public func terminalText(scenarioName: String) -> String {
        let k = limit.level
        func risk(_ r: CheckRisk) -> String { "P(level ≥ \(k)) = \(NumberFormat.fixed(r.probability, 3)) at \(r.date) \(r.window)" }
        var lines = [
            "Time-off requests for \(scenarioName), limit \(limit) at every check",
            "\(trials) paired trials per comparison, seed \(seed), common random numbers throughout.",
            "Method: \(Self.method).",
            "",
            "Before: worst check \(risk(before))"
                + (overBefore > 0
                    ? "; \(overBefore) check\(overBefore == 1 ? " is" : "s are") over the limit without any request (not counted against requests)."
                    : "."),
            "",
        ]
        for (step, decision) in decisions.enumerated() {
            let request = decision.request
            lines.append("\(step + 1). \(request.summary) (priority \(request.priority), line \(request.line)): \(decision.approved ? "APPROVE" : "DECLINE")")
            if let change = decision.marginal, let check = decision.marginalCheck {
                let d = change.difference
                lines.append("   alone: P(level ≥ \(k)) \(NumberFormat.signed(d.estimate, 3)) [\(NumberFormat.signed(d.low, 3)), \(NumberFormat.signed(d.high, 3))] "
                    + "at \(check.date) \(check.window) (\(NumberFormat.fixed(change.base, 3)) → \(NumberFormat.fixed(change.variant, 3)))")
            } else {
                lines.append("   alone: changes no check in any trial")
            }
            if let blocking = decision.blockingCheck, let was = decision.blockingBefore {
                lines.append("   why: with the requests approved before it, \(risk(blocking)) (was \(NumberFormat.fixed(was, 3))): over the limit")
            } else {
                lines.append("   why: with the requests approved before it, no check within the limit goes over it; worst check \(risk(decision.worstWith))")
            }
        }
        let approved = approvedRequests.count
        lines.append("")
        lines.append("After approving \(approved) of \(decisions.count): worst check \(risk(after)); "
            + "\(overAfter) check\(overAfter == 1 ? "" : "s") over the limit (\(overBefore) before).")
        return lines.joined(separator: "\n") + "\n"
    }
}
