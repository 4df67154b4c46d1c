import Testing
@testable import Simulation
import Scenarios

/// The ends of the sickness ranges run: a daily start probability so small that 1 − p rounds to 1
/// (the hostile-input review's `sick_days_per_year` 1e-15, which trapped) means nobody is ever
/// absent; a certain start with year-long spells means nobody ever works.
@Suite struct ExtremeSicknessTests {
    func headcounts(_ sickness: Scenario.Sickness) throws -> (Estimates, SimulationModel) {
        var scenario = TestScenarios.december()
        scenario.sickness = sickness
        let model = try SimulationModel(scenario)
        let tally = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(200), seed: 4, threads: 2)).run()
        return (Estimates(model: model, tally: tally), model)
    }

    @Test func vanishingSicknessLeavesTheScheduleWhole() throws {
        let (estimates, _) = try headcounts(Scenario.Sickness(sickDaysPerYear: 1e-15, meanSpellDays: 365, severityCV: 10))
        for check in estimates.checks {
            #expect(check.headcounts.map(\.mean) == check.planned.map(Double.init), "\(check.date) \(check.window)")
        }
    }

    @Test func certainYearLongSicknessEmptiesEveryCheck() throws {
        let (estimates, _) = try headcounts(Scenario.Sickness(dailyStartProbability: 1, meanSpellDays: 365, severityCV: 0))
        for check in estimates.checks {
            #expect(check.headcounts.allSatisfy { $0.mean == 0 }, "\(check.date) \(check.window)")
        }
    }
}
