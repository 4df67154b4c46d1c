import Calendars
import Scenarios
import Testing
@testable import Simulation

/// "Why this day" on December: the schedule's floor level, the no-sickness figure and the full one.
@Suite struct AttributionTests {
    static func estimates(_ scenario: Scenario, trials: Int) throws -> Estimates {
        let model = try SimulationModel(scenario)
        let tally = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(trials), seed: 3, threads: 2)).run()
        return Estimates(model: model, tally: tally)
    }

    /// Without sickness in the scenario the no-sickness run is the main run itself (same seed and
    /// trials), so the two figures are equal at every check: a known answer, not a tolerance.
    @Test func withoutSicknessInTheScenarioBothFiguresAreEqual() throws {
        var scenario = TestScenarios.december()
        scenario.sickness = .none
        let attribution = try Attribution(estimates: try Self.estimates(scenario, trials: 2_000), seed: 3, threads: 2)
        #expect(attribution.trials == 2_000 && attribution.checks.count == 44)
        #expect(attribution.checks.allSatisfy { $0.withoutSickness == $0.full })
    }

    /// December's Dec 28 has one EMEA and five US SEs scheduled: the schedule alone is level 5
    /// (`plan calendar` says so). Dec 21–24 are level 5 for the backlog and sickness, not the rota
    /// (floor 2), and sickness adds to every one of them: at 20,000 trials a difference of 2 points
    /// is over 4 standard errors, and the measured differences are about 5 points.
    @Test func decemberFloorAndSickness() throws {
        let attribution = try Attribution(estimates: try Self.estimates(TestScenarios.december(), trials: 20_000), seed: 3, threads: 2)
        let dec28 = attribution.checks.filter { $0.date == TestScenarios.date("2026-12-28") }
        #expect(dec28.count == 2 && dec28.allSatisfy { $0.floorLevel == 5 && $0.level == 5 })
        let crunch = attribution.checks.filter { (TestScenarios.date("2026-12-21")...TestScenarios.date("2026-12-24")).contains($0.date) }
        #expect(crunch.count == 8)
        for check in crunch {
            #expect(check.level == 5 && check.floorLevel == 2, "\(check)")
            #expect(check.full - check.withoutSickness > 0.02, "\(check)")
        }
    }
}
