import Calendars
import OutputFormats
import Simulation

/// The hiring plan as the terminal shows it: which requisitions to open by when, what it costs,
/// how it held up on independent trials, and month by month the headcount against the need.
extension HirePlan {
    public var limitsDescription: String { limits.map(\.description).joined(separator: " and ") }

    /// "2027-03" for the month starting on `date`.
    static func monthName(_ date: CivilDate) -> String { String(date.description.prefix(7)) }

    static func headcount(_ x: Double) -> String { NumberFormat.fixed(x, 1) }

    /// The need as "12.4 (11.4–13.4)", "≤ 9.4" or "> 15.4".
    static func needText(_ estimate: HireNeed.Estimate?, planned: Double) -> String {
        guard let estimate else { return "> \(headcount(planned + Double(HireNeed.shifts.upperBound)))" }
        if estimate.atMost { return "≤ \(headcount(estimate.needed))" }
        return "\(headcount(estimate.needed)) (\(headcount(estimate.low))–\(estimate.high.map(headcount) ?? "more"))"
    }

    public var method: String {
        let ramp = problem.settings.ramp
        return "\(NumberFormat.thousands(settings.trials)) sample trials, seed \(settings.seed), the same random numbers for every plan; "
            + "\(problem.candidates.count) candidate (group, month) starts, at most \(problem.settings.maxPerMonth) a month each; "
            + "lead time \(problem.settings.leadWeeks) weeks, ramp \(ramp.weeks) weeks from \(NumberFormat.percent(ramp.startFraction)) "
            + "(\(ramp.countsInHeadcount ? "counted in the headcount from the first day" : "counted once ramped")); "
            + "\(NumberFormat.thousands(evaluations)) plans simulated"
    }

    public var terminalText: String {
        var lines = ["Hiring plan for \(scenarioName) through \(problem.scenario.horizon.last): \(limitsDescription) at every check",
                     "Search: \(method)."]
        let hires = hires
        if hires.isEmpty {
            lines += ["", "No hire needed: every check is within the limit\(unfixable.isEmpty ? "" : " that hiring can reach") without one."]
        } else {
            var table = [["open by", "starts", "group", "count", "cost", "worst P that month"]]
            for hire in hires {
                table.append([hire.openBy.description, hire.start.description, hire.group, String(hire.count), CoverPlan.money(hire.cost),
                              hire.risk.map { "\(NumberFormat.percent($0.estimate)) (≤ \(NumberFormat.fixed($0.high * 100, 1))%)" } ?? "—"])
            }
            lines.append("")
            lines += CoverPlan.table(table)
            lines.append("Total: \(counts.reduce(0, +)) hire\(counts.reduce(0, +) == 1 ? "" : "s"), cost \(CoverPlan.money(cost)) "
                + "(\(NumberFormat.plain(problem.settings.costPerMonth)) per SE-month to \(problem.scenario.horizon.last)).")
        }
        lines.append("")
        lines += tightenings.map { "Tightened: \($0)." }
        lines.append("Validation: \(NumberFormat.thousands(settings.validationTrials)) independent trials, seed \(settings.validationSeed): "
            + (validated
                ? "every check\(unfixable.isEmpty ? "" : " hiring can fix") within \(limitsDescription) (upper end of the 95% interval ≤ limit + \(settings.tolerance))."
                : "NOT validated: a check's upper 95% bound stays above limit + \(settings.tolerance) after \(tightenings.count) tightening\(tightenings.count == 1 ? "" : "s")."))
        if !unfixable.isEmpty {
            lines += ["", "Infeasible: \(unfixable.count) check\(unfixable.count == 1 ? "" : "s") no hire can bring within the limit (before the first start, or beyond \(problem.settings.maxPerMonth) hires a month):"]
            lines += unfixable.prefix(20).map { item in
                let check = problem.checks[item.check]
                return "  \(check.date) \(problem.windowNames[check.window]): P(level ≥ \(limits[item.limit].level)) "
                    + "\(NumberFormat.percent(before[item.limit][item.check].estimate)) without hires, \(NumberFormat.percent(item.best)) at best"
            }
            if unfixable.count > 20 { lines.append("  … and \(unfixable.count - 20) more (all in hire.csv and the JSON document)") }
        }
        lines.append("")
        lines.append("By month: expected SEs on the team on the month's first day (attrition taken out), the need (95% band), and the worst P(level ≥ \(limits[0].level)) of the month:")
        let groups = months.first?.groups.map(\.group) ?? []
        var table = [["month"] + groups.flatMap { ["\($0) without", "\($0) planned", "\($0) need"] } + ["risk without", "risk with"]]
        for month in months {
            table.append([Self.monthName(month.first)]
                + month.groups.flatMap { [Self.headcount($0.without), Self.headcount($0.planned), Self.needText($0.need, planned: $0.planned)] }
                + [month.before[0].map { NumberFormat.percent($0.estimate) } ?? "—", month.after[0].map { NumberFormat.percent($0.estimate) } ?? "—"])
        }
        lines += CoverPlan.table(table)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `hire.csv`: one row per month and group.
    public var csv: String {
        var text = CSVWriter.row(["month", "group", "expected_without", "expected_planned", "needed", "needed_low", "needed_high", "hires_starting",
                                  "risk_without", "risk_with", "risk_with_high"])
        for month in months {
            for group in month.groups {
                let starting = hires.filter { $0.group == group.group && $0.start == month.first }.reduce(0) { $0 + $1.count }
                text += CSVWriter.row([
                    Self.monthName(month.first), group.group, NumberFormat.fixed(group.without, 3), NumberFormat.fixed(group.planned, 3),
                    group.need.map { NumberFormat.fixed($0.needed, 3) } ?? "", group.need.map { NumberFormat.fixed($0.low, 3) } ?? "",
                    group.need?.high.map { NumberFormat.fixed($0, 3) } ?? "", String(starting),
                    month.before[0].map { NumberFormat.fixed($0.estimate, 4) } ?? "", month.after[0].map { NumberFormat.fixed($0.estimate, 4) } ?? "",
                    month.after[0].map { NumberFormat.fixed($0.high, 4) } ?? "",
                ])
            }
        }
        return text
    }
}
