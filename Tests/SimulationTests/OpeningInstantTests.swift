import Calendars
import Scenarios
import Testing
@testable import Simulation

/// A backlog counted at an instant inside the first segment (`plan outlook --open-cases-at`):
/// only the arrivals and the work after it are simulated (docs/MODEL.md §5).
@Suite struct OpeningInstantTests {
    /// 24 cases a day is one an hour. Counted at 07:00 on Monday, the EMEA check at 10:00 adds
    /// Poisson(3), not the 16.5 of the whole segment from 17:30 on Sunday.
    @Test func onlyArrivalsAfterTheInstantCount() throws {
        var scenario = TestScenarios.plain(emea: 1, us: 1, days: 1, inflow: Scenario.Inflow(basePerDay: 24), initialOpen: .fixed(50))
        scenario.openCasesAt = 7 * 60
        let model = try SimulationModel(scenario)
        // Segments end at 01:00, 09:00, 10:00 (EMEA's check), 14:00, 16:00 and 17:30 (the Americas check).
        #expect(model.layout.ends == [60, 540, 600, 840, 960, 1050])
        #expect(model.arrivalMeans[0] == 0 && abs(model.arrivalMeans[1] - 2) < 1e-12 && abs(model.arrivalMeans[2] - 1) < 1e-12)
        #expect(abs(model.arrivalMeans[3..<6].reduce(0, +) - 7.5) < 1e-12)
        let trials = 100_000
        let (_, tally) = try EngineKnownAnswerTests().run(scenario, trials: trials)
        let (m, v) = EngineKnownAnswerTests.moments(tally, check: 0)
        #expect(abs(m - 53) < 4.5 * (3 / Double(trials)).squareRoot(), "mean \(m) vs 53")
        #expect(abs(v - 3) < 4.5 * ((3 + 2 * 9) / Double(trials)).squareRoot(), "variance \(v) vs 3")
    }

    /// The US shift of Monday (14:00–01:00) worked before 07:00 Tuesday is in the count already;
    /// EMEA's hour from 09:00 to 10:00 is after it. Capacity before the EMEA check: 1/7 of an
    /// EMEA shift (in the segment 09:00–10:00), none of the US one.
    @Test func onlyWorkAfterTheInstantCounts() throws {
        var scenario = TestScenarios.plain(emea: 1, us: 1, days: 1, resolve: 7, initialOpen: .fixed(100))
        // Tuesday, so that the US SE worked the evening before.
        scenario.horizon = DateRange(day: scenario.horizon.first.adding(days: 1))
        let whole = try SimulationModel(scenario)
        let k = whole.layout.count
        #expect(whole.shiftShares[(whole.groups.firstIndex(of: "us")! * 3 + 1) * k + 0] == 7.5 / 11)
        scenario.openCasesAt = 7 * 60
        let cut = try SimulationModel(scenario)
        let emea = cut.groups.firstIndex(of: "emea")!, us = cut.groups.firstIndex(of: "us")!
        #expect(cut.opening.days == 1)
        #expect(cut.opening.shares[0][(emea * 3 + 0) * k + 2] == 1.0 / 7)
        #expect(cut.opening.shares[0][(us * 3 + 1) * k + 0] == 0)
        #expect(whole.opening.days == 0)
        let trials = 100_000
        let (_, tally) = try EngineKnownAnswerTests().run(scenario, trials: trials)
        // Resolutions by the EMEA check: Poisson(7 × 1/7) = Poisson(1), where the whole segment
        // would add the US SE's Sunday evening, 7 × 7.5/11.
        let (m, _) = EngineKnownAnswerTests.moments(tally, check: 0)
        #expect(abs(m - 99) < 4.5 * (1 / Double(trials)).squareRoot(), "mean \(m) vs 99")
    }

    /// An instant after the first check, or before the simulation's start, is refused.
    @Test func instantOutsideTheOpeningIsAnError() {
        var scenario = TestScenarios.plain(emea: 1, us: 1, days: 1)
        scenario.openCasesAt = 10 * 60 + 1
        #expect(throws: SimulationError.self) { try SimulationModel(scenario) }
        scenario.openCasesAt = -391
        #expect(throws: SimulationError.self) { try SimulationModel(scenario) }
        scenario.openCasesAt = -390
        #expect(throws: Never.self) { try SimulationModel(scenario) }
    }
}
