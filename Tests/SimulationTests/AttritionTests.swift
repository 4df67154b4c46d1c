import Calendars
import Foundation
import Scenarios
import Testing
@testable import Simulation

/// Attrition and ramping hires (docs/MODEL.md §2) against their closed forms.
@Suite struct AttritionTests {
    static func tally(_ scenario: Scenario, trials: Int, seed: UInt64 = 5) throws -> (SimulationModel, Tally) {
        let model = try SimulationModel(scenario)
        return (model, try MonteCarloRun(model: model, settings: RunSettings(size: .trials(trials), seed: seed, threads: 2)).run())
    }

    /// 20 SEs, 50% a year with 10 days' notice, no sickness: the mean working headcount at a check
    /// d days into the horizon is 20 × 0.5^(max(0, d − 10) / 365), each SE independently, so its
    /// standard error over n trials is √(20 p (1 − p) / n). Largest |z| over the 86 check days
    /// under 4.1 (Bonferroni at 1% family-wise, the days treated as independent, which is
    /// conservative: neighbouring days are nearly the same count).
    @Test func theTeamShrinksAsTheClosedFormSays() throws {
        var scenario = TestScenarios.plain(emea: 20, us: 0, days: 120)
        scenario.attrition = ["emea": .init(ratePerYear: 0.5, noticeDays: 10)]
        let trials = 2000
        let (model, tally) = try Self.tally(scenario, trials: trials)
        let estimates = Estimates(model: model, tally: tally)
        var largest = 0.0
        for (c, check) in estimates.checks.enumerated() where c % 2 == 0 {
            let d = model.checks[c].day - model.firstReportedDay
            let p = scenario.attrition["emea"]!.survival(days: d)
            let expected = 20 * p
            #expect(abs(scenario.expectedHeadcount(group: "emea", on: check.date) - expected) < 1e-9)
            if p < 1 { largest = max(largest, abs(check.headcounts[0].mean - expected) / (20 * p * (1 - p) / Double(trials)).squareRoot()) }
            else { #expect(check.headcounts[0].mean == 20, "nobody leaves within the notice") }
        }
        #expect(largest > 0 && largest < 4.1, "largest |z| \(largest)")
        #expect(estimates.checks.last!.headcounts[0].mean < 18.5, "the team did shrink")
    }

    /// Attrition draws on its own stream: attrition in EMEA leaves every US headcount and the
    /// absence draws of the run without it exactly as they were, and a rate of 0 changes nothing.
    @Test func attritionKeepsTheOtherDrawsAsTheyWere() throws {
        let plain = TestScenarios.december()
        var leaving = plain
        leaving.attrition = ["emea": .init(ratePerYear: 0.9)]
        var zero = plain
        zero.attrition = ["emea": .init(ratePerYear: 0), "us": .init(ratePerYear: 0)]
        let (_, a) = try Self.tally(plain, trials: 300)
        let (_, b) = try Self.tally(leaving, trials: 300)
        let (_, c) = try Self.tally(zero, trials: 300)
        #expect(a.levels == c.levels && a.headcountHistogram == c.headcountHistogram)
        let stride = a.headcountHistogram.count / (a.checkCount * 2)
        var emeaDiffers = false
        for check in 0..<a.checkCount {
            let us = (check * 2 + 1) * stride, emea = check * 2 * stride
            #expect(Array(a.headcountHistogram[us..<(us + stride)]) == Array(b.headcountHistogram[us..<(us + stride)]))
            emeaDiffers = emeaDiffers || Array(a.headcountHistogram[emea..<(emea + stride)]) != Array(b.headcountHistogram[emea..<(emea + stride)])
        }
        #expect(emeaDiffers)
        #expect(try SimulationModel(leaving).firstDayDiffering(from: SimulationModel(plain)) == 0)
    }

    /// A hire joining on Wednesday 9 December with a 1-week ramp from 30%: the group's scheduled
    /// capacity is 1 + 0.3 + 0.1 × (days since joining) on their working days, 2 from the 16th;
    /// counted from the first day by default, only from the 16th when the ramp says so.
    @Test func aRampRaisesCapacityLinearlyAndCountsAsSet() throws {
        var scenario = TestScenarios.plain(emea: 1, us: 0, days: 12)
        var hire = SupportEngineer(name: "h", group: "emea", holidays: .none, joins: TestScenarios.date("2026-12-09"))
        hire.ramp = Ramp(weeks: 1, startFraction: 0.3)
        scenario.team.append(hire)
        let model = try SimulationModel(scenario)
        func capacity(_ d: Int) -> Double { model.scheduledCapacity[d + 1] }
        #expect(capacity(1) == 1 && model.scheduled(group: 0, day: 1) == 1, "Tuesday: before joining")
        #expect(abs(capacity(2) - 1.3) < 1e-12 && model.scheduled(group: 0, day: 2) == 2)
        #expect(abs(capacity(4) - 1.5) < 1e-12, "Friday, 2 days in")
        #expect(capacity(5) == 0, "Saturday: nobody scheduled")
        #expect(abs(capacity(7) - 1.8) < 1e-12, "Monday, 5 days in")
        #expect(capacity(9) == 2, "Wednesday 16th, 7 days in: full")

        scenario.team[1].ramp!.countsInHeadcount = false
        let uncounted = try SimulationModel(scenario)
        #expect(uncounted.scheduled(group: 0, day: 8) == 1 && uncounted.scheduled(group: 0, day: 9) == 2)
        #expect(uncounted.scheduledCapacity == model.scheduledCapacity)
    }

    /// Sickness takes a ramping hire's capacity of the day, and no headcount while they are not
    /// counted: with everyone sick all the time (p = 1), nothing works and nothing goes negative.
    @Test func sicknessTakesARampingHiresCapacityOfTheDay() throws {
        var scenario = TestScenarios.plain(emea: 1, us: 0, days: 12, sickness: .init(dailyStartProbability: 1, meanSpellDays: 1, severityCV: 0))
        var hire = SupportEngineer(name: "h", group: "emea", holidays: .none, joins: TestScenarios.date("2026-12-09"))
        hire.ramp = Ramp(weeks: 1, startFraction: 0.3, countsInHeadcount: false)
        scenario.team.append(hire)
        scenario.attrition = ["emea": .init(ratePerYear: 0.99)]
        let model = try SimulationModel(scenario)
        let kernel = try TrialKernel(model: model)
        for trial in 0..<50 {
            kernel.seed(master: 3, block: 0, trial: UInt64(trial))
            _ = kernel.beginTrial()
            for d in 0..<model.dayCount {
                #expect(kernel.headcount[0, day: d] == 0)
                #expect(abs(kernel.capacity[0, day: d]) < 1e-12)
            }
        }
    }
}
