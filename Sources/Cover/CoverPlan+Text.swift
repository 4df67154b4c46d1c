import Calendars
import OutputFormats
import RunArtifacts
import Simulation
import WhatIf

/// The cover as the terminal shows it: what to buy, what it costs against the bound, how it held
/// up on independent trials, and what the pool cannot fix.
extension CoverPlan {
    /// Consecutive days of one option bought in the same number, as one row.
    public struct PurchaseRun: Sendable, Hashable {
        public let dates: DateRange
        public let option: CoverOption
        public let count: Int
        public var cost: Double { Double(dates.dayCount * count) * option.costPerDay }
    }

    public var purchaseRuns: [PurchaseRun] {
        var runs: [PurchaseRun] = []
        for purchase in purchases.sorted(by: { ($0.option.line, $0.date) < ($1.option.line, $1.date) }) {
            if let last = runs.last, last.option == purchase.option, last.count == purchase.count, last.dates.last.adding(days: 1) == purchase.date {
                runs[runs.count - 1] = PurchaseRun(dates: DateRange(last.dates.first...purchase.date), option: last.option, count: last.count)
            } else {
                runs.append(PurchaseRun(dates: DateRange(day: purchase.date), option: purchase.option, count: purchase.count))
            }
        }
        return runs.sorted { ($0.dates.first, $0.option.line) < ($1.dates.first, $1.option.line) }
    }

    public var limitsDescription: String { limits.map(\.description).joined(separator: " and ") }
    /// The limits the sample was held to, which tightening may have lowered.
    public var sampleDescription: String {
        sampleLimits.map { "P(level ≥ \($0.level)) \($0.allowsEqual ? "≤" : "<") \(Self.fixed($0.probability))" }.joined(separator: " and ")
    }

    /// How the search ran, in a sentence.
    public var method: String {
        "\(NumberFormat.thousands(settings.trials)) sample trials, seed \(settings.seed), the same random numbers for every candidate; "
            + (exact
                ? "every combination of the \(problem.candidates.count) candidate (day, option) pairs tried, cheapest first (exact on the sample)"
                : "greedy by risk reduced per unit cost, then pruning and local improvement over \(problem.candidates.count) candidate (day, option) pairs")
            + "; \(NumberFormat.thousands(evaluations)) covers simulated"
    }

    /// The bound and the gap, in a sentence.
    public var boundDescription: String {
        let gap = cost - bound.cost
        var text = "Lower bound \(Self.money(bound.cost)), gap \(Self.money(max(0, gap)))"
        if cost > 0 { text += " (\(NumberFormat.fixed(100 * max(0, gap) / cost, 1))% of the cost)" }
        switch bound.kind {
        case .exact: text += ": the search was exact"
        case .none: break
        case .perDay(let days, let units):
            text += ": with every option bought in full on the days before, \(days) check day\(days == 1 ? "" : "s") still need\(days == 1 ? "s" : "") "
                + "\(units) units on the day itself in all to meet \(sampleDescription) on the sample"
        case .upTo(let limit, let check, let units):
            let check = problem.checks[check]
            text += ": at \(check.date) \(problem.windowNames[check.window]) every option at \(units - 1) a day still leaves "
                + "P(level ≥ \(sampleLimits[limit].level)) over \(Self.fixed(sampleLimits[limit].probability)) on the sample, so any cover buys "
                + "\(units) or more units on or before that day"
        }
        if case .exact = bound.kind {} else if bound.cost > 0 {
            text += " (valid when an added SE never raises a later level; docs/ARCHITECTURE.md)"
        }
        return text + "."
    }

    public func unfixableDescription(_ item: Unfixable) -> String {
        let check = problem.checks[item.check]
        let limit = limits[item.limit]
        let groups = Array(Set(problem.pool.options.map(\.group))).sorted().joined(separator: " and ")
        var text = "\(check.date) \(problem.windowNames[check.window]): P(level ≥ \(limit.level)) \(NumberFormat.percent(item.before)) without cover, "
            + "\(NumberFormat.percent(item.best)) at best with the whole pool; "
        if let more = item.moreNeeded {
            text += "\(more) more SE\(more == 1 ? "" : "s") of each group (\(groups)) every day would bring it within \(limit.probability)"
        } else {
            text += "3 more SEs of each group (\(groups)) every day still leave it at \(NumberFormat.percent(item.withThreeMore))"
        }
        return text
    }

    static func money(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? NumberFormat.thousands(Int(value)) : NumberFormat.fixed(value, 2)
    }

    public func terminalText(poolSource: String) -> String {
        var lines: [String] = []
        lines.append("Cover for \(scenarioName): \(limitsDescription) at every check; pool \(poolSource) (\(problem.pool.options.count) options)")
        lines.append("Search: \(method).")
        let runs = purchaseRuns
        if runs.isEmpty {
            lines += ["", "No cover needed: every check is within the limit\(unfixable.isEmpty ? "" : " that the pool can reach") without any."]
        } else {
            var table = [["dates", "group", "option", "count", "days", "cost"]]
            for run in runs {
                table.append([
                    run.dates.description, run.option.group, run.option.option + (run.option.name.map { " (\($0))" } ?? ""),
                    String(run.count), String(run.dates.dayCount), Self.money(run.cost),
                ])
            }
            lines.append("")
            lines += Self.table(table)
            lines.append("Total: \(counts.reduce(0, +)) SE-days, cost \(Self.money(cost)).")
        }
        lines.append(boundDescription)
        lines.append("")
        lines += tightenings.map { "Tightened: \($0)." }
        let checkCount = problem.checks.count
        lines.append("Validation: \(NumberFormat.thousands(settings.validationTrials)) independent trials, seed \(settings.validationSeed): "
            + (validated
                ? "every check\(unfixable.isEmpty ? "" : " the pool can fix") within \(limitsDescription) (upper end of the 95% interval ≤ limit + \(settings.tolerance))."
                : "NOT validated: a check's upper 95% bound stays above limit + \(settings.tolerance) after \(tightenings.count) tightening\(tightenings.count == 1 ? "" : "s")."))
        if !unfixable.isEmpty {
            lines += ["", "Infeasible: \(unfixable.count) check\(unfixable.count == 1 ? "" : "s") no cover in the pool can bring within the limit:"]
            lines += unfixable.map { "  " + unfixableDescription($0) }
        }
        lines.append("")
        for (i, limit) in limits.enumerated() {
            var table = [["date", "window", "before", "after", "95% interval", ""]]
            for c in 0..<checkCount {
                let (b, a) = (before[i][c], after[i][c])
                let failed = a.high > limit.probability + settings.tolerance
                table.append([
                    problem.checks[c].date.description, problem.windowNames[problem.checks[c].window],
                    NumberFormat.percent(b.estimate), NumberFormat.percent(a.estimate),
                    "\(NumberFormat.fixed(a.low * 100, 1))–\(NumberFormat.fixed(a.high * 100, 1))%", failed ? "over" : "",
                ])
            }
            lines.append("P(level ≥ \(limit.level)) per check on the validation trials, without and with the cover:")
            lines += Self.table(table)
            lines.append("")
        }
        if !curve.isEmpty {
            var table = [["limit", "cost", "SE-days", "worst upper 95%"]]
            for point in curve {
                table.append([
                    "\(limits[0].allowsEqual ? "≤" : "<") \(point.probability)", point.cost.map(Self.money) ?? "infeasible", String(point.units),
                    point.worstUpper.map { NumberFormat.fixed($0 * 100, 1) + "%" } ?? "—",
                ])
            }
            lines.append("Cost against the limit on P(level ≥ \(limits[0].level)) (a tighter limit never costs less):")
            lines += Self.table(table)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows as columns two spaces apart, each as wide as its widest cell.
    static func table(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max()! + 2 }
        return rows.map { row in row.indices.map { row[$0].column(widths[$0]) }.joined().trimmingTrailingSpaces }
    }
}

extension CoverPlan {
    /// What `plan simulate --pool --max-risk` shows of the cover under "What to arrange, by when".
    public var arrangement: CoverArrangement {
        CoverArrangement(
            limits: limitsDescription, cost: cost, lowerBound: bound.cost, feasible: isFeasible,
            purchases: purchaseRuns.map {
                CoverArrangement.Purchase(first: $0.dates.first, last: $0.dates.last, option: $0.option.option, group: $0.option.group, count: $0.count, cost: $0.cost)
            })
    }
}
