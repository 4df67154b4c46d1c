import OutputFormats
import Simulation
import Statistics

extension HirePlan {
    /// `--format json`: everything the text says, as one document; probabilities 0–1.
    public var json: String { get throws { try SearchDocument.json(of: self, own: Document(self)) } }

    /// The keys of this document that plan cover's has not.
    struct Document: Encodable {
        struct Risk: Encodable {
            let estimate: Double
            let low: Double
            let high: Double
            init?(_ p: Proportion?) {
                guard let p else { return nil }
                (estimate, low, high) = (p.estimate, p.low, p.high)
            }
        }
        struct Hire: Encodable {
            let group: String
            let start: String
            let count: Int
            let open_by: String
            let cost: Double
            /// The worst validated P(level ≥ k) of the first limit over the start's month, with the plan.
            @NullWhenAbsent var validated_risk: Risk?
        }
        struct GroupMonth: Encodable {
            let group: String
            let expected_without: Double
            let expected_planned: Double
            @NullWhenAbsent var needed: Double?
            @NullWhenAbsent var needed_low: Double?
            @NullWhenAbsent var needed_high: Double?
            let needed_at_most: Bool
        }
        struct Month: Encodable {
            let month: String
            let first_day: String
            let groups: [GroupMonth]
            /// Per limit, the worst validated risk of the month's checks.
            let risk_without: [Risk?]
            let risk_with: [Risk?]
        }
        struct Check: Encodable {
            let date: String
            let window: String
            let level: Int
            let before: Risk
            let after: Risk
            let within_limit: Bool
            let constrained: Bool
        }
        let through: String
        let lead_time_weeks: Int
        let ramp_weeks: Int
        let ramp_start_fraction: Double
        let ramp_counts_in_headcount: Bool
        let cost_per_se_month: Double
        let max_per_month: Int
        let candidates: Int
        let plans_simulated: Int
        let hires: [Hire]
        let months: [Month]
        let checks: [Check]

        init(_ plan: HirePlan) {
            through = plan.problem.scenario.horizon.last.description
            let hiring = plan.problem.settings
            lead_time_weeks = hiring.leadWeeks
            ramp_weeks = hiring.ramp.weeks
            ramp_start_fraction = hiring.ramp.startFraction
            ramp_counts_in_headcount = hiring.ramp.countsInHeadcount
            cost_per_se_month = hiring.costPerMonth
            max_per_month = hiring.maxPerMonth
            candidates = plan.problem.candidates.count
            plans_simulated = plan.evaluations
            hires = plan.hires.map {
                Hire(group: $0.group, start: $0.start.description, count: $0.count, open_by: $0.openBy.description, cost: $0.cost, validated_risk: Risk($0.risk))
            }
            months = plan.months.map { month in
                Month(
                    month: HirePlan.monthName(month.first), first_day: month.first.description,
                    groups: month.groups.map {
                        GroupMonth(group: $0.group, expected_without: $0.without, expected_planned: $0.planned, needed: $0.need?.needed,
                                   needed_low: $0.need?.low, needed_high: $0.need?.high ?? nil, needed_at_most: $0.need?.atMost ?? false)
                    },
                    risk_without: month.before.map(Risk.init), risk_with: month.after.map(Risk.init))
            }
            let unfixable = Set(plan.unfixable.map { "\($0.limit) \($0.check)" })
            var checks: [Check] = []
            for (i, limit) in plan.limits.enumerated() {
                for (c, check) in plan.problem.checks.enumerated() {
                    let (b, a) = (plan.before[i][c], plan.after[i][c])
                    checks.append(Check(
                        date: check.date.description, window: plan.problem.windowNames[check.window], level: limit.level,
                        before: Risk(b)!, after: Risk(a)!, within_limit: a.high <= limit.probability + plan.settings.tolerance,
                        constrained: !unfixable.contains("\(i) \(c)")))
                }
            }
            self.checks = checks
        }
    }
}
