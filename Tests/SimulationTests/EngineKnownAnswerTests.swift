import Calendars
import CapacityPolicy
import CGSL
import Scenarios
import Testing
@testable import Simulation

/// Known answers: cases where the model's output follows in closed form.
@Suite struct EngineKnownAnswerTests {
    func run(_ scenario: Scenario, trials: Int, seed: UInt64 = 42, threads: Int = 2) throws -> (SimulationModel, Tally) {
        let model = try SimulationModel(scenario)
        let tally = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(trials), seed: seed, threads: threads)).run()
        return (model, tally)
    }

    /// No sickness, no inflow, no work: the level of every check is the policy's verdict on the
    /// planned headcount and the fixed backlog, with probability exactly 1.
    @Test func withoutRandomnessEveryCheckHasItsExactLevel() throws {
        var scenario = TestScenarios.plain(emea: 2, us: 10, initialOpen: .fixed(40))
        for i in 0..<6 { scenario.team[2 + i].timeOff = [TestScenarios.range("2026-12-09", "2026-12-09")] }
        scenario.team[0].timeOff = [TestScenarios.range("2026-12-11", "2026-12-11")]
        scenario.team[1].timeOff = [TestScenarios.range("2026-12-11", "2026-12-11")]
        let (model, tally) = try run(scenario, trials: 300)
        let estimates = Estimates(model: model, tally: tally)
        // Mon, Tue, Thu: emea 2 → level 2. Wed: us 4 → level 4. Fri: emea 0, us 10, load 4 → level 5.
        let expected = [2, 2, 2, 2, 4, 4, 2, 2, 5, 5]
        #expect(estimates.checks.map(\.date.description) == ["2026-12-07", "2026-12-07", "2026-12-08", "2026-12-08", "2026-12-09", "2026-12-09", "2026-12-10", "2026-12-10", "2026-12-11", "2026-12-11"])
        for (check, level) in zip(estimates.checks, expected) {
            #expect(check.levels[level - 1].successes == 300, "\(check.date) \(check.window)")
            #expect(check.planningLevel == level)
        }
        #expect(estimates.horizon[4].reached.estimate == 1)
        #expect(estimates.horizon[4].expectedChecks == 2)
        #expect(estimates.horizon[1].longestRun.mean == 10)
    }

    /// Absence alone: each SE is away independently with probability p on a day (one-day spells),
    /// so the level distribution is a sum over binomial headcounts.
    @Test func absenceAloneMatchesBinomialHeadcounts() throws {
        let p = 0.1
        let scenario = TestScenarios.plain(emea: 3, us: 10, days: 1,
                                           sickness: Scenario.Sickness(dailyStartProbability: p, meanSpellDays: 1, severityCV: 0))
        let trials = 200_000
        let (model, tally) = try run(scenario, trials: trials)
        let estimates = Estimates(model: model, tally: tally)
        let compiled = CompiledPolicy(Policy.handbook)
        var exact = [Double](repeating: 0, count: 8)
        for e in 0...3 {
            for u in 0...10 {
                let probability = gsl_ran_binomial_pdf(UInt32(e), 1 - p, 3) * gsl_ran_binomial_pdf(UInt32(u), 1 - p, 10)
                exact[compiled.level(Observation([e, u, 0]))] += probability
            }
        }
        for check in estimates.checks {
            for level in 0..<8 {
                let se = (exact[level] * (1 - exact[level]) / Double(trials)).squareRoot()
                #expect(abs(check.levels[level].estimate - exact[level]) <= 4.5 * se + 1e-12, "level \(level + 1): \(check.levels[level].estimate) vs \(exact[level])")
            }
            #expect(abs(check.headcounts[0].mean - 2.7) < 4.5 * (3 * p * (1 - p) / Double(trials)).squareRoot())
        }
    }

    /// Inflow alone (nobody resolves): open cases at a check are Poisson with the summed segment
    /// means, and the backlog carries over to the next day.
    @Test func inflowAloneIsPoissonAndCarriesOver() throws {
        let scenario = TestScenarios.plain(emea: 3, us: 10, days: 2, inflow: Scenario.Inflow(basePerDay: 30))
        let trials = 100_000
        let (model, tally) = try run(scenario, trials: trials)
        // Segment A (17:30–10:00) is 16.5 h of 24: 20.625 cases by the EMEA check, 30 by the Americas check.
        let means = [30 * 16.5 / 24, 30.0, 30 + 30 * 16.5 / 24, 60.0]
        for (c, mean) in means.enumerated() {
            let (m, v) = Self.moments(tally, check: c)
            #expect(abs(m - mean) < 4.5 * (mean / Double(trials)).squareRoot(), "check \(c): mean \(m) vs \(mean)")
            #expect(abs(v - mean) < 4.5 * ((mean + 2 * mean * mean) / Double(trials)).squareRoot(), "check \(c): variance \(v) vs \(mean)")
        }
        #expect(model.checks.count == 4)
    }

    /// A demand shock D ~ Gamma(mean 1, cv) makes the count negative binomial: variance μ + μ²cv².
    @Test func demandShockAddsGammaVariance() throws {
        let cv = 0.3
        let scenario = TestScenarios.plain(emea: 3, us: 10, days: 1, inflow: Scenario.Inflow(basePerDay: 40, demandCV: cv))
        let trials = 200_000
        let (_, tally) = try run(scenario, trials: trials)
        let (m, v) = Self.moments(tally, check: 1)
        #expect(abs(m - 40) < 4.5 * ((40 + 1600 * cv * cv) / Double(trials)).squareRoot())
        let expected = 40 + 1600 * cv * cv
        #expect(abs(v - expected) / expected < 0.03, "variance \(v) vs \(expected)")
    }

    /// Work alone: one EMEA SE (09:00–16:00) resolves Poisson(3) over the shift, 3/7 of it before 10:00.
    @Test func workAloneResolvesTheShiftsRate() throws {
        let scenario = TestScenarios.plain(emea: 1, us: 0, days: 1, resolve: 3, initialOpen: .fixed(100))
        var withGroups = scenario
        withGroups.team.append(SupportEngineer(name: "u-off", group: "us", holidays: .none, workingWeekdays: []))
        let trials = 100_000
        let (_, tally) = try run(withGroups, trials: trials)
        let (m0, v0) = Self.moments(tally, check: 0)
        let (m1, v1) = Self.moments(tally, check: 1)
        #expect(abs(m0 - (100 - 3.0 / 7)) < 4.5 * ((3.0 / 7) / Double(trials)).squareRoot())
        #expect(abs(m1 - 97) < 4.5 * (3 / Double(trials)).squareRoot())
        #expect(abs(v0 - 3.0 / 7) < 0.02 && abs(v1 - 3) < 0.1)
    }

    /// 95% Wilson intervals cover the exact P(level ≥ 2) at close to their nominal rate.
    @Test func intervalsCoverAtTheirNominalRate() throws {
        let p = 0.03
        let scenario = TestScenarios.plain(emea: 3, us: 10, days: 1,
                                           sickness: Scenario.Sickness(dailyStartProbability: p, meanSpellDays: 1, severityCV: 0))
        // Level ≥ 2 unless all three EMEA and at least nine US SEs work.
        let allEMEA = pow(1 - p, 3)
        let usAtLeast9 = gsl_ran_binomial_pdf(10, 1 - p, 10) + gsl_ran_binomial_pdf(9, 1 - p, 10)
        let truth = 1 - allEMEA * usAtLeast9
        let model = try SimulationModel(scenario)
        let runs = 400
        var covered = 0
        for r in 0..<runs {
            let tally = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(500), seed: UInt64(1000 + r), threads: 1, blockSize: 500)).run()
            let interval = Estimates(model: model, tally: tally).checks[0].atLeast[1]
            if interval.low <= truth && truth <= interval.high { covered += 1 }
        }
        // Coverage of 400 runs: 0.95 ± 3 standard errors (0.011).
        let coverage = Double(covered) / Double(runs)
        #expect(coverage > 0.917 && coverage < 0.983, "coverage \(coverage)")
    }

    /// Mean and variance of open cases at a check, from the open-case histogram (exact below 128,
    /// where these tests' counts lie but for tails too thin to move the moments).
    static func moments(_ tally: Tally, check c: Int) -> (Double, Double) {
        var n = 0.0, sum = 0.0, squares = 0.0
        for (bucket, count) in LogBuckets.counts(check: c, in: tally.openHistogram, checks: tally.checkCount).enumerated() {
            let count = Double(count), open = LogBuckets.value(ofBucket: bucket)
            n += count
            sum += count * Double(open)
            squares += count * Double(open) * Double(open)
        }
        let mean = sum / n
        return (mean, squares / n - mean * mean)
    }
}

private func pow(_ x: Double, _ n: Int) -> Double { (0..<n).reduce(1) { r, _ in r * x } }

/// Multi-day spells: after a long warm-up an SE is sick on a given day with the stationary
/// probability of the spell model, π = p·m / (p·m + 1 − p) (m the mean spell length), independently
/// of the other SEs.
@Suite struct SicknessSpellTests {
    @Test func headcountFollowsTheStationarySickShare() throws {
        let p = 0.05, m = 2.5
        var scenario = TestScenarios.plain(emea: 3, us: 10, days: 1,
                                           sickness: Scenario.Sickness(dailyStartProbability: p, meanSpellDays: m, severityCV: 0))
        scenario.warmupDays = 60
        let model = try SimulationModel(scenario)
        let trials = 200_000
        let tally = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(trials), seed: 5, threads: 2)).run()
        let sick = p * m / (p * m + 1 - p)
        let estimates = Estimates(model: model, tally: tally)
        for emea in 0...3 {
            let exact = gsl_ran_binomial_pdf(UInt32(emea), 1 - sick, 3)
            let observed = Double(tally.headcountHistogram[0 * 2 * (tally.maxGroupSize + 1) + emea]) / Double(trials)
            let se = (exact * (1 - exact) / Double(trials)).squareRoot()
            #expect(abs(observed - exact) <= 4.5 * se, "P(\(emea) EMEA SEs working) \(observed) vs \(exact)")
        }
        #expect(abs(estimates.checks[0].headcounts[0].mean - 3 * (1 - sick)) < 0.01)
    }
}
