import Calendars
import Foundation
import Scenarios
import Simulation
import RunArtifacts

/// A run whose every probability is exactly 0 or 1, so its files are known in advance: three EMEA
/// and ten US SEs, no sickness, no inflow, no work, 40 open cases throughout, on Monday 2026-12-07
/// and Tuesday 2026-12-08; on Tuesday six US SEs are off.
///
/// Monday: emea 3, us 10, load 40/13 ≈ 3.08 → level 1 at both checks.
/// Tuesday: emea 3, us 4, load 40/7 ≈ 5.71 → us ≤ 4 makes it level 4 (#community-relations) at both checks.
public enum TwoDayRun {
    public static let trials = 3

    public static func scenario() -> Scenario {
        let tuesday = DateRange(day: CivilDate(iso: "2026-12-08")!)
        let team = (0..<3).map { SupportEngineer(name: "e\($0)", group: "emea", holidays: .none) }
            + (0..<10).map { SupportEngineer(name: "u\($0)", group: "us", holidays: .none, timeOff: $0 < 6 ? [tuesday] : []) }
        return Scenario(
            name: "two-days", horizon: try! DateRange(first: CivilDate(iso: "2026-12-07")!, last: CivilDate(iso: "2026-12-08")!),
            team: team, inflow: Scenario.Inflow(basePerDay: 0), resolvePerShift: 0, initialOpenCases: .fixed(40))
    }

    public static func estimates() throws -> Estimates {
        let model = try SimulationModel(scenario())
        let tally = try MonteCarloRun(model: model, settings: settings).run()
        return Estimates(model: model, tally: tally)
    }

    public static let settings = RunSettings(size: .trials(trials), seed: 5, threads: 1)

    public static func output() throws -> RunOutput {
        let estimates = try estimates()
        let record = RunRecord(
            toolVersion: "9.9.9", scenarioPath: "two-days.json", scenarioBytes: Array("abc".utf8), estimates: estimates,
            settings: settings, started: Date(timeIntervalSince1970: 1_800_000_000), elapsedSeconds: 0.5)
        return RunOutput(estimates: estimates, record: record)
    }
}
