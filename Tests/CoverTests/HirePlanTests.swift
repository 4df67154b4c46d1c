import Calendars
import Foundation
import OutputFormats
import Scenarios
import Simulation
import Testing
import WhatIf

@testable import Cover

/// `plan hire`'s known answers (docs/HIRE.md) on small plain teams: 3 EMEA and 9 US SEs without
/// holidays or sickness, resolving 3 cases a shift each (36 a weekday), under the handbook policy,
/// whose level 4 comes with a load above 8 cases per working SE (or 4 US SEs or fewer).
@Suite struct HirePlanTests {
    static func team(emea: Int = 3, us: Int = 9) -> [SupportEngineer] {
        (0..<emea).map { SupportEngineer(name: "e\($0)", group: "emea", holidays: .none) }
            + (0..<us).map { SupportEngineer(name: "u\($0)", group: "us", holidays: .none) }
    }

    static func scenario(basePerDay: Double, periods: [Scenario.Inflow.Period] = [], team: [SupportEngineer] = team()) -> Scenario {
        Scenario(
            name: "plain", horizon: DateRange(date("2027-02-01")...date("2027-02-28")), team: team,
            inflow: Scenario.Inflow(basePerDay: basePerDay, weekdayFactors: [.saturday: 0, .sunday: 0], periods: periods),
            resolvePerShift: 3, initialOpenCases: .fixed(10))
    }

    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static let limit = [RiskLimit(level: 4, probability: 0.10)]
    static let settings = CoverPlan.Settings(trials: 200, seed: 3, validationTrials: 1000, threads: 2)

    /// 25 cases a weekday for 36 resolutions: the backlog never builds, so no hire.
    @Test func aTeamThatMeetsTheLimitHiresNobody() throws {
        let plan = try HirePlan(
            scenario: Self.scenario(basePerDay: 25), through: Self.date("2027-05-31"),
            hiring: .init(leadWeeks: 2, ramp: Ramp(weeks: 4, startFraction: 0.5)), limits: Self.limit, settings: Self.settings)
        #expect(plan.hires.isEmpty && plan.cost == 0)
        #expect(plan.isFeasible)
        #expect(plan.after.allSatisfy { $0.allSatisfy { $0.high <= 0.10 + 0.01 } })
    }

    /// From 1 May the inflow rises from 30 to 45 a weekday, past what 12 SEs resolve: the backlog
    /// grows by about 9 a day and passes 96 (load 8) within weeks. A hire starting on 1 May brings
    /// 5% of an SE on the day, so the plan's first hire must start by 1 April, a ramp (4 weeks)
    /// before the step; and the validated plan keeps every check within the limit.
    @Test func aStepInDemandIsMetByHiresAtLeastARampBeforeIt() throws {
        let step = Scenario.Inflow.Period(dates: DateRange(Self.date("2027-05-01")...Self.date("2027-06-30")), factor: 1.5)
        let plan = try HirePlan(
            scenario: Self.scenario(basePerDay: 30, periods: [step]), through: Self.date("2027-06-30"),
            hiring: .init(leadWeeks: 2, ramp: Ramp(weeks: 4, startFraction: 0.05, countsInHeadcount: false), maxPerMonth: 3),
            limits: Self.limit, settings: Self.settings)
        let first = try #require(plan.hires.first)
        #expect(first.start.days(to: Self.date("2027-05-01")) >= 28, "first hire starts \(first.start)")
        #expect(first.openBy == first.start.adding(days: -14))
        #expect(plan.validated && plan.unfixable.isEmpty)
        for c in plan.after[0].indices { #expect(plan.after[0][c].high <= 0.10 + 0.01, "check \(c)") }
        #expect(plan.before[0].contains { $0.estimate > 0.5 }, "without hires the step breaks the limit")
    }

    /// The search's bad input: `--through` before the start, a lead time longer than the horizon.
    @Test func throughBeforeTheStartAndALeadTimeLongerThanTheHorizonAreNamed() {
        let scenario = Self.scenario(basePerDay: 25)
        #expect(throws: WhatIfError("\(term: .through) 2027-01-31 is before the horizon's start, 2027-02-01; give a date on or after it")) {
            try HireProblem(scenario: scenario, through: Self.date("2027-01-31"), settings: .init())
        }
        #expect(throws: WhatIfError("\(term: .leadTime) 8 weeks is longer than the horizon (2027-02-01 to 2027-03-15): no hire could start in it")) {
            try HireProblem(scenario: scenario, through: Self.date("2027-03-15"), settings: .init(leadWeeks: 8))
        }
    }

    /// Candidates are the firsts of months from the lead time on; a hire costs its months to the end;
    /// unbought slots join after the horizon, so the team's draws are the same whatever is bought.
    @Test func candidatesCostsAndSlots() throws {
        let problem = try HireProblem(scenario: Self.scenario(basePerDay: 25), through: Self.date("2027-06-30"), settings: .init(leadWeeks: 5, maxPerMonth: 2))
        #expect(problem.candidates.map { "\($0.group) \($0.start)" } == [
            "emea 2027-04-01", "emea 2027-05-01", "emea 2027-06-01", "us 2027-04-01", "us 2027-05-01", "us 2027-06-01",
        ])
        #expect(abs(problem.unitCost(2) - 30 / (365.25 / 12)) < 1e-12)
        let hired = problem.scenario(with: [1, 0, 0, 0, 0, 2])
        #expect(hired.team.count == 12 + 12)
        #expect(hired.team.filter { $0.joins != nil && $0.joins! <= Self.date("2027-06-30") }.map(\.name) == ["hire emea 2027-04-01 1", "hire us 2027-06-01 1", "hire us 2027-06-01 2"])
        #expect(problem.openBy(Self.date("2027-04-01")) == Self.date("2027-02-25"))
    }

    /// Attrition alone: 3 EMEA and 15 US SEs resolve 54 cases a weekday for 50 arriving; the US
    /// group loses 60% a year. Over February–May (119 days) the 15 lose Binomial(15, 1 − 0.4^(119/365))
    /// SEs, 3.9 expected, 1 to 7 in 95% of years; each takes 3 of the 4 cases a day of slack, so the
    /// backlog (load 8 is 144 open cases) needs the leavers replaced. The plan's hires over the
    /// period lie within that interval.
    @Test func attritionAloneIsMetByAboutAsManyHiresAsLeavers() throws {
        var scenario = Self.scenario(basePerDay: 50, team: Self.team(emea: 3, us: 15))
        scenario.attrition = ["us": .init(ratePerYear: 0.6)]
        let plan = try HirePlan(
            scenario: scenario, through: Self.date("2027-05-31"),
            hiring: .init(leadWeeks: 2, ramp: Ramp(weeks: 4, startFraction: 0.5)), limits: Self.limit,
            settings: CoverPlan.Settings(trials: 150, seed: 3, validationTrials: 600, threads: 2))
        let p = 1 - Scenario.Attrition(ratePerYear: 0.6).survival(days: Self.date("2027-02-01").days(to: Self.date("2027-05-31")))
        #expect(abs(15 * p - 3.9) < 0.05)
        // The binomial's 2.5% and 97.5% quantiles.
        var cumulative = 0.0, low: Int?, high: Int?
        for k in 0...15 {
            cumulative += exp(lgamma(16) - lgamma(Double(k + 1)) - lgamma(Double(16 - k))) * pow(p, Double(k)) * pow(1 - p, Double(15 - k))
            if low == nil && cumulative >= 0.025 { low = k }
            if high == nil && cumulative >= 0.975 { high = k }
        }
        #expect(low == 1 && high == 7)
        let hired = plan.hires.reduce(0) { $0 + $1.count }
        #expect((low!...high!).contains(hired), "\(hired) hires: \(plan.hires.map { "\($0.count) \($0.group) \($0.start)" })")
        #expect(plan.before[0].contains { $0.estimate > 0.10 }, "without hires attrition breaks the limit")
    }
}
