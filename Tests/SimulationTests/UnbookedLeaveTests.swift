import Calendars
import Foundation
import Scenarios
import Testing
@testable import Simulation

/// Known answers for leave not yet booked (docs/MODEL.md §3a).
///
/// With geometric spell lengths, "in an unbooked spell on day d" is a two-state Markov chain: an
/// SE in a spell on d − 1 is still in it on d with probability 1 − 1/m, and an SE free on d starts
/// one with probability q_d = min(1, days a year / 365 / m × month factor × P(lead < d − as_of)).
/// So π_d = P(in a spell on d) = π_{d−1}(1 − 1/m) + (1 − π_{d−1}(1 − 1/m)) q_d, from π = 0 before
/// the first simulated day, and the expected unbooked leave days of a period are Σ_d π_d over the
/// days each SE is scheduled. The kernel's trials are read directly (`beginTrial` draws the
/// absence of a whole trial), so each trial's total is one independent sample.
@Suite struct UnbookedLeaveTests {
    /// Twenty SEs over eight weeks from Monday 2026-12-07, as of 2026-12-01: 40 leave days a year
    /// (the ten EMEA SEs 20) in spells of 3 days, December × 1.5 and January × 0.8, booked 0–6
    /// days ahead (20%), 7–27 (50%) or 28–59 (30%). No sickness.
    static func scenario() -> Scenario {
        var scenario = TestScenarios.plain(emea: 10, us: 10, days: 56)
        scenario.asOf = TestScenarios.date("2026-12-01")
        scenario.unbookedLeave = Scenario.UnbookedLeave(
            daysPerYear: 40, meanSpellDays: 3, monthFactors: [12: 1.5, 1: 0.8],
            leadTime: [.init(upTo: 6, share: 0.2), .init(upTo: 27, share: 0.5), .init(upTo: 59, share: 0.3)])
        for i in 0..<10 { scenario.team[i].leaveDaysPerYear = 20 }
        return scenario
    }

    /// P(lead < x) for the scenario's bins, written out: 0.2·min(x, 7)/7 + 0.5·clamp(x − 7, 0, 21)/21 + 0.3·clamp(x − 28, 0, 32)/32.
    static func bookedLater(_ x: Int) -> Double {
        func part(_ from: Int, _ width: Int) -> Double { Double(min(max(x - from, 0), width)) / Double(width) }
        return 0.2 * part(0, 7) + 0.5 * part(7, 21) + 0.3 * part(28, 32)
    }

    /// π_d for an SE with `perYear` leave days, days 0…55 of the scenario.
    static func inSpell(perYear: Double, scenario: Scenario) -> [Double] {
        let first = scenario.horizon.first, asOf = scenario.asOf!
        var pi = 0.0
        return (0..<scenario.horizon.dayCount).map { d in
            let date = first.adding(days: d)
            let factor = date.month == 12 ? 1.5 : date.month == 1 ? 0.8 : 1
            let q = min(1, perYear / 365 / 3 * factor * bookedLater(asOf.days(to: date)))
            pi = pi * (1 - 1.0 / 3) + (1 - pi * (1 - 1.0 / 3)) * q
            return pi
        }
    }

    @Test func theScenarioSharesBookedLaterAsWrittenOut() {
        let leave = Self.scenario().unbookedLeave!
        for x in -3...70 { #expect(abs(leave.bookedLater(daysAfterAsOf: x) - Self.bookedLater(x)) < 1e-12, "x = \(x)") }
    }

    /// The expected unbooked leave days over the eight weeks, on scheduled days (weekdays), and on
    /// each day: the kernel's mean within 4.5 standard errors (the total's from the trials' own
    /// spread; each day's from the binomial variance of its headcount). 56 + 1 comparisons at 4.5σ:
    /// a false alarm about once in 2,600 runs, and the seed is fixed.
    @Test func meanLeaveDaysMatchTheMarkovChain() throws {
        let scenario = Self.scenario()
        let model = try SimulationModel(scenario)
        let kernel = try TrialKernel(model: model)
        let trials = 20_000
        let days = model.dayCount
        var perDay = [Double](repeating: 0, count: days)
        var totals: [Double] = []
        for trial in 0..<trials {
            kernel.seed(master: 7, block: 0, trial: UInt64(trial))
            _ = kernel.beginTrial()
            var total = 0.0
            for d in 0..<days {
                let away = (0..<model.groups.count).map { g in model.scheduled(group: g, day: d) - Int(kernel.headcount[g, day: d]) }.reduce(0, +)
                perDay[d] += Double(away)
                total += Double(away)
            }
            totals.append(total)
        }
        let emea = Self.inSpell(perYear: 20, scenario: scenario), us = Self.inSpell(perYear: 40, scenario: scenario)
        let weekday = (0..<days).map { model.scheduled(group: 0, day: $0) > 0 }
        let expected = (0..<days).map { weekday[$0] ? 10 * emea[$0] + 10 * us[$0] : 0 }
        let mean = totals.reduce(0, +) / Double(trials)
        let variance = totals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(trials - 1)
        let expectedTotal = expected.reduce(0, +)
        #expect(expectedTotal > 30, "the test needs leave to see: \(expectedTotal)")
        #expect(abs(mean - expectedTotal) <= 4.5 * (variance / Double(trials)).squareRoot(), "mean \(mean) vs \(expectedTotal)")
        for d in 0..<days {
            let spread = weekday[d] ? 10 * emea[d] * (1 - emea[d]) + 10 * us[d] * (1 - us[d]) : 0
            #expect(abs(perDay[d] / Double(trials) - expected[d]) <= 4.5 * (spread / Double(trials)).squareRoot() + 1e-12,
                    "day \(d): \(perDay[d] / Double(trials)) vs \(expected[d])")
        }
    }

    /// Nothing is drawn on or before as_of (lead times are whole days from 0, and a spell starting
    /// on d was booked by d), and an as_of after the horizon leaves every day as scheduled.
    @Test func nothingUnbookedUpToAsOf() throws {
        var scenario = Self.scenario()
        scenario.asOf = TestScenarios.date("2026-12-20")
        let model = try SimulationModel(scenario)
        let kernel = try TrialKernel(model: model)
        let lastKnown = model.firstDate.days(to: scenario.asOf!)
        var awayLater = 0
        for trial in 0..<2000 {
            kernel.seed(master: 3, block: 0, trial: UInt64(trial))
            _ = kernel.beginTrial()
            for d in 0..<model.dayCount {
                let away = (0..<2).map { g in model.scheduled(group: g, day: d) - Int(kernel.headcount[g, day: d]) }.reduce(0, +)
                if d <= lastKnown { #expect(away == 0, "day \(d)") } else { awayLater += away }
            }
        }
        #expect(awayLater > 0)
        scenario.asOf = TestScenarios.date("2027-03-01")
        let later = try SimulationModel(scenario)
        #expect(try TrialKernel(model: later).tables.hasUnbookedLeave == false)
    }

    /// Sickness and unbooked leave on the same day take the SE once: with both certain every day
    /// (one-day spells), each group's headcount is 0, never negative.
    @Test func sickOnLeaveCountsOnce() throws {
        var scenario = TestScenarios.plain(emea: 3, us: 4, days: 5, sickness: Scenario.Sickness(dailyStartProbability: 1, meanSpellDays: 1, severityCV: 0))
        scenario.asOf = TestScenarios.date("2026-11-01")
        scenario.unbookedLeave = Scenario.UnbookedLeave(daysPerYear: 365, meanSpellDays: 1, leadTime: [.init(upTo: 0, share: 1)])
        let model = try SimulationModel(scenario)
        let kernel = try TrialKernel(model: model)
        kernel.seed(master: 1, block: 0, trial: 0)
        _ = kernel.beginTrial()
        for d in 0..<model.dayCount { for g in 0..<2 { #expect(kernel.headcount[g, day: d] == 0) } }
    }
}
