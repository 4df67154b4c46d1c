import Calendars
import Scenarios
import Testing
@testable import Simulation

/// Segments cut at the shifts' starts and ends (docs/MODEL.md §5): capacity works only in the
/// hours its shift covers, so cases that arrive after the last shift ends wait for the next one.
@Suite struct ShiftCutTests {
    /// One US SE (shift 14:00–01:00) and no EMEA SE, 24 cases a day (one an hour), 1,000
    /// resolutions a shift: every case open while the SE works is resolved (P(Poisson(681) falls
    /// short of the backlog) is below 1e-100). Nobody works from 01:00 to 14:00, so the 10:00
    /// check holds exactly the cases of 01:00–10:00: Poisson(9), mean and variance 9. Before the
    /// cut, the US evening's capacity in the segment 17:30–10:00 cleared them too (open = 0).
    /// At 17:30 the afternoon's capacity has cleared everything: open = 0 in every trial.
    @Test func casesAfterTheShiftsEndWaitForTheNextShift() throws {
        var scenario = TestScenarios.plain(emea: 0, us: 1, days: 1, inflow: Scenario.Inflow(basePerDay: 24), resolve: 1000, initialOpen: .fixed(30))
        // Tuesday, so that the US SE worked the evening before.
        scenario.horizon = DateRange(day: scenario.horizon.first.adding(days: 1))
        let model = try SimulationModel(scenario)
        // 01:00–09:00 no shift reaches (EMEA's group, empty, still has its 09:00–16:00 shift).
        #expect(model.layout.worked == [true, false, true, true, true, true])
        let trials = 100_000
        let (_, tally) = try EngineKnownAnswerTests().run(scenario, trials: trials)
        let (m, v) = EngineKnownAnswerTests.moments(tally, check: 0)
        #expect(abs(m - 9) < 4.5 * (9 / Double(trials)).squareRoot(), "mean \(m) vs 9")
        #expect(abs(v - 9) < 4.5 * ((9 + 2 * 81) / Double(trials)).squareRoot(), "variance \(v) vs 9")
        let (evening, _) = EngineKnownAnswerTests.moments(tally, check: 1)
        #expect(evening == 0)
    }

    /// A level's extra resolutions a day are spread over the hours a shift covers (docs/MODEL.md
    /// §6): with December's shifts the 8 hours from 01:00 to 09:00 get none, the other 16 hours
    /// their share, and the day's total is the level's.
    @Test func extraResolutionsGoWhereSomeoneWorks() throws {
        var scenario = TestScenarios.plain(emea: 1, us: 1, days: 1)
        scenario.effects[1] = Scenario.LevelEffect(extraResolutionsPerDay: 16)
        let model = try SimulationModel(scenario)
        #expect(Array(model.extraPerSegment[0..<6]) == [7.5, 0, 1, 4, 2, 1.5])
    }
}
