import OutputFormats

extension ApprovalPlan {
    /// What `plan approve` prints: the limit and the rule, the risk before, each request's decision
    /// with the check that decided it and the number compared with the tolerance (or, first of all,
    /// the group it leaves with nobody), the waitlist with what would unblock each declined request,
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
            if let group = decision.emptiedGroup, let charge = decision.charge {
                lines.append("   leaves \(group) with nobody at \(charge.date) \(charge.window); with it, \(Self.describe(charge, level: k))")
            } else if let charge = decision.charge {
                lines.append("   \(decision.reason.rawValue): \(Self.describe(charge, level: k))")
                lines.append("   " + comparedSentence(decision))
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
                let blocked = decision.charge.map { charge in
                    decision.emptiedGroup.map { "leaves \($0) with nobody at \(charge.date) \(charge.window)" }
                        ?? "blocked at \(charge.date) \(charge.window) (\(Self.points(charge.change.difference.estimate)) points)"
                } ?? ""
                lines.append("- \(decision.request.summary): \(blocked); \(unblock).")
            }
        }
        lines.append("")
        lines.append("After approving \(approvedRequests.count) of \(decisions.count): worst check \(risk(after)); "
            + "\(overAfter) check\(overAfter == 1 ? "" : "s") over the limit (\(overBefore) before).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The number the rule compared with the tolerance, and the tolerance, to two decimals in
    /// points so that 1.98 against 2.00 reads as the reason two similar requests differ.
    func comparedSentence(_ decision: Decision) -> String {
        let tolerancePoints = NumberFormat.fixed(tolerance * 100, 2)
        guard let compared = decision.compared else {
            return "no check is over the limit with it, so nothing is compared with the tolerance (\(tolerancePoints) points)"
        }
        let relation = compared > tolerance ? "above" : "within"
        return "compared: lower end of the 95% interval \(NumberFormat.signed(compared * 100, 2)) points, \(relation) the tolerance of \(tolerancePoints) points"
    }

    /// "2026-12-29 Americas: P(level ≥ 4) 66% → 100% (+34.1 points, 95% interval +32.0 to +36.2)"
    static func describe(_ charge: Charge, level k: Int) -> String {
        let c = charge.change, d = c.difference
        return "\(charge.date) \(charge.window): P(level ≥ \(k)) \(NumberFormat.percent(c.base)) → \(NumberFormat.percent(c.variant)) "
            + "(\(points(d.estimate)) points, 95% interval \(points(d.low)) to \(points(d.high)))"
    }

    static func points(_ p: Double) -> String { NumberFormat.signed(p * 100, 1) }
}
