import OutputFormats
import Simulation

extension CoverPlan {
    /// `--format json`: everything the text says, as one document; probabilities 0–1.
    public var json: String { get throws { try SearchDocument.json(of: self, own: Document(self)) } }

    /// The keys of this document that plan hire's has not.
    struct Document: Encodable {
        struct Purchase: Encodable {
            let date: String
            let option: String
            let group: String
            let name: String?
            let count: Int
            let cost_per_day: Double
            let cost: Double
        }
        struct Check: Encodable {
            let date: String
            let window: String
            let level: Int
            let before: Double
            let before_low: Double
            let before_high: Double
            let after: Double
            let after_low: Double
            let after_high: Double
            let within_limit: Bool
        }
        struct Unfixable: Encodable {
            let date: String
            let window: String
            let level: Int
            let before: Double
            let best_with_pool: Double
            let more_per_group_needed: Int?
            let with_three_more_per_group: Double
            let message: String
        }
        struct Point: Encodable {
            let probability: Double
            let cost: Double?
            let units: Int
            let worst_upper: Double?
        }
        let exact: Bool
        let candidates: Int
        let covers_simulated: Int
        let lower_bound: Double
        let gap: Double
        let bound: String
        let cover: [Purchase]
        let checks: [Check]
        let unfixable: [Unfixable]
        let curve: [Point]

        init(_ plan: CoverPlan) {
            exact = plan.exact
            candidates = plan.problem.candidates.count
            covers_simulated = plan.evaluations
            lower_bound = plan.bound.cost
            gap = max(0, plan.cost - plan.bound.cost)
            bound = plan.boundDescription
            cover = plan.purchases.map {
                Purchase(date: $0.date.description, option: $0.option.option, group: $0.option.group, name: $0.option.name,
                         count: $0.count, cost_per_day: $0.option.costPerDay, cost: $0.cost)
            }
            var checks: [Check] = []
            for (i, limit) in plan.limits.enumerated() {
                for (c, check) in plan.problem.checks.enumerated() {
                    let (b, a) = (plan.before[i][c], plan.after[i][c])
                    checks.append(Check(
                        date: check.date.description, window: plan.problem.windowNames[check.window], level: limit.level,
                        before: b.estimate, before_low: b.low, before_high: b.high, after: a.estimate, after_low: a.low, after_high: a.high,
                        within_limit: a.high <= limit.probability + plan.settings.tolerance))
                }
            }
            self.checks = checks
            unfixable = plan.unfixable.map {
                let check = plan.problem.checks[$0.check]
                return Unfixable(
                    date: check.date.description, window: plan.problem.windowNames[check.window], level: plan.limits[$0.limit].level,
                    before: $0.before, best_with_pool: $0.best, more_per_group_needed: $0.moreNeeded, with_three_more_per_group: $0.withThreeMore,
                    message: plan.unfixableDescription($0))
            }
            curve = plan.curve.map { Point(probability: $0.probability, cost: $0.cost, units: $0.units, worst_upper: $0.worstUpper) }
        }
    }
}
